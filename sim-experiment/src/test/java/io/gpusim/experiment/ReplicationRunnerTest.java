package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Replicator;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationRunnerTest {
    /** A stand-in model: metrics are a pure function of the seed; some seeds take longer, one throws. */
    static final Replicator FAKE = (scenario, seed) -> {
        if (seed == Seeds.replicationSeed(9, 13)) {
            throw new IllegalStateException("boom");
        }
        double[] m = new double[Metric.values().length];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextDouble();
        }
        long spin = Math.floorMod(seed, 20_000);
        double x = 0;
        for (long i = 0; i < spin; i++) {
            x += Math.sqrt(i);
        }
        m[0] += x * 0;
        return new RunResult(seed, m, null);
    };

    private static List<Replication> collect(int threads, int first, int count) throws InterruptedException {
        List<Replication> out = new ArrayList<>();
        try (ReplicationRunner runner = new ReplicationRunner(threads)) {
            runner.run(null, FAKE, 9, first, count, out::add);
        }
        return out;
    }

    @Test
    void resultsArriveInReplicationOrderWhateverTheThreadCount() throws InterruptedException {
        List<Replication> one = collect(1, 0, 500);
        List<Replication> four = collect(4, 0, 500);
        assertEquals(500, four.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, four.get(i).index());
            assertEquals(one.get(i).seed(), four.get(i).seed());
            if (!one.get(i).failed()) {
                assertTrue(Arrays.equals(
                        one.get(i).result().metrics(), four.get(i).result().metrics()));
            }
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {1, 3})
    void anInterruptStopsTheRunOnOneThreadAsOnMany(int threads) throws InterruptedException {
        java.util.concurrent.atomic.AtomicLong seen = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread caller = new Thread(() -> {
            try (ReplicationRunner runner = new ReplicationRunner(threads)) {
                runner.run(null, FAKE, 9, 0, Integer.MAX_VALUE, r -> seen.incrementAndGet());
            } catch (InterruptedException | RuntimeException e) {
                thrown.set(e);
            }
        });
        caller.start();
        while (seen.get() < 100) {
            Thread.sleep(5);
        }
        caller.interrupt();
        caller.join(10_000);
        assertTrue(!caller.isAlive(), "the run stops when its thread is interrupted");
        assertTrue(thrown.get() instanceof InterruptedException, String.valueOf(thrown.get()));
    }

    @Test
    void aFailingReplicationIsRecordedAndTheBatchGoesOn() throws InterruptedException {
        List<Replication> all = collect(3, 0, 40);
        assertEquals(40, all.size());
        assertTrue(all.get(13).failed());
        assertEquals("boom", all.get(13).error().getMessage());
        assertEquals(1, all.stream().filter(Replication::failed).count());
        BatchSummary summary = new BatchSummary("s", "");
        all.forEach(summary::add);
        assertEquals(40, summary.runs());
        assertEquals(1, summary.failures().size());
        assertEquals(39, summary.accumulator(Metric.BAN_DAY).n());
    }

    @Test
    void aRangeOfReplicationsMatchesTheSameIndicesOfAFullRun() throws InterruptedException {
        List<Replication> full = collect(2, 0, 60);
        List<Replication> tail = collect(2, 45, 15);
        for (int i = 0; i < 15; i++) {
            assertEquals(full.get(45 + i).seed(), tail.get(i).seed());
        }
    }

    @Test
    void chunksOfAnySizeKeepEveryTaskOnceAndInOrder() throws InterruptedException {
        for (long count : new long[] {1, 2, 7, 31, 33, 129, 1_000}) {
            List<Long> seen = new ArrayList<>();
            try (ReplicationRunner runner = new ReplicationRunner(3)) {
                runner.runTasks(count, i -> i * i, seen::add);
            }
            assertEquals(count, seen.size(), "tasks run for " + count);
            for (int i = 0; i < count; i++) {
                assertEquals((long) i * i, seen.get(i));
            }
        }
        assertEquals(1, ReplicationRunner.chunkSize(5, 2), "few tasks are spread one at a time");
        assertEquals(ReplicationRunner.MAX_CHUNK, ReplicationRunner.chunkSize(1_000_000, 16));
    }
}
