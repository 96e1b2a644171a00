package io.gpusim.bench;

import io.gpusim.agents.ScenarioPlan;
import io.gpusim.agents.Simulation;
import io.gpusim.core.Seeds;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.experiment.BatchSummary;
import io.gpusim.experiment.ReplicationRunner;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.LongUnaryOperator;

/**
 * Throughput of a scenario's replications through the full stack (MASON schedule, agents, ledger, recorder,
 * streaming statistics) and through the plain-Java {@link ReferenceLoop}, on the same runner and threads. The
 * reference computes the same metrics as the model, to the last digit for each seed, so the two timings do the same
 * work and their ratio is what the framework (schedule, agent objects, ledger, order book, events, recorder) costs.
 */
public final class Bench {
    private final Scenario scenario;
    private final int runs;
    private final ReferenceLoop loop;

    /** A bench of {@code runs} replications per timing. */
    public Bench(Scenario scenario, int runs) {
        this.scenario = scenario;
        this.runs = runs;
        this.loop = new ReferenceLoop(ScenarioPlan.of(scenario));
    }

    /** Replications per second of the model: {@code runs} replications with their summary statistics. */
    public double timeModel(ReplicationRunner runner) throws InterruptedException {
        BatchSummary summary = new BatchSummary(scenario.name(), "");
        long t0 = System.nanoTime();
        runner.run(scenario, Simulation.replicator(false), 1, 0, runs, summary::add);
        summary.rows();
        return runs / ((System.nanoTime() - t0) / 1e9);
    }

    /** Replications per second of the reference loop, with the same summary statistics. */
    public double timeReference(ReplicationRunner runner) throws InterruptedException {
        BatchSummary summary = new BatchSummary(scenario.name(), "");
        long t0 = System.nanoTime();
        runner.run(scenario, (s, seed) -> loop.run(seed), 1, 0, runs, summary::add);
        summary.rows();
        return runs / ((System.nanoTime() - t0) / 1e9);
    }

    /**
     * Bytes allocated per replication by the model ({@code [0]}) and by the reference ({@code [1]}): {@code n}
     * replications of each on this thread, without statistics, after as many untimed ones; NaN where the JVM does not
     * count a thread's allocations. Unlike a rate, this does not depend on what else the machine is doing.
     */
    public double[] allocatedBytesPerRun(int n) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean threads)
                || !threads.isThreadAllocatedMemorySupported()
                || !threads.isThreadAllocatedMemoryEnabled()) {
            return new double[] {Double.NaN, Double.NaN};
        }
        ScenarioPlan plan = ScenarioPlan.of(scenario);
        LongUnaryOperator model = seed -> Simulation.run(plan, seed, false).seed();
        LongUnaryOperator reference = seed -> loop.run(seed).seed();
        return new double[] {allocatedPerRun(threads, model, n), allocatedPerRun(threads, reference, n)};
    }

    private static double allocatedPerRun(com.sun.management.ThreadMXBean threads, LongUnaryOperator run, int n) {
        long sink = 0;
        for (int i = 0; i < n; i++) {
            sink += run.applyAsLong(Seeds.replicationSeed(1, i));
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < n; i++) {
            sink += run.applyAsLong(Seeds.replicationSeed(1, i));
        }
        long after = threads.getCurrentThreadAllocatedBytes();
        return sink == Long.MIN_VALUE ? Double.NaN : (after - before) / (double) n;
    }

    /** The median of some values (the mean of the middle two for an even count). */
    public static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
