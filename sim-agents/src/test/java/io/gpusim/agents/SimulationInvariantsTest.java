package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.Order;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimulationInvariantsTest {

    @ParameterizedTest
    @ValueSource(strings = {"h20-2025", "no-anticipation", "early-ban", "late-ban", "fast-substitute"})
    void booksBalanceAtEveryStepAndNothingShipsAfterTheBan(String name) {
        Scenario scenario = Scenarios.load(name);
        for (int rep = 0; rep < 5; rep++) {
            MarketModel model = Simulation.build(scenario, Seeds.replicationSeed(11, rep), true);
            int[] checkedSteps = {0};
            long[] shippedAfterBan = {0};
            model.addAgent(Phase.DOMESTIC, state -> {
                String problem = model.ledger().checkConservation();
                assertNull(problem, name + " step " + model.step() + ": " + problem);
                // The part of the ban's step before the ban's day may still ship; no later step may.
                int banDay = model.events().lastDay(EventKind.BAN_EFFECTIVE, model.vendorProduct());
                if (model.status().banned(model.vendorProduct()) && banDay <= model.today()) {
                    shippedAfterBan[0] += model.ledger().shippedThisStep(model.vendorProduct());
                }
                checkedSteps[0]++;
            });
            RunResult r = model.run();
            assertEquals(model.calendar().steps(), checkedSteps[0]);
            assertEquals(0, shippedAfterBan[0], "vendor units shipped after the ban's day");
            for (Order o : model.ledger().orders()) {
                assertTrue(o.shipped() + o.cancelled() <= o.quantity());
                assertTrue(
                        o.requestedByDay() >= model.calendar().firstDayOf(o.placedStep()),
                        "requested-by precedes the order");
            }
            double banDay = r.get(Metric.BAN_DAY);
            assertEquals(model.events().firstDay(EventKind.BAN_EFFECTIVE), (int) banDay);
            // a share of the rush orders, empty when there were none
            double share = r.get(Metric.SHIPPED_SHARE);
            if (r.get(Metric.REQUESTED_UNITS) > 0) {
                assertTrue(share >= 0 && share <= 1, name + " shipped share " + share);
            } else {
                assertTrue(Double.isNaN(share), name + " shipped share without rush orders " + share);
            }
        }
    }

    @Test
    void sameSeedGivesABitIdenticalRun() {
        Scenario s = Scenarios.load("h20-2025");
        long seed = Seeds.replicationSeed(5, 17);
        RunResult a = Simulation.run(s, seed, true);
        RunResult b = Simulation.run(s, seed, true);
        assertArrayEquals(a.metrics(), b.metrics());
        for (Series x : Series.values()) {
            assertArrayEquals(a.series(x), b.series(x), x.id());
        }
        RunResult c = Simulation.run(s, Seeds.replicationSeed(5, 18), false);
        assertFalse(java.util.Arrays.equals(a.metrics(), c.metrics()), "another replication differs");
    }

    @Test
    void withoutBanOrBanRiskThereIsNoAnticipatoryStock() {
        Scenario base = Scenarios.load("no-anticipation");
        Scenario calm = withoutBan(base);
        RunResult r = Simulation.run(calm, Seeds.replicationSeed(3, 0), true);
        assertTrue(Double.isNaN(r.get(Metric.BAN_DAY)));
        assertEquals(0.0, r.get(Metric.REQUESTED_UNITS));
        double[] stock = r.series(Series.BUYER_STOCK_VENDOR);
        double[] demand = r.series(Series.DEMAND);
        for (int t = 10; t < stock.length; t++) {
            assertTrue(
                    stock[t] <= 4 * demand[t], "step " + t + ": stock " + stock[t] + " vs weekly demand " + demand[t]);
        }
        assertTrue(r.get(Metric.VENDOR_WRITEDOWN_USD) == 0.0);
    }

    static Scenario withoutBan(Scenario s) {
        var r = s.regulator();
        var calmRegulator = new io.gpusim.core.scenario.RegulatorSpec(
                r.history(), io.gpusim.core.scenario.BanMode.NONE, null, null, null, null, 0, null, null, null);
        return new Scenario(
                s.name(),
                s.description(),
                s.simulation(),
                s.products(),
                s.demandShocks(),
                s.beliefs(),
                s.hyperscalers(),
                s.vendor(),
                s.vendors(),
                calmRegulator,
                s.domestic(),
                s.importer());
    }
}
