package io.gpusim.cli;

import io.gpusim.agents.Simulation;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.experiment.BatchSummary;
import io.gpusim.experiment.Replication;
import io.gpusim.experiment.ReplicationRunner;
import io.gpusim.experiment.Replicator;
import io.gpusim.experiment.SummaryRow;
import io.gpusim.experiment.SummaryWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim batch}: Monte Carlo replications of one or more scenarios, summarised. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run Monte Carlo replications and print a summary (median, mean, 95% CI per metric).")
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML or JSON).")
    private List<Path> files;

    @Option(names = "--runs", required = true, description = "Replications per scenario.")
    private int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write summary.csv into this directory.")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (runs < 1) {
            err.println("gpusim batch: --runs must be >= 1, got " + runs);
            return Main.EXIT_USAGE;
        }
        if (threadCount < 1) {
            err.println("gpusim batch: --threads must be >= 1, got " + threadCount);
            return Main.EXIT_USAGE;
        }
        if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
            err.println("gpusim batch: --out " + out + " exists and is not a directory");
            return Main.EXIT_USAGE;
        }
        List<Scenario> scenarios = Scenarios.loadAll(files, err);
        if (scenarios == null) {
            return Main.EXIT_USAGE;
        }
        List<SummaryRow> rows = new ArrayList<>();
        List<Replication> failures = new ArrayList<>();
        boolean showProgress = !quiet && System.console() != null;
        Replicator replicator = Simulation.replicator(false);
        try (ReplicationRunner runner = new ReplicationRunner(threadCount)) {
            for (Scenario scenario : scenarios) {
                BatchSummary summary = new BatchSummary(scenario.name(), "");
                try (ProgressBar bar = showProgress ? progress(scenario.name()) : null) {
                    runner.run(scenario, replicator, seed, 0, runs, r -> {
                                summary.add(r);
                                if (bar != null) {
                                    bar.step();
                                }
                            });
                }
                rows.addAll(summary.rows());
                failures.addAll(summary.failures());
                if (scenarios.size() > 1) {
                    spec.commandLine().getOut().println("scenario " + scenario.name());
                }
                spec.commandLine().getOut().print(SummaryWriters.table(summary.rows()));
            }
        }
        spec.commandLine().getOut().flush();
        if (out != null) {
            Files.createDirectories(out);
            SummaryWriters.writeCsv(out.resolve("summary.csv"), rows);
        }
        for (Replication f : failures) {
            err.println("gpusim batch: replication " + f.index() + " (seed " + f.seed() + ") failed: " + f.error());
        }
        return failures.isEmpty() ? 0 : Main.EXIT_RUN_FAILED;
    }

    private ProgressBar progress(String name) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(runs).setStyle(ProgressBarStyle.ASCII)
                .showSpeed().setUpdateIntervalMillis(250).build();
    }
}
