package io.gpusim.cli;

import io.gpusim.bench.Bench;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.experiment.ReplicationRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gpusim bench}: replications per second of a scenario through the full stack (MASON schedule, agents,
 * ledger, recorder, streaming statistics), against a plain-Java reference loop that computes the same metrics (equal
 * to the model's for every seed) with no scheduler, no ledger and no events. Prints every repeat, the medians and
 * their ratio.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "Measure replications per second against a plain-Java reference loop.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            defaultValue = "scenarios/h20-2025.yaml",
            description = "Scenario to run (default: ${DEFAULT-VALUE}).")
    private Path scenarioFile;

    @Option(
            names = "--runs",
            defaultValue = "20000",
            description = "Replications per repeat (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--repeats", defaultValue = "5", description = "Timed repeats (default: ${DEFAULT-VALUE}).")
    private int repeats;

    @Option(names = "--warmup", defaultValue = "5", description = "Untimed repeats first (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    private Integer threads;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (runs < 1 || repeats < 1 || warmup < 0 || threadCount < 1) {
            err.println("gpusim bench: --runs, --repeats and --threads must be >= 1 and --warmup >= 0");
            return Main.EXIT_USAGE;
        }
        Scenario scenario = Scenarios.loadAll(List.of(scenarioFile)).get(0).with(List.of());
        out.printf(
                Locale.ROOT,
                "scenario %s, %d replications per repeat, %d threads, %d warm-up + %d timed repeats%n",
                scenario.name(),
                runs,
                threadCount,
                warmup,
                repeats);
        double[] model = new double[repeats];
        double[] reference = new double[repeats];
        Bench bench = new Bench(scenario, runs);
        try (ReplicationRunner runner = new ReplicationRunner(threadCount)) {
            for (int i = -warmup; i < repeats; i++) {
                double m = bench.timeModel(runner);
                double r = bench.timeReference(runner);
                if (i >= 0) {
                    model[i] = m;
                    reference[i] = r;
                    out.printf(Locale.ROOT, "repeat %d: model %,.0f runs/s, reference %,.0f runs/s%n", i + 1, m, r);
                    out.flush();
                }
            }
        }
        double mm = Bench.median(model);
        double rm = Bench.median(reference);
        out.printf(
                Locale.ROOT,
                "median: model %,.0f runs/s, reference %,.0f runs/s, reference/model %.2f%n",
                mm,
                rm,
                rm / mm);
        out.flush();
        return 0;
    }
}
