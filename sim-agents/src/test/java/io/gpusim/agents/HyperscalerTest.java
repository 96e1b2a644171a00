package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.Order;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * ByteDance (buyer 0) of the baseline in a market of the vendor and the domestic maker, without a regulator (so
 * without news: its hazard is the prior, 0.02 a year), without noise in its demand, level or sensitivity: 5700
 * H20-equivalents a week on day 0, growing 40% a year; one week of working stock, one of review and one of shipping.
 * The vendor's wafer lead is 26 weeks; in step 0 it has 22000 units finishing and none on hand.
 */
class HyperscalerTest {
    /** A run, and per step what the buyer saw before ordering: the prices of the H20 and the Ascend-910C. */
    private record Run(
            MarketModel model,
            ScenarioPlan plan,
            long[] deployed,
            RunResult result,
            double[][] prices,
            long[][] ordered) {}

    private static Run run(String... assignments) throws Exception {
        return run(false, assignments);
    }

    /** Runs the market, with the baseline's regulator when {@code regulated}. */
    private static Run run(boolean regulated, String... assignments) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025.yaml"))
                .with(Stream.concat(
                                Stream.of(
                                        "vendor.waferLeadWeeksMin=26",
                                        "vendor.waferLeadWeeksMax=26",
                                        "hyperscalers[0].demandNoiseSd=0",
                                        "hyperscalers[0].demandLevelSd=0",
                                        "hyperscalers[0].sensitivitySd=0"),
                                Arrays.stream(assignments))
                        .map(a -> ScenarioOverride.parse(a, "set"))
                        .toList()));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(19, 0), true);
        if (regulated) {
            model.addAgent(Phase.REGULATOR, new Regulator(model, plan.controlRounds()));
        }
        double[][] prices = new double[model.calendar().steps()][];
        model.addAgent(
                Phase.IMPORTER,
                state -> prices[model.step()] =
                        new double[] {model.status().priceUsd(0), model.status().priceUsd(1)});
        if (!model.params().importRules().isEmpty()) {
            model.addAgent(Phase.IMPORTER, new Importer(model));
        }
        model.addAgent(Phase.HYPERSCALERS, new Hyperscaler(model, plan, 0));
        // units buyer 0 has ordered of the H20 and the 910C by the end of its turn (call-offs top up open orders)
        long[][] ordered = new long[2][model.calendar().steps()];
        model.addAgent(Phase.HYPERSCALERS, state -> {
            for (Order o : model.ledger().orders()) {
                if (o.buyer() == 0 && o.product() < 2) {
                    ordered[o.product()][model.step()] += o.quantity();
                }
            }
        });
        model.addAgent(Phase.VENDOR, new GpuVendor(model, plan, 0));
        model.addAgent(Phase.DOMESTIC, new DomesticMaker(model, plan));
        long[] deployed = new long[model.calendar().steps()];
        model.addAgent(
                Phase.DOMESTIC, state -> deployed[model.step()] = model.ledger().deployed(0, 0));
        RunResult result = model.run();
        return new Run(model, plan, deployed, result, prices, ordered);
    }

    private static List<Order> ordersInStep(MarketModel model, int step) {
        return model.ledger().orders().stream()
                .filter(o -> o.placedStep() == step && o.buyer() == 0)
                .toList();
    }

    @Test
    void withoutAnticipationItOrdersItsWorkingLevelAtTheListPrice() throws Exception {
        Run r = run("hyperscalers[0].anticipation=false");
        List<Order> first = ordersInStep(r.model, 0);
        assertEquals(1, first.size());
        Order o = first.get(0);
        // (1 week working + 1 of review + 1 of shipping) x 5700; nothing in stock, in transit or on order
        assertEquals(0, o.product());
        assertEquals(3 * 5700, o.quantity());
        assertEquals(1_250_000, o.priceCents());
        assertFalse(o.rush());
        // the vendor quotes day 0 + 7 days' shipping; the buyer asks no sooner than its four weeks' minimum lead
        assertEquals(28, o.requestedByDay());
    }

    @Test
    void itPutsItsDemandIntoServiceFromStockOnceStockArrives() throws Exception {
        Run r = run("hyperscalers[0].anticipation=false");
        // nothing in stock in step 0; the 22000 shipped in step 0 arrive in step 1, when demand is the trend's
        assertEquals(0, r.deployed[0]);
        assertEquals(Math.round(r.plan.weeklyDemandTrend(0, 1)), r.deployed[1]);
        assertEquals(
                Math.round(r.plan.weeklyDemandTrend(0, 1)) + Math.round(r.plan.weeklyDemandTrend(0, 2)), r.deployed[2]);
    }

    @Test
    void itFearsABanAtThePriorHazardAndRushesCoverForTheGapToAnAdequateSubstitute() throws Exception {
        Run r = run();
        List<Order> first = ordersInStep(r.model, 0);
        assertEquals(2, first.size());
        Order regular = first.get(0);
        Order rush = first.get(1);
        assertEquals(3 * 5700, regular.quantity());
        assertFalse(regular.rush());
        assertTrue(rush.rush());
        // ban within a year at 0.02 a year: p = 1 - exp(-0.02); the Ascend-950 (1.3 x 0.85 >= 0.9) is expected on
        // 2026-03-01 (day 699) plus 3 months, then 3 months' ramp: the gap, far above the cover
        // 12 x p x 0.6 / 0.5 months, which is held as months of weekly demand
        double p = 1 - Math.exp(-0.02);
        double cover = 12 * p * 0.6 / 0.5;
        double gap = (699 + 3 * Calendar.DAYS_PER_MONTH) / Calendar.DAYS_PER_MONTH + 3;
        assertTrue(gap > cover);
        assertEquals(Math.round(cover * 5700 * Calendar.WEEKS_PER_MONTH), rush.quantity());
        // the quote (day 7 + 7) is before the expected ban (a year away): the minimum lead decides
        assertEquals(28, rush.requestedByDay());
        // the next step: the same cover of a grown demand; only the rise above the rush committed is rushed
        double target = cover * r.plan.weeklyDemandTrend(0, 1) * Calendar.WEEKS_PER_MONTH;
        List<Order> next = ordersInStep(r.model, 1).stream().filter(Order::rush).toList();
        assertEquals(1, next.size());
        assertEquals(Math.round(target - rush.quantity()), next.get(0).quantity());
    }

    @Test
    void aFasterSubstituteShortensTheCoverItRushes() throws Exception {
        // with a bar of 0.7 the Ascend-910C (0.84 x 0.85 = 0.714) is adequate: expected on 2024-10-01 (day 183)
        // plus its month's slip, without a ramp a gap of 7 months, still above the cover
        Run r = run("hyperscalers[0].adequatePerformance=0.7", "hyperscalers[0].substituteRampMonths=0");
        Order rush = ordersInStep(r.model, 0).get(1);
        double p = 1 - Math.exp(-0.02);
        double cover = 12 * p * 0.6 / 0.5;
        assertEquals(Math.round(cover * 5700 * Calendar.WEEKS_PER_MONTH), rush.quantity());
        Run soon = run(
                "hyperscalers[0].adequatePerformance=0.7",
                "hyperscalers[0].substituteRampMonths=0",
                "products[1].firstAvailable=2024-04-08",
                "domestic.roadmap[0].delayMeanMonths=0");
        // the 910C expected on day 7: a gap of 7 days, 0.23 months, below the cover
        Order bridging = ordersInStep(soon.model, 0).get(1);
        assertEquals(Math.round(7 / Calendar.DAYS_PER_MONTH * 5700 * Calendar.WEEKS_PER_MONTH), bridging.quantity());
    }

    @Test
    void itsHazardIsThePriorPlusTheNewsFadingFromWhenItWasSeen() throws Exception {
        // control rounds weigh 0.5, the leak 3.5, the ban on the H20 itself nothing; each fades with a 6-month
        // e-folding time from its own day, or from the first day of the step it was published in if that is
        // earlier (an event within a step is seen at the step's start); sensitivity 1
        Run r = run(true);
        double[] hazard = r.result.series(Series.MEAN_HAZARD);
        for (int t = 0; t < hazard.length; t++) {
            double expected = 0.02;
            for (MarketEvent e : r.model.events().all()) {
                int published = Math.max(0, Math.floorDiv(e.day(), 7));
                if (published > t) {
                    continue;
                }
                double weight = e.kind() == EventKind.CONTROL_ROUND ? 0.5 : e.kind() == EventKind.LEAK ? 3.5 : 0;
                int seen = Math.min(e.day(), 7 * published);
                expected += weight * Math.exp(-(7.0 * t - seen) / Calendar.DAYS_PER_MONTH / 6);
            }
            assertEquals(expected, hazard[t], 1e-9, "step " + t);
        }
        // once the ban is in force (step 53) the H20 is neither ordered nor held as cover
        double[] cover = r.result.series(Series.ANTICIPATORY_TARGET);
        assertTrue(cover[52] > 0);
        assertEquals(0.0, cover[53]);
        assertTrue(r.model.ledger().orders().stream().noneMatch(o -> o.product() == 0 && o.placedStep() >= 53));
    }

    @Test
    void onceTheDomesticPartIsOnSaleItsShareFollowsCostPerUnitOfEffectiveCompute() throws Exception {
        // the Ascend-910C launches on day 213, in step 30, after the buyers' turn; in step 31 the buyer splits its
        // purchases by a
        // logit of slope 3 in the log ratio of costs per unit of effective compute: the H20 at its price per 1.0,
        // the 910C at its price per 0.84 x 0.85
        Run r = run("hyperscalers[0].anticipation=false", "domestic.roadmap[0].delaySdMonths=0");
        assertTrue(r.model.ledger().orders().stream().noneMatch(o -> o.product() == 1 && o.placedStep() < 31));
        double perf = 0.84 * 0.85;
        double vendorCost = r.prices[31][0];
        double domesticCost = r.prices[31][1] / perf;
        double share = 1 / (1 + Math.pow(vendorCost / domesticCost, -3));
        // its working level of the 910C: (1 week working + 1 of review + 1 of shipping) x its share of demand, in
        // 910C units; it holds none
        List<Order> domestic = r.model.ledger().orders().stream()
                .filter(o -> o.product() == 1 && o.placedStep() == 31)
                .toList();
        assertEquals(1, domestic.size());
        assertEquals(domesticUnits(r, share), ordered(r, 1, 31));
        assertEquals(Math.round(r.prices[31][1] * 100), domestic.get(0).priceCents());
        assertEquals(7 * 31 + 28, domestic.get(0).requestedByDay());
    }

    /** Units of the H20 (0) or the 910C (1) buyer 0 ordered in a step. */
    private static long ordered(Run r, int product, int step) {
        return r.ordered[product][step] - (step > 0 ? r.ordered[product][step - 1] : 0);
    }

    /** The domestic share of step 31 without import rules, with the H20's cost raised by {@code shadowCost}. */
    private static double logitShare(Run r, double shadowCost) {
        double perf = 0.84 * 0.85;
        return 1 / (1 + Math.pow(r.prices[31][0] * (1 + shadowCost) / (r.prices[31][1] / perf), -3));
    }

    /** 910C units of a domestic share of step 31's working level. */
    private static long domesticUnits(Run r, double share) {
        return Math.round(3 * r.plan.weeklyDemandTrend(0, 31) * share / (0.84 * 0.85));
    }

    @Test
    void theImportingCountrysRulesMoveTheDomesticShare() throws Exception {
        String[] quiet = {"hyperscalers[0].anticipation=false", "domestic.roadmap[0].delaySdMonths=0"};
        // a block with half of demand exempt: the blocked half of the foreign share goes to the domestic part,
        // once there is one (before it, the H20 is bought in full)
        Run blocked = run(concat(
                quiet,
                "importer={name: China, rules: [{kind: BLOCK, product: H20, from: 2024-04-01, exemptShare: 0.5}]}"));
        assertEquals(3 * 5700, ordered(blocked, 0, 0));
        double s = logitShare(blocked, 0);
        assertEquals(domesticUnits(blocked, s + (1 - s) * 0.5), ordered(blocked, 1, 31));
        // a mandate of 90% for this buyer
        Run mandated =
                run(concat(quiet, "importer={name: China, rules: [{kind: MANDATE, from: 2024-04-01, share: 0.9}]}"));
        assertEquals(domesticUnits(mandated, 0.9), ordered(mandated, 1, 31));
        // a shadow cost of half the H20's price in the choice
        Run discouraged = run(
                concat(
                        quiet,
                        "importer={name: China, rules: [{kind: DISCOURAGE, product: H20, from: 2024-04-01, shadowCostShare: 0.5}]}"));
        assertEquals(domesticUnits(discouraged, logitShare(discouraged, 0.5)), ordered(discouraged, 1, 31));
        // matching: half a domestic unit more for each H20 unit ordered in the step, rounded up
        Run matched =
                run(concat(quiet, "importer={name: China, rules: [{kind: MATCH, from: 2024-04-01, ratio: 0.5}]}"));
        assertEquals(
                domesticUnits(matched, logitShare(matched, 0)) + (long) Math.ceil(ordered(matched, 0, 31) * 0.5),
                ordered(matched, 1, 31));
    }

    private static String[] concat(String[] first, String last) {
        String[] all = Arrays.copyOf(first, first.length + 1);
        all[first.length] = last;
        return all;
    }

    @Test
    void aBudgetSpentInOneStepIsFreeAgainAYearOfStepsLater() throws Exception {
        // $2M a year at the list price of $12,500: 160 units in step 0, then nothing while that spending is within
        // the last 52 steps; in step 52 it leaves the window and the buyer orders again, the H20 first
        Run r = run("hyperscalers[0].anticipation=false", "hyperscalers[0].budgetUsdPerYear=2e6");
        assertEquals(12_500, r.prices[0][0]);
        assertEquals(160, ordered(r, 0, 0));
        for (int t = 1; t < 52; t++) {
            assertEquals(0, ordered(r, 0, t), "step " + t);
        }
        assertEquals((long) Math.floor(2e6 / r.prices[52][0]), ordered(r, 0, 52));
    }
}
