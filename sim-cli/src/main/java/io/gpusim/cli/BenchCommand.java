package io.gpusim.cli;

import io.gpusim.bench.Bench;
import io.gpusim.bench.ProcessTiming;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.ReplicationRunner;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * ledger, recorder, streaming statistics) in steady state, against a plain-Java reference loop that computes the
 * same metrics (equal to the model's for every seed) with no scheduler, no ledger and no events; then what a user
 * sees from whole processes: the wall time of a one-replication and a 1,000-replication batch (start-up), and the
 * rate of a batch of {@code --runs} replications against the steady state. Prints every repeat, the medians and
 * their ratios.
 */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Measure replications per second against a plain-Java reference loop (steady state), and the wall time"
                    + " of whole gpusim processes (start-up, and a batch of --runs replications)."
        })
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

    @Option(
            names = "--part",
            defaultValue = "all",
            description = "What to measure: steady (in this process), process (whole processes) or all"
                    + " (default: ${DEFAULT-VALUE}).")
    private Part part;

    @Option(
            names = "--process-repeats",
            defaultValue = "7",
            description = "Whole processes timed for each start-up figure (default: ${DEFAULT-VALUE}).")
    private int processRepeats;

    /** What {@code --part} selects. */
    enum Part {
        STEADY,
        PROCESS,
        ALL
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        atLeast("--runs", runs, 1);
        atLeast("--repeats", repeats, 1);
        atLeast("--warmup", warmup, 0);
        atLeast("--threads", threadCount, 1);
        atLeast("--process-repeats", processRepeats, 1);
        Scenario scenario = ScenarioTemplate.load(scenarioFile).with(List.of());
        double steady = Double.NaN;
        if (part != Part.PROCESS) {
            steady = steadyState(out, scenario, threadCount);
        }
        if (part != Part.STEADY) {
            wholeProcesses(out, threadCount, steady);
        }
        return 0;
    }

    /**
     * Refuses a count below its least value, naming the option and the value given.
     *
     * @throws IllegalArgumentException e.g. "--threads must be >= 1, got 0" (bad usage, exit 2)
     */
    private static void atLeast(String option, int value, int least) {
        if (value < least) {
            throw new IllegalArgumentException(option + " must be >= " + least + ", got " + value);
        }
    }

    /** Prints the steady-state repeats and medians; returns the model's median runs/s. */
    private double steadyState(PrintWriter out, Scenario scenario, int threadCount) throws InterruptedException {
        out.printf(
                Locale.ROOT,
                "steady state: scenario %s, %d replications per repeat, %d threads, %d warm-up + %d timed repeats%n",
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
                    out.printf(Locale.ROOT, "  repeat %d: model %,.0f runs/s, reference %,.0f runs/s%n", i + 1, m, r);
                    out.flush();
                }
            }
        }
        double mm = Bench.median(model);
        double rm = Bench.median(reference);
        out.printf(
                Locale.ROOT,
                "  median: model %,.0f runs/s, reference %,.0f runs/s, reference/model %.2f%n",
                mm,
                rm,
                rm / mm);
        double[] bytes = bench.allocatedBytesPerRun(Math.min(runs, 2000));
        out.printf(
                Locale.ROOT,
                "  allocated per replication (one thread): model %,.0f bytes, reference %,.0f bytes%n",
                bytes[0],
                bytes[1]);
        out.flush();
        return mm;
    }

    /**
     * Times whole {@code gpusim batch} processes started as this one was: one and 1,000 replications (median of
     * {@code --process-repeats}), and {@code --runs} replications on the bench's threads (median of three), after
     * one untimed process that warms the file cache.
     */
    private void wholeProcesses(PrintWriter out, int threadCount, double steady)
            throws IOException, InterruptedException {
        ProcessTiming timing = ProcessTiming.likeThisProcess(Main.class.getName());
        String file = scenarioFile.toString();
        out.printf(
                Locale.ROOT,
                "whole processes: gpusim batch %s --quiet, wall time, median of %d%n",
                file,
                processRepeats);
        out.flush();
        timing.wallSeconds(batch(file, 1, null), 1);
        double one = Bench.median(timing.wallSeconds(batch(file, 1, null), processRepeats));
        out.printf(Locale.ROOT, "  start-up, --runs 1: %.2f s%n", one);
        out.flush();
        double thousand = Bench.median(timing.wallSeconds(batch(file, 1000, null), processRepeats));
        out.printf(Locale.ROOT, "  --runs 1000: %.2f s%n", thousand);
        out.flush();
        double whole = Bench.median(timing.wallSeconds(batch(file, runs, threadCount), Math.min(3, processRepeats)));
        double rate = runs / whole;
        out.printf(
                Locale.ROOT,
                "  --runs %d --threads %d: %.2f s, %,.0f runs/s%s%n",
                runs,
                threadCount,
                whole,
                rate,
                Double.isNaN(steady)
                        ? ""
                        : String.format(Locale.ROOT, ", %.0f%% of the steady state", 100 * rate / steady));
        out.flush();
    }

    private static List<String> batch(String file, int runs, Integer threads) {
        List<String> args = new ArrayList<>(List.of("batch", file, "--runs", Integer.toString(runs), "--quiet"));
        if (threads != null) {
            args.addAll(List.of("--threads", threads.toString()));
        }
        return args;
    }
}
