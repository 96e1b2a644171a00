package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Replicator;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.junit.jupiter.api.Test;

/** A replication built with every agent of its scenario, and the replicator the experiment layer runs. */
class SimulationTest {
    private static final long SEED = Seeds.replicationSeed(31, 0);

    @Test
    void theSequelsReplicationHasEveryAgentOfItsScenario() {
        MarketModel m = Simulation.build(Scenarios.load("h20-2025-sequel"), SEED, false);
        m.run();
        // the regulator bans the H20 (product 0); the importer announces its rules
        assertTrue(m.events().lastDay(EventKind.BAN_EFFECTIVE, 0) != EventLog.NONE);
        assertTrue(m.events().all().stream().anyMatch(e -> e.kind() == EventKind.IMPORT_RULE));
        // each of the four buyers orders
        boolean[] ordered = new boolean[4];
        for (int o = 0; o < m.ledger().orderCount(); o++) {
            ordered[m.ledger().orderBuyer(o)] = true;
        }
        assertArrayEquals(new boolean[] {true, true, true, true}, ordered);
        // both vendors ship their parts (Nvidia's H20, AMD's MI308, product 3) and the domestic maker its Ascend
        // 910C (product 1)
        assertTrue(m.ledger().shippedTotal(0) > 0);
        assertTrue(m.ledger().shippedTotal(3) > 0);
        assertTrue(m.ledger().shippedTotal(1) > 0);
    }

    @Test
    void howMuchRoomTheOrderBookStartsWithChangesNoResult() {
        for (String name : new String[] {"h20-2025", "h200-2026"}) {
            Scenario scenario = Scenarios.load(name);
            // a fresh market's first replication starts with one order per buyer and step
            ScenarioPlan fresh = ScenarioPlan.of(scenario);
            int steps = fresh.market().calendar().steps();
            assertEquals(steps * fresh.market().buyers(), fresh.market().orderRoom(), name);
            RunResult roomy = Simulation.run(fresh, SEED, true);
            MarketModel counted = Simulation.build(ScenarioPlan.of(scenario), SEED, false);
            counted.run();
            int placed = counted.ledger().orderCount();
            // then it starts with what the first placed and a sixteenth (and 8) more
            assertEquals(placed + placed / 16 + 8, fresh.market().orderRoom(), name);
            // one told that a replication placed a single order starts with room for 9, and grows several times
            ScenarioPlan tight = ScenarioPlan.of(scenario);
            tight.market().placedOrders(1);
            assertEquals(9, tight.market().orderRoom());
            // more than the smallest book holds (64 orders), so the tight one has to grow
            assertTrue(placed > 128, name + " places " + placed + " orders");
            RunResult grown = Simulation.run(tight, SEED, true);
            assertArrayEquals(roomy.metrics(), grown.metrics(), name);
            for (io.gpusim.core.metrics.Series series : io.gpusim.core.metrics.Series.values()) {
                assertArrayEquals(roomy.series(series), grown.series(series), name + " " + series);
            }
        }
    }

    @Test
    void aScenarioWithoutImportRulesHasNoImporter() {
        MarketModel m = Simulation.build(Scenarios.load("h20-2025"), SEED, false);
        m.run();
        assertFalse(m.events().all().stream().anyMatch(e -> e.kind() == EventKind.IMPORT_RULE));
    }

    @Test
    void theReplicatorRunsAsSimulationDoesWithOrWithoutSeries() throws Exception {
        Scenario scenario = Scenarios.load("h20-2025");
        RunResult direct = Simulation.run(scenario, SEED, false);
        Replicator replicator = Simulation.replicator(false);
        RunResult first = replicator.run(scenario, SEED);
        assertArrayEquals(direct.metrics(), first.metrics());
        assertFalse(first.hasSeries());
        // the same scenario again (its plan reused) and another seed
        assertArrayEquals(direct.metrics(), replicator.run(scenario, SEED).metrics());
        RunResult other = replicator.run(scenario, Seeds.replicationSeed(31, 1));
        assertEquals(Seeds.replicationSeed(31, 1), other.seed());
        assertFalse(java.util.Arrays.equals(direct.metrics(), other.metrics()), "another seed, another run");
        // a copy sent to another machine plans again and gives the same run
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(replicator);
        }
        Replicator copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Replicator) in.readObject();
        }
        assertArrayEquals(direct.metrics(), copy.run(scenario, SEED).metrics());
        assertTrue(Simulation.replicator(true).run(scenario, SEED).hasSeries());
    }
}
