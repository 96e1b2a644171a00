package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.Order;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each scenario field changes a named output of a whole run by an amount worked out by hand (the comments say how).
 * The runs are of the baseline, {@code h20-2025.yaml} (weekly steps from 2024-04-01 to 2026-06-28, 117 steps; buyers
 * ByteDance, Alibaba, Tencent and Others), with the assignments each test names; every buyer's draws (demand noise,
 * demand level, sensitivity) are switched off unless a test turns one on, so the outputs are exact.
 */
class ScenarioFieldEffectsTest {
    private static final double DPM = Calendar.DAYS_PER_MONTH;
    private static final double DPY = Calendar.DAYS_PER_YEAR;
    private static final String[] BUYERS = {"ByteDance", "Alibaba", "Tencent", "Others"};

    /** No draws in any buyer; demand 1000, 2000, 3000 and 4000 a week, not growing, without shocks. */
    private static final String[] QUIET = quiet();

    private static String[] quiet() {
        String[] a = new String[BUYERS.length * 5 + 1];
        for (int b = 0; b < BUYERS.length; b++) {
            String h = "hyperscalers[" + b + "].";
            a[5 * b] = h + "demandNoiseSd=0";
            a[5 * b + 1] = h + "demandLevelSd=0";
            a[5 * b + 2] = h + "sensitivitySd=0";
            a[5 * b + 3] = h + "demandUnitsPerWeek=" + 1000 * (b + 1);
            a[5 * b + 4] = h + "demandGrowthPerYear=0";
        }
        a[a.length - 1] = "demandShocks=[]";
        return a;
    }

    /** No news at all: no ban, no earlier control rounds, no leak. */
    private static final String[] NO_NEWS = {"regulator.mode=NONE", "regulator.history=[]", "regulator.leak=null"};

    private static Scenario scenario(String[]... assignments) throws Exception {
        return Scenarios.with("h20-2025", Arrays.stream(assignments).flatMap(Arrays::stream));
    }

    private static RunResult run(String[]... assignments) throws Exception {
        return Simulation.run(scenario(assignments), Seeds.replicationSeed(31, 0), true);
    }

    private static String[] set(String... assignments) {
        return assignments;
    }

    // ---- simulation ---------------------------------------------------------------------------------------------

    @Test
    void theCalendarSetsTheStepsTheirLengthAndTheDayOfTheBan() throws Exception {
        // 2024-04-01 to 2026-06-28 is 819 days: 117 weekly steps, each with 10000 units of demand a week
        RunResult weekly = run(QUIET);
        assertEquals(117, weekly.steps());
        assertEquals(10_000, weekly.series(Series.DEMAND)[0], 1e-9);
        // the ban announced on 2025-04-09, 373 days after the start, leaked 70 days before
        assertEquals(373, weekly.get(Metric.BAN_DAY));
        assertEquals(303, weekly.get(Metric.LEAK_DAY));
        // fortnightly steps: ceil(819 / 14) = 59 steps of two weeks' demand
        RunResult fortnightly = run(QUIET, set("simulation.stepDays=14"));
        assertEquals(59, fortnightly.steps());
        assertEquals(20_000, fortnightly.series(Series.DEMAND)[58], 1e-9);
        // ending on 2024-12-31 (day 274): ceil(275 / 7) = 40 steps
        assertEquals(
                40,
                run(QUIET, set("simulation.endDate=2024-12-31", "regulator.mode=NONE"))
                        .steps());
        // starting a week later: the ban falls on day 366
        RunResult later = run(QUIET, set("simulation.startDate=2024-04-08"));
        assertEquals(366, later.get(Metric.BAN_DAY));
        assertEquals(296, later.get(Metric.LEAK_DAY));
        assertEquals(116, later.steps());
    }

    // ---- demand -------------------------------------------------------------------------------------------------

    @Test
    void demandIsTheSumOfTheBuyersWeeklyDemandGrowingAtTheirRates() throws Exception {
        double[] flat = run(QUIET).series(Series.DEMAND);
        for (double d : flat) {
            assertEquals(10_000, d, 1e-9);
        }
        // ByteDance's 1000 a week doubling every year: 1000 x 2^(7t / 365.2425) in step t, the others 9000
        double[] growing =
                run(QUIET, set("hyperscalers[0].demandGrowthPerYear=1.0")).series(Series.DEMAND);
        for (int t : new int[] {0, 1, 52, 116}) {
            assertEquals(9_000 + 1_000 * Math.pow(2, 7 * t / DPY), growing[t], 1e-6, "step " + t);
        }
    }

    @Test
    void aShockRampsOverItsWeeksForItsBuyersFromItsDate() throws Exception {
        // +50% from 2024-04-29 (day 28, step 4) over two weeks (14 days), ByteDance only: on day 28 + k the
        // multiplier is 1 + 0.5 x min(1, (k + 1) / 14)
        double[] one = run(
                        QUIET,
                        set(
                                "demandShocks=[{name: S, date: 2024-04-29, effect: 0.5, rampWeeks: 2, buyers: [ByteDance]}]"))
                .series(Series.DEMAND);
        assertEquals(10_000, one[3], 1e-9);
        assertEquals(9_000 + 1_000 * (1 + 0.5 / 14), one[4], 1e-9);
        assertEquals(9_000 + 1_000 * (1 + 0.5 * 8 / 14), one[5], 1e-9);
        assertEquals(9_000 + 1_500, one[6], 1e-9);
        assertEquals(9_000 + 1_500, one[116], 1e-9);
        // no buyers named: every buyer's demand rises by half
        double[] all = run(QUIET, set("demandShocks=[{name: S, date: 2024-04-29, effect: 0.5, rampWeeks: 2}]"))
                .series(Series.DEMAND);
        assertEquals(15_000, all[6], 1e-9);
        // a fall of 20% at once (one week's ramp reaches it on its seventh day: step 4 has 1/7 of it)
        double[] fall = run(QUIET, set("demandShocks=[{name: S, date: 2024-04-29, effect: -0.2}]"))
                .series(Series.DEMAND);
        assertEquals(10_000 * (1 - 0.2 / 7), fall[4], 1e-9);
        assertEquals(8_000, fall[5], 1e-9);
    }

    @Test
    void theLevelIsDrawnOnceAndTheNoiseEveryStep() throws Exception {
        // a level drawn once: ByteDance's demand is the same in every step, and not its 1000
        double[] level = run(QUIET, set("hyperscalers[0].demandLevelSd=0.5")).series(Series.DEMAND);
        assertNotEquals(10_000, level[0], 1e-6);
        for (double d : level) {
            assertEquals(level[0], d, 1e-9);
        }
        // noise of sd 0.3 a week on the log, mean 1: over 117 steps the mean of ByteDance's demand is 1000 within
        // four standard errors (0.3 / sqrt(117) of it, 28 units), and the sd of its log 0.3 within 0.08
        double[] noisy = run(QUIET, set("hyperscalers[0].demandNoiseSd=0.3")).series(Series.DEMAND);
        double[] logs = Arrays.stream(noisy).map(d -> Math.log(d - 9_000)).toArray();
        double mean = Arrays.stream(noisy).map(d -> d - 9_000).average().orElseThrow();
        double logMean = Arrays.stream(logs).average().orElseThrow();
        double sd = Math.sqrt(
                Arrays.stream(logs).map(l -> (l - logMean) * (l - logMean)).sum() / (logs.length - 1));
        assertEquals(1_000, mean, 4 * 1_000 * 0.3 / Math.sqrt(117));
        assertEquals(0.3, sd, 0.08);
        // The size of each spread, exactly: a run draws the same standard normals z whatever the spreads, so the
        // level 1000 exp(sd z) at sd 0.25 has half the log of the one at 0.5; and a step's demand
        // 1000 exp(sd z - sd^2 / 2) at sd 0.15 gives the z of the one at 0.3
        double[] halfLevel =
                run(QUIET, set("hyperscalers[0].demandLevelSd=0.25")).series(Series.DEMAND);
        assertEquals(Math.log((level[0] - 9_000) / 1_000), 2 * Math.log((halfLevel[0] - 9_000) / 1_000), 1e-9);
        double[] halfNoise =
                run(QUIET, set("hyperscalers[0].demandNoiseSd=0.15")).series(Series.DEMAND);
        for (int t = 0; t < noisy.length; t++) {
            double z = (Math.log((noisy[t] - 9_000) / 1_000) + 0.3 * 0.3 / 2) / 0.3;
            double zHalf = (Math.log((halfNoise[t] - 9_000) / 1_000) + 0.15 * 0.15 / 2) / 0.15;
            assertEquals(z, zHalf, 1e-9, "step " + t);
        }
    }

    // ---- beliefs --------------------------------------------------------------------------------------------------

    /** The mean hazard a run's buyers perceive, by step. */
    private static double[] hazard(String[]... assignments) throws Exception {
        return run(assignments).series(Series.MEAN_HAZARD);
    }

    @Test
    void withoutNewsTheHazardIsThePrior() throws Exception {
        for (double h : hazard(QUIET, NO_NEWS)) {
            assertEquals(0.02, h, 1e-15);
        }
        for (double h : hazard(QUIET, NO_NEWS, set("beliefs.priorHazardPerYear=0.3"))) {
            assertEquals(0.3, h, 1e-15);
        }
    }

    @Test
    void aControlRoundAddsItsWeightTimesTheMeanSensitivityFadingOverTheDecay() throws Exception {
        // a round on the first day: in step t it adds weight x exp(-7t / 30.436875 / decay) times the buyers' mean
        // sensitivity, (1 + 1 + 1 + 3) / 4 = 1.5 with Others' raised to 3
        String[] round = {"regulator.history=[2024-04-01]", "hyperscalers[3].signalSensitivity=3"};
        RunResult run = run(QUIET, NO_NEWS, round);
        double[] base = run.series(Series.MEAN_HAZARD);
        // the highest is the first step's, when the round is fresh
        assertEquals(0.02 + 1.5 * 0.5, run.get(Metric.PEAK_HAZARD), 1e-12);
        double[] heavier = hazard(QUIET, NO_NEWS, round, set("beliefs.controlRoundWeight=0.8"));
        double[] slower = hazard(QUIET, NO_NEWS, round, set("beliefs.decayMonths=12"));
        for (int t : new int[] {0, 1, 26, 116}) {
            assertEquals(0.02 + 1.5 * 0.5 * Math.exp(-7 * t / DPM / 6), base[t], 1e-12, "step " + t);
            assertEquals(0.02 + 1.5 * 0.8 * Math.exp(-7 * t / DPM / 6), heavier[t], 1e-12, "step " + t);
            assertEquals(0.02 + 1.5 * 0.5 * Math.exp(-7 * t / DPM / 12), slower[t], 1e-12, "step " + t);
        }
    }

    @Test
    void aSpreadOfSensitivityScalesEachBuyersNewsByADrawHeldForTheRun() throws Exception {
        // Others' sensitivity drawn with a spread: the news part of the mean hazard, over the round's fading weight
        // 0.5 x exp(-7t / 30.436875 / 6), is the mean sensitivity, the same in every step and no longer 1
        double[] h = hazard(QUIET, NO_NEWS, set("regulator.history=[2024-04-01]", "hyperscalers[3].sensitivitySd=0.5"));
        double mean = (h[0] - 0.02) / 0.5;
        assertNotEquals(1.0, mean, 1e-6);
        for (int t : new int[] {1, 26, 116}) {
            assertEquals(mean, (h[t] - 0.02) / (0.5 * Math.exp(-7 * t / DPM / 6)), 1e-9, "step " + t);
        }
        // the mean is (1 + 1 + 1 + exp(sd z)) / 4 with the same z at any spread: at 0.25, half the log of Others'
        double[] half =
                hazard(QUIET, NO_NEWS, set("regulator.history=[2024-04-01]", "hyperscalers[3].sensitivitySd=0.25"));
        assertEquals(Math.log(4 * mean - 3), 2 * Math.log(4 * (half[0] - 0.02) / 0.5 - 3), 1e-9);
    }

    @Test
    void aReversalOfTheBanLowersTheHazardByItsWeight() throws Exception {
        // the H20 banned on 2024-06-03 (day 63, step 9) and the ban lifted 14 days later, day 77, the first day of
        // step 11: from then the hazard is the prior 1.0 plus -0.5 x exp(-(7t - 77) / 30.436875 / 6); the ban on
        // the product itself adds nothing
        double[] h = hazard(
                QUIET,
                set(
                        "regulator.history=[]",
                        "regulator.leak=null",
                        "regulator.banDate=2024-06-03",
                        "regulator.reversal={probability: 1.0, afterDays: 14}",
                        "beliefs.priorHazardPerYear=1.0"));
        assertEquals(1.0, h[10], 1e-15);
        for (int t : new int[] {11, 12, 60}) {
            assertEquals(1.0 - 0.5 * Math.exp(-(7 * t - 77) / DPM / 6), h[t], 1e-12, "step " + t);
        }
    }

    @Test
    void aRuleOfTheImportingCountryAddsItsWeight() throws Exception {
        // purchases of the H20 discouraged from 2024-06-03 (day 63, the first day of step 9): from then the hazard
        // is the prior plus importRuleWeight x exp(-(7t - 63) / 30.436875 / 6)
        String[] rule = {
            "importer={name: China, rules: [{kind: DISCOURAGE, product: H20, from: 2024-06-03, shadowCostShare: 0.1}]}"
        };
        double[] h = hazard(QUIET, NO_NEWS, rule, set("beliefs.importRuleWeight=0.4"));
        assertEquals(0.02, h[8], 1e-15);
        for (int t : new int[] {9, 10, 60}) {
            assertEquals(0.02 + 0.4 * Math.exp(-(7 * t - 63) / DPM / 6), h[t], 1e-12, "step " + t);
        }
        // the baseline's weight, 0.5
        assertEquals(0.02 + 0.5, hazard(QUIET, NO_NEWS, rule)[9], 1e-12);
    }

    /** The mean hazard of the H20 in h20-2025-sequel, without its licences and import rules, by step. */
    private static double[] sequelHazard(String... assignments) throws Exception {
        Scenario s = Scenarios.with(
                "h20-2025-sequel",
                Stream.concat(
                        Stream.concat(Arrays.stream(QUIET), Stream.of("importer=null", "regulator.licences=[]")),
                        Arrays.stream(assignments)));
        return Simulation.run(s, Seeds.replicationSeed(31, 0), true).series(Series.MEAN_HAZARD);
    }

    @Test
    void newsAboutAnotherProductMovesTheHazardByItsWeights() throws Exception {
        // h20-2025-sequel bans the H20 and AMD's MI308 on 2025-04-09 (day 373, step 53: days 371-377) and leaks
        // both 70 days earlier (day 303, step 43: days 301-307); news in a step is seen from the step's first day.
        // Raising one weight by d adds d x (its share) x exp(-7 (t - step) / 30.436875 / 6) to the H20's hazard
        // from the step of the news, the same in every buyer (sensitivity 1); nothing else in the run moves.
        double[] base = sequelHazard();
        double[] ban = sequelHazard("beliefs.banWeight=2.0");
        double[] leak = sequelHazard("beliefs.leakWeight=4.5");
        double[] cross = sequelHazard("beliefs.crossProductWeight=1.0");
        double[] onlyH20 = sequelHazard("regulator.banProducts=[H20]");
        for (int t : new int[] {42, 43, 52, 53, 54, 90}) {
            double fromLeak = t < 43 ? 0 : Math.exp(-7 * (t - 43) / DPM / 6);
            double fromBan = t < 53 ? 0 : Math.exp(-7 * (t - 53) / DPM / 6);
            // the MI308's ban is news about another product: banWeight, 1.0 -> 2.0
            assertEquals(1.0 * fromBan, ban[t] - base[t], 1e-12, "ban weight, step " + t);
            // the H20's own leak in full, the MI308's at the cross-product share 0.5
            assertEquals((1 + 0.5) * fromLeak, leak[t] - base[t], 1e-12, "leak weight, step " + t);
            // only the MI308's leak is shared: 3.5 x (1.0 - 0.5)
            assertEquals(3.5 * 0.5 * fromLeak, cross[t] - base[t], 1e-12, "cross-product weight, step " + t);
            // banning only the H20: no news of the MI308, neither its leak (3.5 x 0.5) nor its ban (1.0)
            assertEquals(3.5 * 0.5 * fromLeak + 1.0 * fromBan, base[t] - onlyH20[t], 1e-12, "ban products, step " + t);
        }
    }

    /** Units of the H20 each buyer ordered from step 70 on (the H20's licences, from 2025-08-08), in the sequel. */
    private static long[] licensedH20Orders(String... assignments) throws Exception {
        Scenario s = Scenarios.with(
                "h20-2025-sequel",
                Stream.concat(
                        Stream.concat(Arrays.stream(QUIET), Stream.of("importer=null")), Arrays.stream(assignments)));
        MarketModel m = Simulation.build(s, Seeds.replicationSeed(31, 3), false);
        m.run();
        long[] units = new long[BUYERS.length];
        for (Order o : m.ledger().orders()) {
            if (o.product() == 0 && o.placedStep() >= 70) {
                units[o.buyer()] += o.quantity();
            }
        }
        return units;
    }

    @Test
    void aBuyerVettedOutOfTheLicencesBuysNoneOfTheProduct() throws Exception {
        // Others, the buyer without a stockpile, buys the H20 again under the licences; vetted out, none
        long[] open = licensedH20Orders();
        assertTrue(open[3] > 0, "Others buys the H20 under the licences: " + Arrays.toString(open));
        assertEquals(0, licensedH20Orders("regulator.licences[0].excludedBuyers=[Others]")[3]);
    }

    /** Buyer 0's orders in step 0. */
    private static List<Order> firstOrders(String... assignments) throws Exception {
        MarketModel m = Simulation.build(
                scenario(QUIET, NO_NEWS, set("hyperscalers[0].anticipation=false"), assignments),
                Seeds.replicationSeed(31, 2),
                false);
        m.run();
        return m.ledger().orders().stream()
                .filter(o -> o.buyer() == 0 && o.placedStep() == 0)
                .toList();
    }

    @Test
    void aBuyerOrdersItsWorkingLevelNoSoonerThanItsMinimumLead() throws Exception {
        // ByteDance without anticipation, 1000 a week: (working weeks + 1 of review + 1 of shipping) x 1000 H20,
        // wanted by day max(7, 7 x minLeadWeeks): the vendor can ship it from stock in step 0, arriving on day 7
        Order base = firstOrders().get(0);
        assertEquals(3_000, base.quantity());
        assertEquals(28, base.requestedByDay());
        assertEquals(
                5_000,
                firstOrders("hyperscalers[0].workingInventoryWeeks=3").get(0).quantity());
        assertEquals(42, firstOrders("hyperscalers[0].minLeadWeeks=6").get(0).requestedByDay());
        assertEquals(7, firstOrders("hyperscalers[0].minLeadWeeks=0").get(0).requestedByDay());
        // three weeks' shipping: (1 + 1 + 3) x 1000
        assertEquals(5_000, firstOrders("vendor.shippingWeeks=3").get(0).quantity());
    }

    // ---- stocking -------------------------------------------------------------------------------------------------

    @Test
    void theAnticipatoryTargetIsTheCoverOfTheBuyersThatAnticipate() throws Exception {
        // In step 0 with only the prior 0.02 a year, over a 12-month horizon p = 1 - exp(-0.02); buyer b covers
        // 12 p u / h months of its weekly demand (u: 0.6, 0.5, 0.5; h = 0.5), far under the gap to the Ascend-950;
        // Others does not anticipate. Weeks of a month: 30.436875 / 7.
        double wpm = DPM / 7;
        double p = 1 - Math.exp(-0.02);
        double sum = 12 * p / 0.5 * (0.6 * 1_000 + 0.5 * 2_000 + 0.5 * 3_000) * wpm;
        assertEquals(sum, run(QUIET, NO_NEWS).series(Series.ANTICIPATORY_TARGET)[0], 1e-6);
        // a two-year horizon: p = 1 - exp(-0.04)
        double p2 = 1 - Math.exp(-0.04);
        assertEquals(
                12 * p2 / 0.5 * 3_100 * wpm,
                run(QUIET, NO_NEWS, set("beliefs.planningHorizonMonths=24")).series(Series.ANTICIPATORY_TARGET)[0],
                1e-6);
        // ByteDance's shortage cost 1.2 instead of 0.6 and Alibaba's holding cost 1.0 instead of 0.5: its part
        // doubles and Alibaba's halves, 1200 + 500 + 1500 in u x demand units
        assertEquals(
                12 * p / 0.5 * (1.2 * 1_000 + 0.5 * 2_000 / 2 + 0.5 * 3_000) * wpm,
                run(
                                QUIET,
                                NO_NEWS,
                                set(
                                        "hyperscalers[0].shortageCostMultiple=1.2",
                                        "hyperscalers[1].holdingCostPerYear=1.0"))
                        .series(Series.ANTICIPATORY_TARGET)[0],
                1e-6);
        // Others anticipating too, u = 0.6: its 4000 a week adds its cover
        assertEquals(
                12 * p / 0.5 * (3_100 + 0.6 * 4_000) * wpm,
                run(QUIET, NO_NEWS, set("hyperscalers[3].anticipation=true")).series(Series.ANTICIPATORY_TARGET)[0],
                1e-6);
    }

    @Test
    void theGapToAnAdequateSubstituteCapsTheCover() throws Exception {
        // A prior of 5 a year makes the cover 12 x (1 - exp(-5)) x u / 0.5, over 14 months, longer than the gap.
        // With a bar of 0.7 the Ascend-910C (0.84 x 0.85 = 0.714) is adequate: announced for 2024-10-01 (day 183)
        // with a month's slip, then the ramp: the gap on day 0 is (183 + 30.436875) / 30.436875 + ramp months,
        // and every anticipating buyer holds that many months of its demand (6000 a week in all).
        String[] fearful = {
            "beliefs.priorHazardPerYear=5",
            "hyperscalers[0].adequatePerformance=0.7",
            "hyperscalers[1].adequatePerformance=0.7",
            "hyperscalers[2].adequatePerformance=0.7"
        };
        double wpm = DPM / 7;
        double gap = (183 + DPM) / DPM;
        assertEquals((gap + 3) * 6_000 * wpm, run(QUIET, NO_NEWS, fearful).series(Series.ANTICIPATORY_TARGET)[0], 1e-6);
        // a one-month ramp for every buyer: two months less
        String[] ramp = {
            "hyperscalers[0].substituteRampMonths=1",
            "hyperscalers[1].substituteRampMonths=1",
            "hyperscalers[2].substituteRampMonths=1"
        };
        assertEquals(
                (gap + 1) * 6_000 * wpm,
                run(QUIET, NO_NEWS, fearful, ramp).series(Series.ANTICIPATORY_TARGET)[0],
                1e-6);
        // ByteDance discounting domestic software to 0.8: 0.84 x 0.8 = 0.672 is not adequate for it, and the
        // Ascend-950 (1.3 x 0.8 = 1.04, due 2026-03-01, day 699, three months late, then three of ramp) is far
        // beyond its cover, 12 x (1 - exp(-5)) x 0.6 / 0.5 months
        double coverByteDance = 12 * (1 - Math.exp(-5)) * 0.6 / 0.5;
        assertEquals(
                (coverByteDance * 1_000 + (gap + 3) * 5_000) * wpm,
                run(QUIET, NO_NEWS, fearful, set("hyperscalers[0].domesticSoftwareDiscount=0.8"))
                        .series(Series.ANTICIPATORY_TARGET)[0],
                1e-6);
    }

    // ---- domestic maker -------------------------------------------------------------------------------------------

    @Test
    void domesticCapacityGrowsWithItsWafersAndItsMemory() throws Exception {
        // A flat yield of 0.5, no slip: the Ascend-910C launches on 2024-10-01 (day 183, step 26) and the maker
        // reports from then, rounded down: min(800 x 60 x 0.5 / 2 x 1.5^(7t / 365.2425), memory) with its wafers
        // growing 50% a year and memory for a million units a week.
        String[] maker = {
            "domestic.yieldCurve=[{date: 2024-04-01, yield: 0.5}]",
            "domestic.roadmap[0].delayMeanMonths=0",
            "domestic.roadmap[0].delaySdMonths=0",
            "domestic.roadmap[1].delaySdMonths=0"
        };
        double[] wafers = run(QUIET, maker, set("domestic.waferGrowthPerYear=0.5", "domestic.hbmUnitsPerWeek=1e6"))
                .series(Series.DOMESTIC_CAPACITY);
        assertEquals(0, wafers[25]);
        for (int t : new int[] {26, 60, 116}) {
            assertEquals(Math.floor(12_000 * Math.pow(1.5, 7 * t / DPY)), wafers[t], 1e-9, "step " + t);
        }
        // no wafer growth; memory for 5000 a week doubling every year binds until it passes 12000, on day
        // 365.2425 x log2(2.4) = 461.3, step 66
        double[] memory = run(QUIET, maker, set("domestic.hbmUnitsPerWeek=5000", "domestic.hbmGrowthPerYear=1.0"))
                .series(Series.DOMESTIC_CAPACITY);
        for (int t : new int[] {26, 40, 65}) {
            assertEquals(Math.floor(5_000 * Math.pow(2, 7 * t / DPY)), memory[t], 1e-9, "step " + t);
        }
        assertEquals(12_000, memory[66]);
        assertEquals(12_000, memory[116]);
    }

    /** The day the Ascend-910C launches in a replication (announced for 2024-10-01, day 183). */
    private static int launchDay(int replication, String... assignments) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(scenario(QUIET, assignments));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(31, replication), false);
        return new DomesticMaker(model, plan).launchDay(0);
    }

    @Test
    void theRoadmapSlipsByItsMeanWithItsSpreadNeverEarly() throws Exception {
        // no spread: 183 + round(months x 30.436875); a negative slip is none
        assertEquals(183 + 30, launchDay(0, "domestic.roadmap[0].delaySdMonths=0"));
        assertEquals(
                183 + 61, launchDay(0, "domestic.roadmap[0].delaySdMonths=0", "domestic.roadmap[0].delayMeanMonths=2"));
        assertEquals(
                183, launchDay(0, "domestic.roadmap[0].delaySdMonths=0", "domestic.roadmap[0].delayMeanMonths=-5"));
        // a spread of a month about a mean of none: half the draws are cut to the announced day, the rest later
        java.util.Set<Integer> days = new java.util.TreeSet<>();
        for (int replication = 0; replication < 20; replication++) {
            days.add(launchDay(replication, "domestic.roadmap[0].delayMeanMonths=0"));
        }
        assertTrue(days.contains(183) && days.size() > 2 && days.stream().allMatch(d -> d >= 183), "days " + days);
        // a slip of 5 + sd z months (z the same at any spread; never cut at zero here): twice the spread, twice the
        // distance from 5 months, within the rounding of the two launch days to whole days
        for (int replication = 0; replication < 5; replication++) {
            double one = launchDay(replication, "domestic.roadmap[0].delayMeanMonths=5") - 183 - 5 * DPM;
            double two = launchDay(
                            replication, "domestic.roadmap[0].delayMeanMonths=5", "domestic.roadmap[0].delaySdMonths=2")
                    - 183
                    - 5 * DPM;
            assertEquals(2 * one, two, 1.5, "replication " + replication);
        }
    }

    // ---- vendor ---------------------------------------------------------------------------------------------------

    @Test
    void theWritedownChargesItsShareOfTheUnitCostOnEveryUnitWrittenOff() throws Exception {
        // at the ban the vendor writes off its finished and unfinished H20, charging writedownShare x $5,000 each
        for (double share : new double[] {1.0, 0.4}) {
            RunResult r = run(QUIET, set("vendor.writedownShare=" + share));
            double units = r.get(Metric.VENDOR_WRITEDOWN_FINISHED_UNITS) + r.get(Metric.VENDOR_WRITEDOWN_WIP_UNITS);
            assertTrue(units > 0, "units written off at share " + share);
            assertEquals(share * 5_000 * units, r.get(Metric.VENDOR_WRITEDOWN_USD), 1e-6 * units, "share " + share);
        }
        // a unit cost of $3,000
        RunResult cheaper = run(QUIET, set("products[0].unitCostUsd=3000"));
        double units =
                cheaper.get(Metric.VENDOR_WRITEDOWN_FINISHED_UNITS) + cheaper.get(Metric.VENDOR_WRITEDOWN_WIP_UNITS);
        assertEquals(3_000 * units, cheaper.get(Metric.VENDOR_WRITEDOWN_USD), 1e-6 * units);
    }

    // ---- regulator ------------------------------------------------------------------------------------------------

    /**
     * The day a hazard rule's ban takes effect (NONE without one) and the leaks it published, with the regulator alone
     * in the baseline at steps of 91 days (9 steps), a rulemaking of 4 weeks and no leak of a dated ban; a scripted
     * buyer orders 100 H20 a step, 400 in step 5. At 50 a year a step's chance is 1 - exp(-50 x 91 / 365.2425),
     * 1 - 4e-6: an event of that rate comes in its first step (the draws are the same in every run of the test).
     */
    private static int[] hazardRule(double base, double leakRate, double leakBoost, double stockpile) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(scenario(set(
                "simulation.stepDays=91",
                "regulator.mode=HAZARD",
                "regulator.banDate=null",
                "regulator.leak.probability=0",
                "regulator.hazard={baseHazardPerYear: %s, leakRatePerYear: %s, leakBoost: %s, stockpileSensitivity: %s, rulemakingWeeks: 4}"
                        .formatted(base, leakRate, leakBoost, stockpile))));
        MarketModel m = new MarketModel(plan.market(), Seeds.replicationSeed(31, 4), false);
        m.addAgent(Phase.REGULATOR, new Regulator(m, plan.controlRounds()));
        m.addAgent(
                Phase.HYPERSCALERS,
                state -> m.exchange()
                        .buyer(0)
                        .order(0, m.step() == 5 ? 400 : 100, 1_250_000, m.step(), m.today() + 28, false));
        m.run();
        int leaks = (int) m.events().all().stream()
                .filter(e -> e.kind() == EventKind.LEAK)
                .count();
        return new int[] {m.events().firstDay(EventKind.BAN_EFFECTIVE), leaks};
    }

    @Test
    void theHazardRuleDecidesAtItsRatesAndAnnouncesARulemakingLater() throws Exception {
        int none = EventLog.NONE;
        assertEquals(Arrays.toString(new int[] {none, 0}), Arrays.toString(hazardRule(0, 0, 0, 0)));
        // a base hazard of 50 a year: decided in step 0, in force 28 days later
        assertEquals(Arrays.toString(new int[] {28, 0}), Arrays.toString(hazardRule(50, 0, 0, 0)));
        // leaks at 52 a year: one on the first day of each of the 9 steps; without a boost no ban
        assertEquals(Arrays.toString(new int[] {none, 9}), Arrays.toString(hazardRule(0, 52, 0, 0)));
        // a boost of 50 a year per leak: the first leak, in step 0, makes the ban certain there
        assertEquals(28, hazardRule(0, 52, 50, 0)[0]);
        // orders surge in step 5 (400 against 100): step 6 (days 546-636) sees 400 over the year's mean, 175,
        // a surge of 2.29, and decides at 50 x 1.29 a year; before it the surge was 1
        assertEquals(546 + 28, hazardRule(0, 0, 0, 50)[0]);
    }

    /** The day a threshold rule dated 2025-04-09 (day 373) bans the H20 at these limits, or NONE. */
    private static int thresholdBan(String thresholds, String... more) throws Exception {
        MarketModel m = Simulation.build(
                scenario(QUIET, set("regulator.mode=THRESHOLD", "regulator.thresholds=" + thresholds), more),
                Seeds.replicationSeed(31, 1),
                false);
        m.run();
        return m.events().firstDay(EventKind.BAN_EFFECTIVE);
    }

    @Test
    void aThresholdBansTheH20OnlyWhenOneOfItsFiguresIsOverItsLimit() throws Exception {
        // the H20: 900 GB/s interconnect, TPP 2368, 4.0 TB/s
        assertEquals(373, thresholdBan("{maxInterconnectGBps: 899}"));
        assertEquals(EventLog.NONE, thresholdBan("{maxInterconnectGBps: 900}"));
        assertEquals(373, thresholdBan("{maxTpp: 2367}"));
        assertEquals(EventLog.NONE, thresholdBan("{maxTpp: 2368}"));
        assertEquals(EventLog.NONE, thresholdBan("{maxMemoryBandwidthTBps: 4.0}"));
        // the product's own figures decide: an H20 of 950 GB/s or TPP 2400 is over the limits above
        assertEquals(373, thresholdBan("{maxInterconnectGBps: 900}", "products[0].interconnectGBps=950"));
        assertEquals(373, thresholdBan("{maxTpp: 2368}", "products[0].tpp=2400"));
        assertEquals(373, thresholdBan("{maxMemoryBandwidthTBps: 4.0}", "products[0].memoryBandwidthTBps=4.1"));
    }
}
