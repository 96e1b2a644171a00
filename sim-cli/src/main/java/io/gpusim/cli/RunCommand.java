package io.gpusim.cli;

import io.gpusim.agents.Simulation;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim run}: one replication, its metrics printed one per line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run one replication of a scenario and print its metrics.")
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path scenarioFile;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--replication", defaultValue = "0",
            description = "Replication index under the master seed; batch row i is replication i (default: 0).")
    private int replication;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (replication < 0) {
            err.println("gpusim run: --replication must be >= 0, got " + replication);
            return Main.EXIT_USAGE;
        }
        List<Scenario> loaded = Scenarios.loadAll(List.of(scenarioFile), err);
        if (loaded == null) {
            return Main.EXIT_USAGE;
        }
        long replicationSeed = Seeds.replicationSeed(seed, replication);
        RunResult result = Simulation.run(loaded.get(0), replicationSeed, false);
        out.printf(Locale.ROOT, "%-28s %s%n", "scenario", loaded.get(0).name());
        out.printf(Locale.ROOT, "%-28s %d%n", "seed", replicationSeed);
        for (Metric m : Metric.values()) {
            double v = result.get(m);
            out.printf(Locale.ROOT, "%-28s %s%n", m.id(), Double.isNaN(v) ? "" : Numbers.plain(v));
        }
        out.flush();
        return 0;
    }
}
