package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The importing country's regulator with the US regulator in a market of h200-2026.yaml (weekly steps from
 * 2024-04-01; US licences for the H20 and the MI308 from 2025-08-08, for the H200 from 2025-12-08), under one rule of
 * each kind, step by step.
 */
class ImporterTest {
    private static final String RULES = "importer.rules=["
            + "{kind: BLOCK, product: H200, from: 2026-01-14, until: 2026-03-01, exemptShare: 0.2},"
            + "{kind: DISCOURAGE, product: H20, from: 2025-07-31, shadowCostShare: 0.1},"
            + "{kind: MATCH, from: 2025-09-01, until: 2025-10-06, ratio: 0.5},"
            + "{kind: MANDATE, from: 2025-11-05, share: 0.3, buyers: [Others]},"
            + "{kind: BLOCK, product: MI308, exemptShare: 0.0, trigger: {on: LICENCE, product: MI308, lagDays: 10}},"
            + "{kind: DISCOURAGE, product: H20, shadowCostShare: 0.7,"
            + " trigger: {on: LICENCE, product: H20, probability: 0.0}}]";

    private MarketModel model;
    private int h20;
    private int mi308;
    private int h200;
    /** Per step, after the importer: import shares of the H20, MI308 and H200, the H20's shadow cost, the match ratio. */
    private double[][] seen;
    /** Per step, the mandated domestic share of each of the four buyers. */
    private double[][] mandate;

    /** Runs the market once per test: PIT credits a test only with what runs inside it. */
    @BeforeEach
    void run() throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", "h200-2026.yaml"))
                .with(List.of(ScenarioOverride.parse(RULES, "set"))));
        model = new MarketModel(plan.market(), Seeds.replicationSeed(13, 0), false);
        h20 = index("H20");
        mi308 = index("MI308");
        h200 = index("H200");
        model.addAgent(Phase.REGULATOR, new Regulator(model, plan.controlRounds()));
        model.addAgent(Phase.IMPORTER, new Importer(model));
        int steps = model.calendar().steps();
        seen = new double[steps][];
        mandate = new double[steps][];
        model.addAgent(Phase.HYPERSCALERS, state -> {
            MarketStatus s = model.status();
            int t = model.step();
            seen[t] = new double[] {
                s.importShare(h20), s.importShare(mi308), s.importShare(h200), s.shadowCostShare(h20), s.matchRatio()
            };
            mandate[t] = IntStream.range(0, 4).mapToDouble(s::mandateShare).toArray();
        });
        model.run();
    }

    private int index(String name) {
        return IntStream.range(0, model.products().size())
                .filter(p -> model.product(p).name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static int day(int year, int month, int dayOfMonth) {
        return (int) ChronoUnit.DAYS.between(LocalDate.of(2024, 4, 1), LocalDate.of(year, month, dayOfMonth));
    }

    private static int step(int year, int month, int dayOfMonth) {
        return day(year, month, dayOfMonth) / 7;
    }

    @Test
    void aBlockLetsOnlyItsExemptShareBuyFromItsStartThroughItsLastDay() {
        int from = step(2026, 1, 14);
        int until = step(2026, 3, 1);
        assertEquals(1.0, seen[from - 1][2]);
        assertEquals(0.2, seen[from][2]);
        assertEquals(0.2, seen[until][2]);
        assertEquals(1.0, seen[until + 1][2], "lifted after its last day");
        assertEquals(1.0, seen[from][0], "the H20 is not blocked");
    }

    @Test
    void discouragementAddsItsShadowCostFromItsDay() {
        int from = step(2025, 7, 31);
        assertEquals(0.0, seen[from - 1][3]);
        assertEquals(0.1, seen[from][3]);
        assertEquals(0.1, seen[seen.length - 1][3], "the rule that never followed its trigger never applies");
    }

    @Test
    void matchingHoldsItsRatioWhileInForce() {
        // from the first day of step 74 (day 518) through the first day of step 79 (day 553)
        int from = step(2025, 9, 1);
        int until = step(2025, 10, 6);
        assertEquals(7 * from, day(2025, 9, 1));
        assertEquals(7 * until, day(2025, 10, 6));
        assertEquals(0.0, seen[from - 1][4]);
        assertEquals(0.5, seen[from][4]);
        assertEquals(0.5, seen[until][4]);
        assertEquals(0.0, seen[until + 1][4]);
    }

    @Test
    void aMandateAppliesToItsBuyersOnly() {
        int from = step(2025, 11, 5);
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0), boxed(mandate[from - 1]));
        assertEquals(List.of(0.0, 0.0, 0.0, 0.3), boxed(mandate[from]));
        assertEquals(List.of(0.0, 0.0, 0.0, 0.3), boxed(mandate[mandate.length - 1]));
    }

    private static List<Double> boxed(double[] values) {
        return java.util.Arrays.stream(values).boxed().toList();
    }

    @Test
    void aTriggeredRuleStartsItsLagAfterTheUsAction() {
        // the MI308's licence on 2025-08-08; the block ten days later, 2025-08-18
        int licence = day(2025, 8, 8);
        assertEquals(licence, model.events().lastDay(EventKind.LICENCE, mi308));
        int start = step(2025, 8, 18);
        assertEquals(1.0, seen[start - 1][1]);
        assertEquals(0.0, seen[start][1]);
        assertEquals(0.0, seen[seen.length - 1][1]);
    }

    @Test
    void eachRuleIsAnnouncedOnceOnItsFirstDay() {
        List<String> announced = model.events().all().stream()
                .filter(e -> e.kind() == EventKind.IMPORT_RULE)
                .map(e -> describe(e.day(), e.product(), e.label()))
                .toList();
        assertEquals(
                List.of(
                        describe(day(2025, 7, 31), h20, "purchases of H20 discouraged"),
                        describe(day(2025, 8, 18), mi308, "customs block on MI308"),
                        describe(day(2025, 9, 1), -1, "domestic units required per foreign unit"),
                        describe(day(2025, 11, 5), -1, "domestic share mandated"),
                        describe(day(2026, 1, 14), h200, "customs block on H200")),
                announced);
    }

    private static String describe(int day, int product, String label) {
        return day + " p" + product + " " + label;
    }
}
