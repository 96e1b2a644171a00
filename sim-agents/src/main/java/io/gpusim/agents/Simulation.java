package io.gpusim.agents;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;

/**
 * Builds one replication of a scenario with its agents and runs it. Agents are created in a fixed order
 * (regulator, hyperscalers in scenario order, vendor, domestic maker), which fixes the order of random draws.
 */
public final class Simulation {
    private Simulation() {
    }

    /** A model with every agent in place, ready to {@link MarketModel#run()}. */
    public static MarketModel build(Scenario scenario, long replicationSeed, boolean recordSeries) {
        MarketModel model = new MarketModel(scenario, replicationSeed, recordSeries);
        model.addAgent(Phase.REGULATOR, new Regulator(model));
        for (int i = 0; i < scenario.hyperscalers().size(); i++) {
            model.addAgent(Phase.HYPERSCALERS, new Hyperscaler(model, i));
        }
        model.addAgent(Phase.VENDOR, new GpuVendor(model));
        model.addAgent(Phase.DOMESTIC, new DomesticMaker(model));
        return model;
    }

    /** Runs one replication and returns its metrics (and series when asked). */
    public static RunResult run(Scenario scenario, long replicationSeed, boolean recordSeries) {
        return build(scenario, replicationSeed, recordSeries).run();
    }
}
