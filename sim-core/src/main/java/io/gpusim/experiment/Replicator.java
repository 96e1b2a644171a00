package io.gpusim.experiment;

import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;

/** Runs one replication of a scenario with a given seed. The experiment layer knows nothing else of the model. */
@FunctionalInterface
public interface Replicator {
    RunResult run(Scenario scenario, long replicationSeed);
}
