package io.gpusim.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Server-sent progress of one run to one client: a {@code progress} event when the count or state changes (at most
 * every {@value #PERIOD_MS} ms), then one {@code end} event with the final state, after which the stream closes. A
 * client that goes away only stops its stream; the run goes on.
 */
final class ProgressStream implements Runnable {
    static final long PERIOD_MS = 100;

    private final Run run;
    private final SseClient client;
    private final Function<Run, ObjectNode> status;
    private final ScheduledExecutorService scheduler;
    private final Runnable watcher;
    private ScheduledFuture<?> task;
    private long lastDone = -1;
    private Run.State lastState;
    private boolean ended;

    ProgressStream(Run run, SseClient client, Function<Run, ObjectNode> status, ScheduledExecutorService scheduler) {
        this.run = run;
        this.client = client;
        this.status = status;
        this.scheduler = scheduler;
        this.watcher = () -> scheduler.execute(this);
    }

    /** Starts sending: now, on every state change, and every period. */
    synchronized void start() {
        run.watch(watcher);
        task = scheduler.scheduleWithFixedDelay(this, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
        client.onClose(this::stop);
    }

    @Override
    public synchronized void run() {
        if (ended) {
            return;
        }
        if (client.terminated()) {
            stop();
            return;
        }
        Run.State state = run.state();
        long done = run.done.get();
        try {
            if (done != lastDone || state != lastState) {
                lastDone = done;
                lastState = state;
                client.sendEvent("progress", status.apply(run).toString());
            }
            if (state.finished()) {
                client.sendEvent("end", status.apply(run).toString());
                stop();
                client.close();
            }
        } catch (RuntimeException gone) {
            stop();
        }
    }

    synchronized void stop() {
        ended = true;
        if (task != null) {
            task.cancel(false);
        }
        run.unwatch(watcher);
    }
}
