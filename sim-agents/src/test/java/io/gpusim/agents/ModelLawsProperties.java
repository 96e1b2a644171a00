package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.Ledger;
import io.gpusim.core.market.Order;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The model's laws over generated scenarios: variants of the baseline with random ban rules, timing, capacities,
 * demand, beliefs, allocation rules and step lengths.
 */
class ModelLawsProperties {
    private static final ScenarioTemplate BASE;
    /** Two vendors, four foreign products, licences, and the importing country's rules. */
    private static final ScenarioTemplate POLICY;

    static {
        try {
            BASE = ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025.yaml"));
            POLICY = ScenarioTemplate.load(Path.of("..", "scenarios", "h200-2026.yaml"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static ScenarioOverride set(String path, Object value) {
        return ScenarioOverride.parse(path + "=" + value);
    }

    @Provide
    Arbitrary<List<ScenarioOverride>> variants() {
        Arbitrary<List<ScenarioOverride>> regulator = Combinators.combine(
                        Arbitraries.of("NONE", "DATE", "THRESHOLD", "HAZARD"),
                        Arbitraries.integers().between(30, 790),
                        Arbitraries.integers().between(0, 60),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 200),
                        Arbitraries.of(true, false),
                        Arbitraries.doubles().between(3.0, 5.0))
                .as((mode, banDay, grace, leakP, lead, reverse, bw) -> {
                    List<ScenarioOverride> o = new ArrayList<>();
                    o.add(set("regulator.mode", mode));
                    o.add(set(
                            "regulator.banDate",
                            java.time.LocalDate.of(2024, 4, 1).plusDays(banDay)));
                    o.add(set("regulator.graceDays", grace));
                    o.add(set("regulator.leak.probability", leakP));
                    o.add(set("regulator.leak.leadDays", lead));
                    if (reverse) {
                        o.add(set("regulator.reversal", "{probability: 1.0, afterDays: " + (30 + lead) + "}"));
                    }
                    o.add(set("regulator.thresholds", "{maxMemoryBandwidthTBps: " + bw + "}"));
                    o.add(set(
                            "regulator.hazard",
                            "{baseHazardPerYear: 0.5, leakRatePerYear: 1.0, leakBoost: 0.5, "
                                    + "stockpileSensitivity: 0.5, rulemakingWeeks: 4}"));
                    return o;
                });
        Arbitrary<List<ScenarioOverride>> market = Combinators.combine(
                        Arbitraries.of("PROPORTIONAL", "FIFO"),
                        Arbitraries.integers().between(4, 30),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.doubles().between(10_000, 300_000),
                        Arbitraries.integers().between(0, 4),
                        Arbitraries.of(3, 7, 14),
                        Arbitraries.doubles().between(0, 3000),
                        Arbitraries.doubles().between(0, 8))
                .as((rule, lead, spread, cap, ship, stepDays, wafers, leak) -> {
                    List<ScenarioOverride> o = new ArrayList<>();
                    o.add(set("vendor.allocation", rule));
                    o.add(set("vendor.waferLeadWeeksMin", lead));
                    o.add(set("vendor.waferLeadWeeksMax", lead + spread));
                    o.add(set("vendor.capacity", "[{date: 2024-04-01, unitsPerMonth: " + cap + "}]"));
                    o.add(set("vendor.shippingWeeks", ship));
                    o.add(set("simulation.stepDays", stepDays));
                    o.add(set("domestic.waferStartsPerWeek", wafers));
                    o.add(set("beliefs.leakWeight", leak));
                    return o;
                });
        Arbitrary<List<ScenarioOverride>> buyers = Combinators.combine(
                        Arbitraries.doubles().between(100, 20_000),
                        Arbitraries.of(true, false),
                        Arbitraries.doubles().between(1e8, 1e11),
                        Arbitraries.doubles().between(0, 4),
                        Arbitraries.doubles().between(0.1, 2),
                        Arbitraries.doubles().between(0.01, 0.3))
                .as((demand, anticipate, budget, working, shortage, noise) -> List.of(
                        set("hyperscalers[0].demandUnitsPerWeek", demand),
                        set("hyperscalers[1].anticipation", anticipate),
                        set("hyperscalers[2].budgetUsdPerYear", budget),
                        set("hyperscalers[0].workingInventoryWeeks", working),
                        set("hyperscalers[1].shortageCostMultiple", shortage),
                        set("hyperscalers[3].demandNoiseSd", noise)));
        return Combinators.combine(regulator, market, buyers).as((a, b, c) -> {
            List<ScenarioOverride> all = new ArrayList<>(a);
            all.addAll(b);
            all.addAll(c);
            return all;
        });
    }

    private static Scenario scenario(List<ScenarioOverride> overrides) {
        try {
            return BASE.with(overrides);
        } catch (Exception e) {
            throw new AssertionError("generated an invalid scenario: " + e.getMessage(), e);
        }
    }

    @Property(tries = 400)
    void unitsAndMoneyAreConservedAndCapacityAndBansAreRespected(
            @ForAll("variants") List<ScenarioOverride> o, @ForAll long seed) {
        Scenario s = scenario(o);
        ScenarioPlan plan = ScenarioPlan.of(s);
        MarketModel model = Simulation.build(plan, seed, false);
        Ledger ledger = model.ledger();
        int v = model.vendorProduct();
        long[] startedBefore = new long[ledger.products()];
        for (int p = 0; p < startedBefore.length; p++) {
            startedBefore[p] = ledger.started(p);
        }
        model.addAgent(Phase.DOMESTIC, state -> {
            int step = model.step();
            assertNull(ledger.checkConservation(), "step " + step);
            for (int p = 0; p < ledger.products(); p++) {
                long started = ledger.started(p) - startedBefore[p];
                double capacity = p == v ? plan.vendorCapacity(step) : plan.domesticCapacity(step);
                assertTrue(
                        started <= Math.round(capacity) + 1,
                        "product " + p + " step " + step + ": started " + started + " beyond capacity " + capacity);
                startedBefore[p] = ledger.started(p);
            }
            // The part of the ban's step before the ban's day may still ship; no later step may.
            if (model.status().banned(v)
                    && model.events().lastDay(io.gpusim.core.market.EventKind.BAN_EFFECTIVE, v) <= model.today()) {
                assertEquals(0, ledger.shippedThisStep(v), "shipped to a banned market at step " + step);
            }
        });
        model.run();
        long[][] shippedTo = new long[ledger.buyers()][ledger.products()];
        long[] owed = new long[ledger.buyers()];
        for (Order order : ledger.orders()) {
            assertTrue(order.shipped() + order.cancelled() <= order.quantity());
            assertTrue(order.requestedByDay() >= model.calendar().firstDayOf(order.placedStep()));
            shippedTo[order.buyer()][order.product()] += order.shipped();
            owed[order.buyer()] += order.shipped() * order.priceCents();
        }
        for (int b = 0; b < ledger.buyers(); b++) {
            assertEquals(owed[b], ledger.paidCents(b), "buyer " + b + " paid for exactly what was shipped");
            for (int p = 0; p < ledger.products(); p++) {
                assertEquals(
                        shippedTo[b][p],
                        ledger.stock(b, p) + ledger.deployed(b, p) + ledger.inTransit(b, p),
                        "buyer " + b + " holds exactly what it was shipped of product " + p);
            }
        }
    }

    @Property(tries = 200)
    void theSameSeedGivesTheSameRunAndAnotherReplicationAnother(
            @ForAll("variants") List<ScenarioOverride> o, @ForAll long master) {
        Scenario s = scenario(o);
        ScenarioPlan plan = ScenarioPlan.of(s);
        long seed = Seeds.replicationSeed(master, 0);
        RunResult a = Simulation.run(plan, seed, true);
        RunResult b = Simulation.run(plan, seed, true);
        assertArrayEquals(a.metrics(), b.metrics());
        for (Series x : Series.values()) {
            assertArrayEquals(a.series(x), b.series(x), x.id());
        }
        RunResult c = Simulation.run(plan, Seeds.replicationSeed(master, 1), true);
        assertFalse(
                java.util.Arrays.equals(a.series(Series.DEMAND), c.series(Series.DEMAND)),
                "replication 1 draws its own demand");
    }

    @Property(tries = 200)
    void withoutBanOrBanRiskNoAnticipatoryStockIsHeld(@ForAll("variants") List<ScenarioOverride> o, @ForAll long seed) {
        List<ScenarioOverride> calm = new ArrayList<>(o);
        calm.add(set("regulator.mode", "NONE"));
        calm.add(set("regulator.history", "[]"));
        calm.add(set("beliefs.priorHazardPerYear", 0));
        Scenario s = scenario(calm);
        RunResult r = Simulation.run(ScenarioPlan.of(s), seed, true);
        assertEquals(0.0, r.get(Metric.REQUESTED_UNITS));
        for (double a : r.series(Series.ANTICIPATORY_TARGET)) {
            assertEquals(0.0, a);
        }
        assertTrue(Double.isNaN(r.get(Metric.BAN_DAY)));
        assertEquals(0.0, r.get(Metric.VENDOR_WRITEDOWN_USD));
    }

    @Provide
    Arbitrary<List<ScenarioOverride>> instruments() {
        Arbitrary<List<ScenarioOverride>> us = Combinators.combine(
                        Arbitraries.doubles().between(0, 0.6),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 120),
                        Arbitraries.doubles().between(0, 0.6),
                        Arbitraries.doubles().between(0.01, 1.5),
                        Arbitraries.of(3, 7, 14),
                        Arbitraries.integers().between(0, 4))
                .as((fee, pass, approval, denial, cap, stepDays, ship) -> List.of(
                        set("regulator.licences[0].feeShare", fee),
                        set("regulator.licences[0].feePassThrough", pass),
                        set("regulator.licences[0].approvalDays", approval),
                        set("regulator.licences[0].denialProbability", denial),
                        set("regulator.licences[0].capShare", cap),
                        set("simulation.stepDays", stepDays),
                        set("vendor.shippingWeeks", ship)));
        Arbitrary<List<ScenarioOverride>> china = Combinators.combine(
                        Arbitraries.integers().between(0, 300),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 2),
                        Arbitraries.doubles().between(0, 3),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.doubles().between(0, 1),
                        Arbitraries.integers().between(0, 120))
                .as((blockDay, exempt, shadow, ratio, mandate, chance, lag) -> List.of(set(
                        "importer.rules",
                        "[{kind: BLOCK, product: H200, from: "
                                + java.time.LocalDate.of(2025, 12, 1).plusDays(blockDay)
                                + ", exemptShare: " + exempt + "},"
                                + " {kind: DISCOURAGE, from: 2025-08-12, shadowCostShare: " + shadow + "},"
                                + " {kind: MATCH, from: 2025-10-01, ratio: " + ratio + "},"
                                + " {kind: MANDATE, share: " + mandate + ", buyers: [Alibaba, Others],"
                                + " trigger: {on: LICENCE, product: H200, probability: " + chance + ", lagDays: " + lag
                                + "}}]")));
        return Combinators.combine(us, china).as((a, b) -> {
            List<ScenarioOverride> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    @Property(tries = 150)
    void underEveryInstrumentUnitsAndMoneyAreConservedAndCapsAndCapacityHold(
            @ForAll("instruments") List<ScenarioOverride> o, @ForAll long seed) {
        Scenario s;
        try {
            s = POLICY.with(o);
        } catch (Exception e) {
            throw new AssertionError("generated an invalid scenario: " + e.getMessage(), e);
        }
        ScenarioPlan plan = ScenarioPlan.of(s);
        MarketModel model = Simulation.build(plan, seed, false);
        Ledger ledger = model.ledger();
        var params = model.params();
        long[] startedBefore = new long[ledger.products()];
        for (int p = 0; p < startedBefore.length; p++) {
            startedBefore[p] = ledger.started(p); // the pipeline the vendors start with
        }
        model.addAgent(Phase.DOMESTIC, state -> {
            int step = model.step();
            assertNull(ledger.checkConservation(), "step " + step);
            for (int v = 0; v < params.vendors().size(); v++) {
                long started = 0;
                int lines = 0;
                for (int p : params.vendors().get(v).products()) {
                    started += ledger.started(p) - startedBefore[p];
                    lines++;
                }
                for (var r : params.vendors().get(v).redesigns()) {
                    started += ledger.started(r.product()) - startedBefore[r.product()];
                    lines++;
                }
                double capacity = plan.vendorCapacity(v, step);
                assertTrue(
                        started <= Math.round(capacity) + lines,
                        "vendor " + v + " step " + step + ": started " + started + " beyond capacity " + capacity);
            }
            for (int p = 0; p < ledger.products(); p++) {
                startedBefore[p] = ledger.started(p);
                var licence = model.status().licence(p);
                if (licence != null && !Double.isInfinite(licence.capUnitsPerStep())) {
                    assertTrue(
                            ledger.shippedThisStep(p) <= Math.floor(licence.capUnitsPerStep()),
                            "product " + p + " step " + step + ": shipped beyond the licence cap");
                }
            }
        });
        model.run();
        long[] shipped = new long[ledger.products()];
        long[] owed = new long[ledger.buyers()];
        for (Order order : ledger.orders()) {
            assertTrue(order.shipped() + order.cancelled() <= order.quantity());
            shipped[order.product()] += order.shipped();
            owed[order.buyer()] += order.shipped() * order.priceCents();
        }
        for (int b = 0; b < ledger.buyers(); b++) {
            assertEquals(owed[b], ledger.paidCents(b), "buyer " + b + " paid for exactly what was shipped");
        }
        long fees = 0;
        for (int p = 0; p < ledger.products(); p++) {
            long held = ledger.blockedAtImport(p);
            for (int b = 0; b < ledger.buyers(); b++) {
                held += ledger.stock(b, p) + ledger.deployed(b, p) + ledger.inTransit(b, p);
            }
            assertEquals(shipped[p], held, "product " + p + ": every unit shipped is held, in transit or blocked");
            assertTrue(ledger.productFeeCents(p) <= ledger.productRevenueCents(p), "fees within revenue");
            fees += ledger.productFeeCents(p);
        }
        long feesBySeller = 0;
        for (int seller = 0; seller < model.sellers().size(); seller++) {
            assertTrue(ledger.feeCents(seller) <= ledger.receivedCents(seller), "seller " + seller + " fees");
            feesBySeller += ledger.feeCents(seller);
        }
        assertEquals(fees, feesBySeller, "fees by product and by seller agree");
    }
}
