package io.gpusim.experiment;

import io.gpusim.core.metrics.RunResult;

/** The outcome of replication {@code index}: its result, or the error it failed with. */
public record Replication(int index, long seed, RunResult result, Throwable error) implements java.io.Serializable {
    public boolean failed() {
        return error != null;
    }
}
