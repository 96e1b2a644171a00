package io.gpusim.web;

import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.DesignPoint;
import io.gpusim.experiment.Study;
import io.gpusim.experiment.StudyResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** One study asked for through the API: what it runs, how far it got, and how it ended. */
final class Run {
    /** Where a run is. */
    enum State {
        /** Waiting for the client's earlier run or for a free slot. */
        QUEUED,
        RUNNING,
        /** Finished: its files are in its folder. */
        DONE,
        /** Stopped by an error; its folder is removed. */
        FAILED,
        /** Cancelled; its folder is removed. */
        CANCELLED;

        boolean finished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    final String id;
    final String client;
    final RunRequest request;
    final Study study;
    final List<ScenarioTemplate> templates;
    final List<DesignPoint> points;
    final List<String> command;
    final Path dir;
    final Instant created = Instant.now();
    final AtomicLong done = new AtomicLong();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();

    private State state = State.QUEUED;
    private String error;
    private Thread thread;
    private boolean cancelRequested;
    private StudyResult result;

    Run(
            String id,
            String client,
            RunRequest request,
            Study study,
            List<ScenarioTemplate> templates,
            List<DesignPoint> points,
            List<String> command,
            Path dir) {
        this.id = id;
        this.client = client;
        this.request = request;
        this.study = study;
        this.templates = List.copyOf(templates);
        this.points = List.copyOf(points);
        this.command = List.copyOf(command);
        this.dir = dir;
    }

    long planned() {
        return study.plannedRuns();
    }

    synchronized State state() {
        return state;
    }

    synchronized String error() {
        return error;
    }

    synchronized StudyResult result() {
        return result;
    }

    synchronized boolean cancelRequested() {
        return cancelRequested;
    }

    /** Called when the state changes (from any thread). */
    void watch(Runnable watcher) {
        watchers.add(watcher);
    }

    void unwatch(Runnable watcher) {
        watchers.remove(watcher);
    }

    /** The worker thread that will run it; a cancel interrupts it. */
    synchronized void assign(Thread worker) {
        this.thread = worker;
    }

    /** Moves to RUNNING unless cancelled meanwhile. */
    synchronized boolean start() {
        if (cancelRequested || state != State.QUEUED) {
            return false;
        }
        state = State.RUNNING;
        notifyWatchers();
        return true;
    }

    /** Asks the run to stop: a queued run is cancelled at once, a running one is interrupted. */
    synchronized void cancel() {
        if (state.finished()) {
            return;
        }
        cancelRequested = true;
        if (thread != null) {
            thread.interrupt();
        } else {
            end(State.CANCELLED, null, null);
        }
    }

    /** The run ended; the worker is done with it. */
    synchronized void end(State how, String message, StudyResult studyResult) {
        if (state.finished()) {
            return;
        }
        state = how;
        error = message;
        result = studyResult;
        thread = null;
        notifyAll();
        notifyWatchers();
    }

    /** Waits until the run has ended, at most {@code millis}; returns whether it has. */
    synchronized boolean awaitEnd(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!state.finished()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000L));
        }
        return true;
    }

    private void notifyWatchers() {
        for (Runnable w : watchers) {
            w.run();
        }
    }
}
