package io.gpusim.experiment;

import io.gpusim.core.Replicator;
import io.gpusim.core.Seeds;
import io.gpusim.core.scenario.Scenario;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs replications on a pool of threads and hands them to a consumer strictly in replication order, so results
 * (and anything computed from them) are identical whatever the thread count. At most a bounded window of results
 * is held in memory. A replication that throws is passed on as a failed {@link Replication}; the batch goes on.
 */
public final class ReplicationRunner implements TaskEngine {
    /** Largest number of consecutive tasks a worker takes at once. */
    static final int MAX_CHUNK = 32;

    private final int threads;
    private final ExecutorService pool;

    public ReplicationRunner(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1
                ? null
                : Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "gpusim-replication");
                    t.setDaemon(true);
                    return t;
                });
    }

    public int threads() {
        return threads;
    }

    @Override
    public int parallelism() {
        return threads;
    }

    /**
     * Runs replications {@code first .. first + count - 1} of a scenario, replication {@code i} with seed
     * {@link Seeds#replicationSeed(long, long) replicationSeed(masterSeed, i)}, and passes each to {@code sink}
     * in index order.
     */
    public void run(
            Scenario scenario, Replicator replicator, long masterSeed, int first, int count, Consumer<Replication> sink)
            throws InterruptedException {
        runTasks(count, i -> runOne(scenario, replicator, masterSeed, first + (int) i), sink);
    }

    /**
     * Runs tasks {@code 0 .. count - 1} on the pool and passes their results to {@code sink} in task order. Workers
     * take tasks in chunks of consecutive indices (up to {@value #MAX_CHUNK}, fewer when there are few tasks), so the
     * cost of handing work between threads is paid once per chunk rather than once per task; at most
     * {@code 2 * threads + 2} chunks are in flight, which bounds the results held in memory. Tasks must not throw
     * (wrap failures in their result). An interrupt of the calling thread stops the run with an
     * {@link InterruptedException}, on one thread as on many.
     */
    @Override
    public <T extends java.io.Serializable> void runTasks(long count, Task<T> task, Consumer<T> sink)
            throws InterruptedException {
        if (pool == null) {
            for (long i = 0; i < count; i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("interrupted after " + i + " of " + count + " tasks");
                }
                sink.accept(task.run(i));
            }
            return;
        }
        int chunk = chunkSize(count, threads);
        int window = 2 * threads + 2;
        ArrayDeque<Future<Object[]>> inFlight = new ArrayDeque<>(window);
        long next = 0;
        try {
            while (next < count || !inFlight.isEmpty()) {
                while (next < count && inFlight.size() < window) {
                    final long from = next;
                    final int n = (int) Math.min(chunk, count - from);
                    next += n;
                    inFlight.addLast(pool.submit(() -> runChunk(task, from, n)));
                }
                for (Object result : await(inFlight.pollFirst())) {
                    @SuppressWarnings("unchecked")
                    T t = (T) result;
                    sink.accept(t);
                }
            }
        } finally {
            for (Future<Object[]> f : inFlight) {
                f.cancel(true);
            }
        }
    }

    /** Tasks per chunk: enough chunks that every thread gets several, up to {@link #MAX_CHUNK}. */
    static int chunkSize(long count, int threads) {
        return (int) Math.max(1, Math.min(MAX_CHUNK, count / (4L * threads)));
    }

    private static <T extends java.io.Serializable> Object[] runChunk(Task<T> task, long from, int n) {
        Object[] results = new Object[n];
        for (int i = 0; i < n; i++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.util.concurrent.CancellationException("interrupted");
            }
            results[i] = task.run(from + i);
        }
        return results;
    }

    private static <T> T await(Future<T> future) throws InterruptedException {
        try {
            return future.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("replication task failed outside the model", e.getCause());
        }
    }

    /** Replication {@code index} of a scenario, or the error it failed with. */
    public static Replication runOne(Scenario scenario, Replicator replicator, long masterSeed, int index) {
        long seed = Seeds.replicationSeed(masterSeed, index);
        try {
            return new Replication(index, seed, replicator.run(scenario, seed), null);
        } catch (RuntimeException | StackOverflowError e) {
            return new Replication(index, seed, null, e);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
