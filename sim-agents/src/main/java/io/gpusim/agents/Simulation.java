package io.gpusim.agents;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Replicator;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Builds one replication of a scenario with its agents and runs it. Agents are created in a fixed order
 * (regulator, hyperscalers in scenario order, vendor, domestic maker), which fixes the order of random draws.
 */
public final class Simulation {
    private Simulation() {}

    /** A model with every agent in place, ready to {@link MarketModel#run()}. */
    public static MarketModel build(ScenarioPlan plan, long replicationSeed, boolean recordSeries) {
        Scenario scenario = plan.scenario();
        MarketModel model = new MarketModel(plan.market(), replicationSeed, recordSeries);
        model.addAgent(Phase.REGULATOR, new Regulator(model, plan.controlRounds()));
        if (!model.params().importRules().isEmpty()) {
            model.addAgent(Phase.IMPORTER, new Importer(model));
        }
        for (int i = 0; i < scenario.hyperscalers().size(); i++) {
            model.addAgent(Phase.HYPERSCALERS, new Hyperscaler(model, plan, i));
        }
        for (int v = 0; v < model.params().vendors().size(); v++) {
            model.addAgent(Phase.VENDOR, new GpuVendor(model, plan, v));
        }
        model.addAgent(Phase.DOMESTIC, new DomesticMaker(model, plan));
        return model;
    }

    public static MarketModel build(Scenario scenario, long replicationSeed, boolean recordSeries) {
        return build(ScenarioPlan.of(scenario), replicationSeed, recordSeries);
    }

    /** Runs one replication and returns its metrics (and series when asked). */
    public static RunResult run(ScenarioPlan plan, long replicationSeed, boolean recordSeries) {
        return build(plan, replicationSeed, recordSeries).run();
    }

    public static RunResult run(Scenario scenario, long replicationSeed, boolean recordSeries) {
        return run(ScenarioPlan.of(scenario), replicationSeed, recordSeries);
    }

    /**
     * A replicator for the experiment layer: each scenario it meets is planned once (by identity) and the plan is
     * reused for every replication of it, on any thread. It is serialisable; a copy on another machine plans again.
     */
    public static Replicator replicator(boolean recordSeries) {
        return new PlanningReplicator(recordSeries);
    }

    private static final class PlanningReplicator implements Replicator {
        private static final long serialVersionUID = 1L;
        private final boolean recordSeries;
        private transient Map<Scenario, ScenarioPlan> plans;

        PlanningReplicator(boolean recordSeries) {
            this.recordSeries = recordSeries;
        }

        @Override
        public RunResult run(Scenario scenario, long seed) {
            ScenarioPlan plan;
            synchronized (this) {
                if (plans == null) {
                    plans = new IdentityHashMap<>();
                }
                plan = plans.computeIfAbsent(scenario, ScenarioPlan::of);
            }
            return Simulation.run(plan, seed, recordSeries);
        }
    }
}
