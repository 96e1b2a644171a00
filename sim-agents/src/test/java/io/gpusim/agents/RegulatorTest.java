package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The regulator alone in a market, step by step, on variants of the baseline (weekly steps from 2024-04-01; the ban
 * on the H20, product 0, on 2025-04-09, day 373, step 53; a leak 70 days earlier, day 303, step 43).
 */
class RegulatorTest {
    /** What the regulator left after each step: its stage, the events published so far, whether the H20 is banned. */
    private record Run(MarketModel model, Regulator.Stage[] stage, int[] published, boolean[] banned) {}

    /**
     * Runs the regulator on the baseline with {@code assignments}; a scripted buyer orders {@code orders[t]} units of
     * the H20 in step {@code t} (the hazard rule watches them).
     */
    private static Run run(long[] orders, String... assignments) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025.yaml"))
                .with(Arrays.stream(assignments)
                        .map(a -> ScenarioOverride.parse(a, "set"))
                        .toList()));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(11, 0), false);
        Regulator regulator = new Regulator(model, plan.controlRounds());
        model.addAgent(Phase.REGULATOR, regulator);
        int steps = model.calendar().steps();
        Run run = new Run(model, new Regulator.Stage[steps], new int[steps], new boolean[steps]);
        model.addAgent(Phase.HYPERSCALERS, state -> {
            int t = model.step();
            if (t < orders.length && orders[t] > 0) {
                model.exchange().buyer(0).order(0, orders[t], 1_250_000, t, model.today() + 28, false);
            }
            run.stage[t] = regulator.stage();
            run.published[t] = model.events().size();
            run.banned[t] = model.status().banned(0);
        });
        model.run();
        return run;
    }

    private static int day(int year, int month, int dayOfMonth) {
        return (int) ChronoUnit.DAYS.between(LocalDate.of(2024, 4, 1), LocalDate.of(year, month, dayOfMonth));
    }

    private static List<String> events(MarketModel model) {
        List<String> out = new ArrayList<>();
        for (MarketEvent e : model.events().all()) {
            out.add(e.kind() + "@" + e.day() + (e.product() >= 0 ? " p" + e.product() : ""));
        }
        return out;
    }

    @Test
    void onAFixedDatePublishesTheRoundsTheLeakTheAnnouncementAndTheBanEachInItsStep() throws Exception {
        Run r = run(new long[0]);
        assertEquals(
                List.of(
                        "CONTROL_ROUND@" + day(2022, 10, 7),
                        "CONTROL_ROUND@" + day(2023, 10, 17),
                        "CONTROL_ROUND@" + day(2024, 12, 2),
                        "CONTROL_ROUND@" + day(2025, 1, 13),
                        "LEAK@303 p0",
                        "BAN_ANNOUNCED@373 p0",
                        "BAN_EFFECTIVE@373 p0"),
                events(r.model));
        // the rounds before the start in step 0; 2024-12-02 (day 245) in step 35, 2025-01-13 (day 287) in step 41
        assertEquals(2, r.published[0]);
        assertEquals(2, r.published[34]);
        assertEquals(3, r.published[35]);
        assertEquals(4, r.published[41]);
        assertEquals(4, r.published[42]);
        assertEquals(5, r.published[43]);
        assertEquals(5, r.published[52]);
        assertEquals(7, r.published[53]);
        assertEquals(Regulator.Stage.DECIDED, r.stage[0], "a dated ban is decided from the start");
        assertEquals(Regulator.Stage.DECIDED, r.stage[52]);
        assertEquals(Regulator.Stage.ENACTED, r.stage[53]);
        assertFalse(r.banned[52]);
        assertTrue(r.banned[53]);
        assertTrue(r.banned[r.banned.length - 1]);
    }

    @Test
    void aGracePeriodSeparatesTheAnnouncementFromTheBanAndALongLeadLeaksFromTheStart() throws Exception {
        Run r = run(new long[0], "regulator.graceDays=30", "regulator.leak.leadDays=400");
        // the leak would fall 27 days before the start: it is published on day 0
        assertEquals(0, r.model.events().lastDay(EventKind.LEAK, 0));
        assertEquals(373, r.model.events().lastDay(EventKind.BAN_ANNOUNCED, 0));
        assertEquals(403, r.model.events().lastDay(EventKind.BAN_EFFECTIVE, 0));
        assertEquals(3, r.published[0], "two rounds and the leak");
        assertEquals(Regulator.Stage.ANNOUNCED, r.stage[53]);
        assertFalse(r.banned[53]);
        // day 403 is in step 57 (days 399-405)
        assertEquals(Regulator.Stage.ANNOUNCED, r.stage[56]);
        assertEquals(Regulator.Stage.ENACTED, r.stage[57]);
        assertTrue(r.banned[57]);
    }

    @Test
    void aBanTakingEffectOnAStepsFirstDayIsEnactedInThatStep() throws Exception {
        // announced on day 373 (step 53, days 371-377), in force five days later, day 378, the first day of step 54
        Run r = run(new long[0], "regulator.graceDays=5");
        assertEquals(Regulator.Stage.ANNOUNCED, r.stage[53]);
        assertFalse(r.banned[53]);
        assertEquals(Regulator.Stage.ENACTED, r.stage[54]);
        assertEquals(378, r.model.events().lastDay(EventKind.BAN_EFFECTIVE, 0));
    }

    @Test
    void withoutALeakDrawnNoLeakIsPublished() throws Exception {
        Run r = run(new long[0], "regulator.leak.probability=0");
        assertEquals(EventLog.NONE, r.model.events().lastDay(EventKind.LEAK, 0));
        assertEquals(373, r.model.events().lastDay(EventKind.BAN_EFFECTIVE, 0));
    }

    @Test
    void aReversalLiftsTheBanItsDelayAfterTheBan() throws Exception {
        Run r = run(new long[0], "regulator.reversal={probability: 1.0, afterDays: 90}");
        // day 463 is in step 66 (days 462-468)
        assertEquals(463, r.model.events().lastDay(EventKind.REVERSAL, 0));
        assertTrue(r.banned[65]);
        assertFalse(r.banned[66]);
        assertEquals(Regulator.Stage.ENACTED, r.stage[66], "the stage records the ban, lifted or not");
        Run kept = run(new long[0], "regulator.reversal={probability: 0.0, afterDays: 90}");
        assertEquals(EventLog.NONE, kept.model.events().lastDay(EventKind.REVERSAL, 0));
        assertTrue(kept.banned[kept.banned.length - 1]);
    }

    private static final String[] HAZARD = {"regulator.mode=HAZARD", "regulator.banDate=null"};

    private static String[] hazard(double base, double leakRate, double leakBoost, double stockpile, String... more) {
        List<String> a = new ArrayList<>(Arrays.asList(HAZARD));
        a.add("regulator.hazard={baseHazardPerYear: %s, leakRatePerYear: %s, leakBoost: %s, stockpileSensitivity: %s,"
                        .formatted(base, leakRate, leakBoost, stockpile)
                + " rulemakingWeeks: 4}");
        a.addAll(Arrays.asList(more));
        return a.toArray(new String[0]);
    }

    /** The first step that ended with the ban decided, or -1. */
    private static int decidedStep(Run r) {
        for (int t = 0; t < r.stage.length; t++) {
            if (r.stage[t] != Regulator.Stage.UNDECIDED) {
                return t;
            }
        }
        return -1;
    }

    @Test
    void aHazardRuleBansARulemakingAfterTheStepItDecides() throws Exception {
        // no hazard: never decided
        Run none = run(new long[0], hazard(0, 0, 0, 0, "regulator.leak.probability=0"));
        assertEquals(-1, decidedStep(none));
        assertEquals(EventLog.NONE, none.model.events().firstDay(EventKind.BAN_ANNOUNCED));
        // 50 a year, a chance of 1 - exp(-50 * 7 / 365.2425) = 0.62 a step: decided early, announced and in force
        // four weeks after the first day of that step, without a leak
        Run decided = run(new long[0], hazard(50, 0, 0, 0, "regulator.leak.probability=0"));
        int d = decidedStep(decided);
        assertTrue(d >= 0 && d < 20, "decided in step " + d);
        assertEquals(7 * d + 28, decided.model.events().lastDay(EventKind.BAN_ANNOUNCED, 0));
        assertEquals(7 * d + 28, decided.model.events().lastDay(EventKind.BAN_EFFECTIVE, 0));
        assertEquals(Regulator.Stage.DECIDED, decided.stage[d + 3]);
        assertEquals(Regulator.Stage.ENACTED, decided.stage[d + 4]);
        assertEquals(EventLog.NONE, decided.model.events().lastDay(EventKind.LEAK, 0));
        // with a leak drawn, the decided ban leaks 70 days before its announcement, but not before the decision
        Run leaked = run(new long[0], hazard(50, 0, 0, 0));
        assertEquals(7 * decidedStep(leaked), leaked.model.events().lastDay(EventKind.LEAK, 0));
    }

    @Test
    void leaksComeAtTheirRateAndRaiseTheHazardByTheirBoost() throws Exception {
        // leaks and no boost: leaks on steps' first days, about 0.63 a step, no ban
        Run leaks = run(new long[0], hazard(0, 52, 0, 0, "regulator.leak.probability=0"));
        List<MarketEvent> published = leaks.model.events().all().stream()
                .filter(e -> e.kind() == EventKind.LEAK)
                .toList();
        int steps = leaks.stage.length;
        assertTrue(published.size() > steps / 3 && published.size() < steps, published.size() + " leaks");
        assertTrue(published.stream().allMatch(e -> e.day() % 7 == 0 && e.product() == 0));
        assertEquals(-1, decidedStep(leaks));
        // with a boost, nothing is decided before the first leak, and it is decided after
        Run boosted = run(new long[0], hazard(0, 52, 50, 0, "regulator.leak.probability=0"));
        int firstLeak = boosted.model.events().firstDay(EventKind.LEAK) / 7;
        int d = decidedStep(boosted);
        assertTrue(d >= firstLeak, "decided in step " + d + ", first leak in step " + firstLeak);
        assertEquals(7 * d + 28, boosted.model.events().lastDay(EventKind.BAN_EFFECTIVE, 0));
    }

    /** 100 units of the H20 a step, 400 in {@code high}. */
    private static long[] orders(int... high) {
        long[] o = new long[120];
        Arrays.fill(o, 100);
        for (int t : high) {
            o[t] = 400;
        }
        return o;
    }

    /** The hazard rule's order surge as the regulator sees it in each step, with {@code orders} placed. */
    private static double[] surge(long[] orders) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025.yaml"))
                .with(Arrays.stream(hazard(0, 0, 0, 0))
                        .map(a -> ScenarioOverride.parse(a, "set"))
                        .toList()));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(11, 2), false);
        Regulator regulator = new Regulator(model, plan.controlRounds());
        model.addAgent(Phase.REGULATOR, regulator);
        double[] surge = new double[model.calendar().steps()];
        model.addAgent(Phase.HYPERSCALERS, state -> {
            int t = model.step();
            surge[t] = regulator.orderSurge(t);
            if (t < orders.length && orders[t] > 0) {
                model.exchange().buyer(0).order(0, orders[t], 1_250_000, t, model.today() + 28, false);
            }
        });
        model.run();
        return surge;
    }

    @Test
    void theSurgeIsTheLastThirteenWeeksOrderRateOverTheYearsOnceAYearIsSeen() throws Exception {
        // steady orders, or none: 1
        double[] steady = surge(orders());
        double[] nothing = surge(new long[0]);
        for (int t = 0; t < steady.length; t++) {
            assertEquals(1.0, steady[t], 1e-12, "steady, step " + t);
            assertEquals(1.0, nothing[t], "no orders, step " + t);
        }
        // step 52 sees steps 0-51; 400 in step 39, the first of the last 13: (1600 / 13) / (5500 / 52)
        double[] early = surge(orders(39));
        assertEquals(1.0, early[51], "less than a year seen");
        assertEquals((1600 / 13.0) / (5500 / 52.0), early[52], 1e-12);
        // in step 53 step 39 has left the 13 weeks (40-52) but not the year (1-52)
        assertEquals((1300 / 13.0) / (5500 / 52.0), early[53], 1e-12);
        // in step 92 it has left the year (40-91)
        assertEquals((1300 / 13.0) / (5500 / 52.0), early[91], 1e-12);
        assertEquals(1.0, early[92], 1e-12);
        // all of a year's orders in its last 13 weeks: 4
        long[] late = new long[120];
        Arrays.fill(late, 39, 52, 100);
        assertEquals(4.0, surge(late)[52], 1e-12);
    }

    /** A market of a shipped scenario, with one assignment, and only the regulator in it. */
    private static MarketModel regulatorOnly(String scenario, String assignment, int replication) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", scenario + ".yaml"))
                .with(List.of(ScenarioOverride.parse(assignment, "set"))));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(11, replication), false);
        model.addAgent(Phase.REGULATOR, new Regulator(model, plan.controlRounds()));
        return model;
    }

    /** Index of the product named {@code name}. */
    static int productIndex(MarketModel model, String name) {
        return java.util.stream.IntStream.range(0, model.products().size())
                .filter(p -> model.product(p).name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void licencesStartInTheStepOfTheirFirstDayFollowTheirCapAndEnd() throws Exception {
        // h200-2026: H200 licences from 2025-12-08 (day 616, step 88: days 616-622), capped at half of
        // US shipments, 150000 a month on 2025-12-01 falling to 60000 on 2026-12-01
        MarketModel model = regulatorOnly("h200-2026", "regulator.licences[0].until=2026-03-02", 1);
        int h200 = productIndex(model, "H200");
        LicenceTerms[] terms = new LicenceTerms[model.calendar().steps()];
        model.addAgent(
                Phase.HYPERSCALERS,
                state -> terms[model.step()] = model.status().licence(h200));
        model.run();
        int from = day(2025, 12, 8);
        int step = from / 7;
        assertEquals(88, step);
        assertNull(terms[step - 1]);
        int base = day(2025, 12, 1);
        int end = day(2026, 12, 1);
        for (int t = step; t <= step + 8; t++) {
            double usMonthly = 150_000 + (7.0 * t - base) / (end - base) * (60_000 - 150_000);
            assertEquals(0.5 * usMonthly * 7 / 30.436875, terms[t].capUnitsPerStep(), 1e-6, "step " + t);
            assertEquals(0.25, terms[t].feeShare());
            assertEquals(60, terms[t].approvalDays());
        }
        assertEquals(from, model.events().lastDay(EventKind.LICENCE, h200));
        // 2026-03-02 is day 700, the first day of step 100: in force through it, ended in step 101
        int until = day(2026, 3, 2);
        assertEquals(100, until / 7);
        assertTrue(terms[100] != null);
        assertNull(terms[101]);
    }

    @Test
    void eventsOfOneDayArePublishedInTheOrderTheyWereScheduled() throws Exception {
        // h20-2025-sequel bans the H20 (product 0) and the MI308 on one day, leaks both on one day and, with a
        // reversal, lifts both on one day: each time the H20 first
        MarketModel model = regulatorOnly("h20-2025-sequel", "regulator.reversal={probability: 1.0, afterDays: 90}", 3);
        model.run();
        int mi308 = productIndex(model, "MI308");
        for (EventKind kind :
                List.of(EventKind.LEAK, EventKind.BAN_ANNOUNCED, EventKind.BAN_EFFECTIVE, EventKind.REVERSAL)) {
            List<Integer> products = model.events().all().stream()
                    .filter(e -> e.kind() == kind)
                    .map(MarketEvent::product)
                    .toList();
            assertEquals(List.of(0, mi308), products, kind.toString());
        }
    }
}
