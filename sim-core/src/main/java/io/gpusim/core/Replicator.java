package io.gpusim.core;

import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;

/**
 * Runs one replication of a scenario with a given seed. The experiment layer knows nothing else of the model.
 * Serialisable, so that engines can ship it with the tasks.
 */
@FunctionalInterface
public interface Replicator extends java.io.Serializable {
    RunResult run(Scenario scenario, long replicationSeed);
}
