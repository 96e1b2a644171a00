package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regulator's ban modes, grace period and reversal, on variants of the baseline. */
class RegulatorModesTest {
    @TempDir
    Path dir;

    private Scenario variant(String yaml) throws Exception {
        Path base = Path.of("..", "scenarios", "h20-2025.yaml").toAbsolutePath().normalize();
        Path file = dir.resolve("variant.yaml");
        Files.writeString(file, "extends: " + base + "\n" + yaml);
        return ScenarioLoader.load(file);
    }

    private static MarketModel run(Scenario s, int rep) {
        MarketModel model = Simulation.build(s, Seeds.replicationSeed(42, rep), true);
        model.run();
        return model;
    }

    @Test
    void thresholdRuleBansOnlyProductsOverALimit() throws Exception {
        Scenario over = variant("""
                regulator:
                  mode: THRESHOLD
                  banDate: 2025-04-09
                  thresholds: {maxMemoryBandwidthTBps: 3.5}
                """);
        MarketModel m = run(over, 0);
        assertEquals(
                m.calendar().dayOf(java.time.LocalDate.of(2025, 4, 9)),
                m.events().firstDay(EventKind.BAN_EFFECTIVE));
        Scenario under = variant("""
                regulator:
                  mode: THRESHOLD
                  banDate: 2025-04-09
                  thresholds: {maxMemoryBandwidthTBps: 4.5, maxTpp: 4800}
                """);
        MarketModel n = run(under, 0);
        assertEquals(EventLog.NONE, n.events().firstDay(EventKind.BAN_EFFECTIVE), "H20 is within the limits");
        assertEquals(
                0.0,
                n.recorder().result(0, n.vendorSeller(), n.domesticSeller()).get(Metric.VENDOR_WRITEDOWN_USD));
    }

    @Test
    void graceDelaysTheEffectButNotTheAnnouncement() throws Exception {
        Scenario s = variant("""
                regulator:
                  graceDays: 30
                """);
        MarketModel m = run(s, 1);
        int announced = m.events().firstDay(EventKind.BAN_ANNOUNCED);
        int effective = m.events().firstDay(EventKind.BAN_EFFECTIVE);
        assertEquals(373, announced);
        assertEquals(403, effective);
    }

    @Test
    void reversalLiftsTheBanAndTheVendorSellsAgain() throws Exception {
        Scenario s = variant("""
                regulator:
                  reversal: {probability: 1.0, afterDays: 90}
                """);
        MarketModel m = run(s, 2);
        int lifted = m.events().firstDay(EventKind.REVERSAL);
        assertEquals(373 + 90, lifted);
        RunResult r = m.recorder().result(0, m.vendorSeller(), m.domesticSeller());
        double[] shipments = r.series(Series.VENDOR_SHIPMENTS);
        double after = 0;
        for (int t = m.calendar().stepOfDay(lifted); t < shipments.length; t++) {
            after += shipments[t];
        }
        assertTrue(after > 0, "the vendor ships again after the reversal");
        assertTrue(!m.status().banned(m.vendorProduct()));
        assertTrue(m.ledger().checkConservation() == null);
    }

    @Test
    void hazardModeBansAtRandomTimesRaisedByLeaks() throws Exception {
        Scenario s = variant("""
                regulator:
                  mode: HAZARD
                  banDate: null
                  hazard: {baseHazardPerYear: 0.6, leakRatePerYear: 1.0, leakBoost: 0.5, stockpileSensitivity: 0.5,
                           rulemakingWeeks: 4}
                """);
        int banned = 0;
        java.util.Set<Integer> days = new java.util.HashSet<>();
        for (int rep = 0; rep < 40; rep++) {
            MarketModel m = run(s, rep);
            int day = m.events().firstDay(EventKind.BAN_EFFECTIVE);
            if (day != EventLog.NONE) {
                banned++;
                days.add(day);
                int announced = m.events().firstDay(EventKind.BAN_ANNOUNCED);
                assertEquals(announced, day, "no grace period");
            }
            assertTrue(m.ledger().checkConservation() == null);
        }
        assertTrue(banned >= 20, "most runs see a ban within two years at these hazards: " + banned + "/40");
        assertTrue(days.size() >= 10, "ban days vary: " + days);
    }

    @Test
    void stockpilingRaisesTheBanHazard() throws Exception {
        // The figures are quoted in docs/MODEL.md, 3.3.2; update them there if they change.
        assertEquals(356, hazardBans(0), "bans in 400 runs without a response to stockpiling");
        assertEquals(399, hazardBans(20), "bans in 400 runs with stockpileSensitivity 20");
    }

    private int hazardBans(double stockpileSensitivity) throws Exception {
        Scenario s = variant("""
                regulator:
                  mode: HAZARD
                  banDate: null
                  hazard: {baseHazardPerYear: 0.6, leakRatePerYear: 1.0, leakBoost: 0.5, stockpileSensitivity: %s,
                           rulemakingWeeks: 4}
                """.formatted(stockpileSensitivity));
        ScenarioPlan plan = ScenarioPlan.of(s);
        int banned = 0;
        for (int rep = 0; rep < 400; rep++) {
            MarketModel m = Simulation.build(plan, Seeds.replicationSeed(42, rep), false);
            m.run();
            if (m.events().firstDay(EventKind.BAN_EFFECTIVE) != EventLog.NONE) {
                banned++;
            }
        }
        return banned;
    }

    @Test
    void noBanMeansNoWritedownAndEmptyBanMetrics() throws Exception {
        Scenario s = variant("""
                regulator:
                  mode: NONE
                """);
        RunResult r = Simulation.run(s, Seeds.replicationSeed(1, 0), false);
        assertTrue(Double.isNaN(r.get(Metric.BAN_DAY)));
        assertTrue(Double.isNaN(r.get(Metric.STOCKPILE_UNITS_AT_BAN)));
        assertTrue(Double.isNaN(r.get(Metric.DELIVERY_SHORTFALL_MONTHS)));
        assertEquals(0.0, r.get(Metric.VENDOR_WRITEDOWN_USD));
        assertEquals(0.0, r.get(Metric.VENDOR_LOST_REVENUE_USD));
        assertTrue(r.get(Metric.SUBSTITUTE_SHARE_END) < 1.0, "the vendor keeps part of the market");
    }
}
