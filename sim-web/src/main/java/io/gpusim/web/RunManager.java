package io.gpusim.web;

import io.gpusim.agents.Simulation;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.CellsJob;
import io.gpusim.experiment.DesignPoint;
import io.gpusim.experiment.Study;
import io.gpusim.experiment.StudyPipeline;
import io.gpusim.experiment.StudyResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Runs the studies asked for through the API, one at a time per client: a client's further requests wait in its
 * queue (up to a limit), and at most {@code slots} studies run at once over all clients. Each study runs through
 * {@link StudyPipeline} into its own folder under the output directory, so it writes the same files as the command
 * line, with the same lock, journal and atomic renames. A cancel interrupts the study's thread; a cancelled or
 * failed run's folder is removed, so nothing half-written is left.
 */
final class RunManager implements AutoCloseable {
    /** Most runs remembered; older finished ones are forgotten (their folders stay on disk). */
    private static final int REMEMBERED = 200;

    private final Path outRoot;
    private final int threads;
    private final int queueLimit;
    private final int maxPending;
    private final Semaphore slots;
    private final StudyPipeline.Provenance provenance;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Run> runs = new LinkedHashMap<>();
    private final Map<String, Run> active = new HashMap<>();
    private final Map<String, Deque<Run>> waiting = new HashMap<>();
    private boolean closed;

    /**
     * @param threads replication threads of one study
     * @param slots studies that run at once
     * @param queueLimit runs a client may have waiting behind its running one
     * @param provenance version and commit for the manifests (the command line is each run's own)
     */
    RunManager(Path outRoot, int threads, int slots, int queueLimit, StudyPipeline.Provenance provenance) {
        this.outRoot = outRoot;
        this.threads = threads;
        this.queueLimit = queueLimit;
        this.maxPending = Math.max(8, 8 * queueLimit);
        this.slots = new Semaphore(slots, true);
        this.provenance = provenance;
    }

    Path outRoot() {
        return outRoot;
    }

    /**
     * Queues a study for a client.
     *
     * @throws ApiException 429 when the client's queue or the server's is full
     */
    synchronized Run submit(
            String client,
            RunRequest request,
            Study study,
            List<ScenarioTemplate> templates,
            List<DesignPoint> points,
            List<String> command)
            throws ApiException {
        if (closed) {
            throw new ApiException(503, "", "the server is stopping");
        }
        Deque<Run> queue = waiting.computeIfAbsent(client, c -> new ArrayDeque<>());
        if (active.containsKey(client) && queue.size() >= queueLimit) {
            throw new ApiException(
                    429,
                    "",
                    "this client already has a run going and " + queue.size()
                            + " waiting, the most allowed; wait for them or cancel one");
        }
        long pending = runs.values().stream().filter(r -> !r.state().finished()).count();
        if (pending >= maxPending) {
            throw new ApiException(429, "", "the server has " + pending + " runs going or waiting; try again later");
        }
        String id;
        do {
            id = HexFormat.of().formatHex(bytes());
        } while (runs.containsKey(id) || Files.exists(outRoot.resolve(id)));
        Run run = new Run(id, client, request, study, templates, points, command, outRoot.resolve(id));
        runs.put(id, run);
        forgetOld();
        if (active.containsKey(client)) {
            queue.addLast(run);
        } else {
            start(run);
        }
        return run;
    }

    private byte[] bytes() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return b;
    }

    private void forgetOld() {
        if (runs.size() <= REMEMBERED) {
            return;
        }
        List<String> finished = new ArrayList<>();
        for (Run r : runs.values()) {
            if (r.state().finished()) {
                finished.add(r.id);
            }
        }
        for (int i = 0; i < finished.size() && runs.size() > REMEMBERED; i++) {
            runs.remove(finished.get(i));
        }
    }

    /** Every remembered run, oldest first. */
    synchronized List<Run> all() {
        return new ArrayList<>(runs.values());
    }

    synchronized Run get(String id) {
        return runs.get(id);
    }

    /** Runs waiting ahead of this one in its client's queue (0 when it is next or started). */
    synchronized int position(Run run) {
        Deque<Run> queue = waiting.get(run.client);
        int i = 0;
        if (queue != null) {
            for (Run r : queue) {
                if (r == run) {
                    return i + 1;
                }
                i++;
            }
        }
        return 0;
    }

    /** Cancels a run: removed from its queue if it has not started, interrupted if it has. */
    synchronized void cancel(Run run) {
        Deque<Run> queue = waiting.get(run.client);
        if (queue != null && queue.remove(run)) {
            run.cancel();
            return;
        }
        run.cancel();
    }

    private void start(Run run) {
        active.put(run.client, run);
        Thread worker = new Thread(() -> work(run), "gpusim-web-" + run.id);
        worker.setDaemon(true);
        run.assign(worker);
        worker.start();
    }

    private void work(Run run) {
        try {
            slots.acquire();
            try {
                if (run.start()) {
                    execute(run);
                } else {
                    run.end(Run.State.CANCELLED, null, null);
                }
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            run.end(Run.State.CANCELLED, null, null);
        } finally {
            Thread.interrupted(); // a cancel that came as the run ended
            synchronized (this) {
                active.remove(run.client);
                Deque<Run> queue = waiting.get(run.client);
                Run next = queue == null ? null : queue.pollFirst();
                if (next != null && !closed) {
                    start(next);
                } else if (queue != null && queue.isEmpty()) {
                    waiting.remove(run.client);
                }
            }
        }
    }

    private void execute(Run run) {
        StudyPipeline.Listener listener = new StudyPipeline.Listener() {
            @Override
            public void progress(long done, long planned) {
                run.done.set(done);
            }
        };
        StudyPipeline.Settings settings = new StudyPipeline.Settings(
                run.dir,
                false,
                threads,
                "local",
                null,
                Simulation.replicator(run.request.series()),
                new StudyPipeline.Provenance(provenance.version(), provenance.commit(), run.command),
                listener);
        try {
            StudyPipeline.Outcome<StudyResult> outcome =
                    StudyPipeline.run(new CellsJob(run.study, run.templates, run.points), settings);
            Thread.interrupted(); // a cancel that came as the study was committed: its files are complete, kept
            run.end(Run.State.DONE, null, outcome.result());
        } catch (InterruptedException | ClosedByInterruptException | InterruptedIOException e) {
            Thread.interrupted();
            remove(run.dir);
            run.end(Run.State.CANCELLED, null, null);
        } catch (ScenarioException | IOException | RuntimeException e) {
            boolean cancelled = Thread.interrupted() || run.cancelRequested();
            remove(run.dir);
            run.end(
                    cancelled ? Run.State.CANCELLED : Run.State.FAILED,
                    cancelled ? null : String.valueOf(e.getMessage()),
                    null);
        } catch (OutOfMemoryError e) {
            // What the run held is garbage once this frame is left, so the server goes on serving; the run fails
            // with the reason, rather than staying "running" for ever.
            remove(run.dir);
            run.end(
                    Run.State.FAILED,
                    "out of memory: the run needs more than the server's "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                            + " MB of heap; ask for fewer replications, points or series, or start the server with "
                            + "a larger heap (GPUSIM_JAVA_OPTS=-Xmx...)",
                    null);
        }
    }

    /** Deletes a run's folder and everything in it. */
    static void remove(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // what could not be removed stays; nothing refers to it
        }
    }

    /** Cancels every run and waits a little for them to clean up. */
    @Override
    public void close() {
        List<Run> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(runs.values());
            waiting.values().forEach(q -> q.forEach(Run::cancel));
            waiting.clear();
        }
        all.forEach(Run::cancel);
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (Run r : all) {
            while (!r.state().finished() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
