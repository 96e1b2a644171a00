package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.agents.rules.Allocation;
import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.Controls;
import io.gpusim.agents.rules.Curves;
import io.gpusim.agents.rules.Demand;
import io.gpusim.agents.rules.DomesticSupply;
import io.gpusim.agents.rules.Production;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.Product;
import io.gpusim.core.params.BeliefParams;
import io.gpusim.core.params.DomesticParams;
import io.gpusim.core.params.LicenceParams;
import io.gpusim.core.params.RegulatorParams;
import org.junit.jupiter.api.Test;

/**
 * Known answers, worked out by hand in the comments, for the rule functions at the edges that
 * {@link DecisionFunctionsTest} leaves open: ties, equalities at a boundary, each branch of a rule.
 */
class RuleKnownAnswersTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private static final double DPM = Calendar.DAYS_PER_MONTH;

    // ---- Allocation -------------------------------------------------------------------------------------------

    @Test
    void proportionalTiesGoToTheLowerBuyerAndLargerRemaindersFirst() {
        // owed 1 and 1, one unit: remainders tie at 0.5, the lower index wins
        assertArrayEquals(new long[] {1, 0}, Allocation.proportional(1, new long[] {1, 1}));
        // owed 3 and 5 of 4: exact 1.5 and 2.5, floors 1 and 2, remainders tie at 0.5: buyer 0 gets the last unit
        assertArrayEquals(new long[] {2, 2}, Allocation.proportional(4, new long[] {3, 5}));
        // owed 1 and 2 of 2: exact 0.67 and 1.33, floors 0 and 1: the larger remainder (buyer 0) gets the unit
        assertArrayEquals(new long[] {1, 1}, Allocation.proportional(2, new long[] {1, 2}));
        // owed 0, 1, 1, 1 of 2: the buyer owed nothing gets nothing, the first two of the rest a unit each
        assertArrayEquals(new long[] {0, 1, 1, 0}, Allocation.proportional(2, new long[] {0, 1, 1, 1}));
    }

    @Test
    void proportionalGivesEveryoneWhatTheyAreOwedWhenSupplyCoversIt() {
        assertArrayEquals(new long[] {3, 5}, Allocation.proportional(8, new long[] {3, 5}), "exactly enough");
        assertArrayEquals(new long[] {3, 5}, Allocation.proportional(100, new long[] {3, 5}), "more than enough");
        assertArrayEquals(new long[] {0, 0}, Allocation.proportional(0, new long[] {3, 5}), "nothing to give");
        // owed 10, 20, 30 of 30: exact 5, 10, 15, no remainder to hand out
        assertArrayEquals(new long[] {5, 10, 15}, Allocation.proportional(30, new long[] {10, 20, 30}));
    }

    // ---- Beliefs ----------------------------------------------------------------------------------------------

    /** Weights: control round 0.1, leak 0.2, ban 0.3, reversal 0.4, import rule 0.5; a quarter across products. */
    private static final BeliefParams WEIGHTS = new BeliefParams(0.02, 0.1, 0.2, 0.3, 0.4, 6, 12, 0.25, 0.5);

    @Test
    void signalWeightsOnTheProductConcernedAndAcrossProducts() {
        // about product 1; events on product 1 itself, on product 0 (another), and on no product (-1)
        assertEquals(0.1, Beliefs.signalWeight(EventKind.CONTROL_ROUND, -1, 1, WEIGHTS), 1e-15);
        assertEquals(0.1, Beliefs.signalWeight(EventKind.CONTROL_ROUND, 0, 1, WEIGHTS), 1e-15, "every product");
        assertEquals(0.2, Beliefs.signalWeight(EventKind.LEAK, 1, 1, WEIGHTS), 1e-15);
        assertEquals(0.2 * 0.25, Beliefs.signalWeight(EventKind.LEAK, 0, 1, WEIGHTS), 1e-15, "product 0 is another");
        assertEquals(0.2, Beliefs.signalWeight(EventKind.LEAK, -1, 1, WEIGHTS), 1e-15, "no product: all of them");
        assertEquals(0.4, Beliefs.signalWeight(EventKind.REVERSAL, 1, 1, WEIGHTS), 1e-15);
        assertEquals(0.4 * 0.25, Beliefs.signalWeight(EventKind.LICENCE, 2, 1, WEIGHTS), 1e-15);
        assertEquals(0.5, Beliefs.signalWeight(EventKind.IMPORT_RULE, -1, 1, WEIGHTS), 1e-15);
        assertEquals(0.5 * 0.25, Beliefs.signalWeight(EventKind.IMPORT_RULE, 0, 1, WEIGHTS), 1e-15);
        assertEquals(0.0, Beliefs.signalWeight(EventKind.BAN_ANNOUNCED, 1, 1, WEIGHTS), "settled for this product");
        assertEquals(0.3, Beliefs.signalWeight(EventKind.BAN_ANNOUNCED, 0, 1, WEIGHTS), 1e-15, "a warning for it");
        assertEquals(0.0, Beliefs.signalWeight(EventKind.BAN_EFFECTIVE, 0, 1, WEIGHTS));
        assertEquals(0.0, Beliefs.signalWeight(EventKind.LAUNCH, 1, 1, WEIGHTS));
    }

    @Test
    void aSignalFadesByItsStepOverTheDecayTime() {
        // a 7-day step of a 6-month decay: exp(-7 / 30.436875 / 6)
        assertEquals(Math.exp(-7 / DPM / 6), Beliefs.signalDecay(7, 6), 1e-15);
        assertEquals(Math.exp(-1), Beliefs.signalDecay((int) Math.round(DPM * 100), 100), 1e-3);
        assertEquals(1.0, Beliefs.signalDecay(0, 6), 1e-15);
    }

    // ---- Controls ---------------------------------------------------------------------------------------------

    @Test
    void aThresholdBindsOnlyAboveItsLimit() {
        // H20: 4.0 TB/s, 900 GB/s, TPP 2368
        Product h20 = new Product(0, "H20", 0, "V", 1, 4.0, 900, 2368, 1, 1, 0);
        assertFalse(Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(INF, INF, 2368.0)), "at the limit");
        assertTrue(Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(INF, INF, 2367.0)), "over TPP");
        assertFalse(Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(4.0, 900.0, 2368.0)));
        assertTrue(Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(INF, 899.0, INF)), "interconnect");
    }

    private static LicenceParams licence(double capUnitsPerMonth, double capShare) {
        // fee 15%, half passed on, 30 days to approve, 10% denied; the other market sold 1000 a month on day 0 and
        // 3000 on day 100
        return new LicenceParams(
                0,
                0,
                1000,
                0.15,
                0.5,
                30,
                0.1,
                capUnitsPerMonth,
                capShare,
                new double[] {0, 100},
                new double[] {1000, 3000},
                new boolean[] {false, true});
    }

    @Test
    void licenceTermsCarryTheRegimeAndCapEachStep() {
        LicenceTerms fixed = Controls.licenceTerms(licence(600, Double.NaN), 50, 7);
        assertEquals(0.15, fixed.feeShare());
        assertEquals(0.5, fixed.feePassThrough());
        assertEquals(30, fixed.approvalDays());
        assertEquals(0.1, fixed.denialProbability());
        assertArrayEquals(new boolean[] {false, true}, fixed.excluded());
        // 600 a month, a 7-day step: 600 * 7 / 30.436875
        assertEquals(600 * 7 / DPM, fixed.capUnitsPerStep(), 1e-9);
        // a tenth of the other market, 2000 a month on day 50 (halfway): 200 a month
        assertEquals(
                200 * 7 / DPM, Controls.licenceTerms(licence(600, 0.1), 50, 7).capUnitsPerStep(), 1e-9);
        assertEquals(INF, Controls.licenceTerms(licence(INF, Double.NaN), 50, 7).capUnitsPerStep(), "no cap");
    }

    // ---- Curves -----------------------------------------------------------------------------------------------

    @Test
    void curvesInterpolateBetweenPointsAndAreFlatOutside() {
        double[] x = {10, 20, 40};
        double[] y = {1, 3, 2};
        assertEquals(1, Curves.interpolate(x, y, 0));
        assertEquals(1, Curves.interpolate(x, y, 10));
        assertEquals(2, Curves.interpolate(x, y, 15), 1e-12);
        assertEquals(2.5, Curves.interpolate(x, y, 30), 1e-12);
        assertEquals(2, Curves.interpolate(x, y, 40));
        assertEquals(2, Curves.interpolate(x, y, 99));
        // at the last point the value is the point's own, not 0.4 + (0.1 - 0.4), which rounds to 0.09999999999999998
        assertEquals(0.1, Curves.interpolate(new double[] {0, 10}, new double[] {0.4, 0.1}, 10), 0.0);
    }

    @Test
    void logisticIsAHalfAtZeroAndThreeQuartersAtLogThree() {
        assertEquals(0.5, Curves.logistic(0), 1e-15);
        assertEquals(0.75, Curves.logistic(Math.log(3)), 1e-12);
        assertEquals(0.25, Curves.logistic(-Math.log(3)), 1e-12);
    }

    // ---- Demand -----------------------------------------------------------------------------------------------

    @Test
    void aShockRampsFromItsFirstDay() {
        int[] day = {10};
        double[] effect = {0.2};
        // 20-day ramp: on its first day 1/20 of the effect, 100 * (1 + 0.2 / 20)
        assertEquals(101, Demand.expectedWeeklyDemand(100, 1, 0, 10, day, effect, new int[] {20}), 1e-9);
        // no ramp: the whole effect at once
        assertEquals(120, Demand.expectedWeeklyDemand(100, 1, 0, 10, day, effect, new int[] {0}), 1e-9);
        // the level scales it: 100 * 1.5 * 1.2
        assertEquals(180, Demand.expectedWeeklyDemand(100, 1.5, 0, 50, day, effect, new int[] {0}), 1e-9);
        // two shocks multiply: 100 * 1.2 * 0.5
        assertEquals(
                60,
                Demand.expectedWeeklyDemand(
                        100, 1, 0, 50, new int[] {10, 20}, new double[] {0.2, -0.5}, new int[] {1, 1}),
                1e-9);
    }

    // ---- DomesticSupply ---------------------------------------------------------------------------------------

    /**
     * A maker of 100 wafers a week growing 50% a year, 10 dies a wafer, 2 dies a unit and a flat yield of 0.5:
     * 250 units a week from its dies on day 0; memory for {@code hbm} units a week growing {@code hbmGrowth} a year.
     */
    private static DomesticParams maker(double hbm, double hbmGrowth) {
        return new DomesticParams(
                "maker",
                new int[] {1},
                new double[] {0},
                new double[] {0},
                new double[] {0},
                new double[] {0.5},
                100,
                0.5,
                10,
                2,
                hbm,
                hbmGrowth,
                1);
    }

    @Test
    void domesticCapacityGrowsWithWafersAndMemory() {
        // memory for 1000 a week growing 100% a year; on day 0 min(100 * 10 * 0.5 / 2, 1000) = 250 a week
        DomesticParams spec = maker(1000, 1.0);
        assertEquals(250 * 2, DomesticSupply.capacityPerStep(spec, 0, 2), 1e-9);
        // one year on: wafers 150, dies for 375 units a week; memory for 2000
        int year = (int) Math.round(Calendar.DAYS_PER_YEAR);
        double years = year / Calendar.DAYS_PER_YEAR;
        assertEquals(250 * Math.pow(1.5, years), DomesticSupply.capacityPerStep(spec, year, 1), 1e-9);
        // memory binds once it grows slower than the wafers: 300 units a week, not growing
        DomesticParams memoryBound = maker(300, 0.0);
        assertEquals(250, DomesticSupply.capacityPerStep(memoryBound, 0, 1), 1e-9);
        assertEquals(300, DomesticSupply.capacityPerStep(memoryBound, year, 1), 1e-9);
        // memory for 100 a week growing 100% a year binds throughout: 200 a week a year on
        assertEquals(100 * Math.pow(2, years), DomesticSupply.capacityPerStep(maker(100, 1.0), year, 1), 1e-9);
    }

    // ---- Production -------------------------------------------------------------------------------------------

    @Test
    void linesSharingCapacityScaleDownInProportion() {
        assertEquals(0, Production.sharedStarts(0, 60, 40));
        assertEquals(0, Production.sharedStarts(-5, 60, 40));
        // need 30 of a total 60 on capacity 40: 40 * 30 / 60 = 20
        assertEquals(20, Production.sharedStarts(30, 60, 40));
        // capacity covers it: the need itself
        assertEquals(30, Production.sharedStarts(30, 60, 100));
        // 10 of 60 on 40: 6.67, rounded
        assertEquals(7, Production.sharedStarts(10, 60, 40));
    }

    @Test
    void aLicenceFeeIsPassedOnInPart() {
        // 20% fee, half passed on: 100 * (1 + 0.5 * 0.2 / 0.8)
        assertEquals(112.5, Production.feePrice(100, 0.2, 0.5), 1e-12);
        // full pass-through keeps the vendor's net whole: 125 * (1 - 0.2) = 100
        assertEquals(125, Production.feePrice(100, 0.2, 1.0), 1e-12);
        assertEquals(100, Production.feePrice(100, 0.2, 0.0), 1e-12);
    }

    @Test
    void ordersCollapseBelowTheirShareOfTheForecast() {
        // 4 steps averaging 10 against half of a forecast of 20: not below it
        assertFalse(Production.ordersCollapsed(40, 4, 20, 0.5));
        assertTrue(Production.ordersCollapsed(39, 4, 20, 0.5));
        assertFalse(Production.ordersCollapsed(80, 4, 20, 0.5));
    }

    @Test
    void scarcityIgnoresANegativeBacklog() {
        assertEquals(100, Production.scarcityPrice(100, 0.1, -6, 12), 1e-12);
        // 3 of 12 weeks: a quarter of the markup
        assertEquals(100 * (1 + 0.2 * 0.25), Production.scarcityPrice(100, 0.2, 3, 12), 1e-12);
    }

    @Test
    void vendorCapacityIsTheCurveTimesTheStepsShareOfAMonth() {
        double[] days = {0, 100};
        double[] perMonth = {1000, 3000};
        assertEquals(2000 * 7 / DPM, Production.capacityPerStep(days, perMonth, 50, 7), 1e-9);
        assertEquals(3000 * 14 / DPM, Production.capacityPerStep(days, perMonth, 200, 14), 1e-9);
    }

    @Test
    void thePipelineAccumulatesCompletionsFromThisStepRoundTheRing() {
        // a ring of 4 steps holding 1, 2, 4, 8 at steps 0..3 (mod 4); from step 6 (slot 2) over 3 steps: 4, 8, 1
        long[] completions = {1, 2, 4, 8};
        long[] pipeline = new long[4];
        Production.accumulatePipeline(completions, 6, 3, pipeline);
        assertArrayEquals(new long[] {0, 4, 12, 13}, pipeline);
        Production.accumulatePipeline(completions, 0, 3, pipeline);
        assertArrayEquals(new long[] {0, 1, 3, 7}, pipeline);
    }

    @Test
    void supplyBeyondThePipelineTakesWholeStepsAtCapacity() {
        long[] pipeline = {0, 0, 0, 0};
        // nothing scheduled, 3 steps of lead: 50 units at 20 a step take 3 more steps
        assertEquals(3 + 3, Production.stepsToSupply(50, pipeline, 3, 20));
        assertEquals(3 + 1, Production.stepsToSupply(20, pipeline, 3, 20));
        // no capacity: one unit a step
        assertEquals(3 + 5, Production.stepsToSupply(5, pipeline, 3, 0));
        long[] scheduled = {0, 5, 10, 15, 20};
        assertEquals(0, Production.stepsToSupply(5, scheduled, 4, 20));
        assertEquals(1, Production.stepsToSupply(6, scheduled, 4, 20));
        assertEquals(2, Production.stepsToSupply(15, scheduled, 4, 20));
        assertEquals(3, Production.stepsToSupply(16, scheduled, 4, 20));
        assertEquals(3, Production.stepsToSupply(20, scheduled, 4, 20));
    }

    // ---- Stocking ---------------------------------------------------------------------------------------------

    @Test
    void aBudgetThatExactlyCoversAnOrderBuysAllOfIt() {
        // 3 units at $0.35 cost 1.0499999999999998 in floating point; the budget is that: all 3, not
        // floor(1.0499999999999998 / 0.35) = 2
        assertEquals(3, Stocking.affordable(3, 0.35, 3 * 0.35));
        assertEquals(2, Stocking.affordable(3, 0.35, 3 * 0.35 - 1e-9));
    }

    @Test
    void stockingTargetsAtTheirBounds() {
        assertEquals(0.0, Stocking.anticipatoryCoverMonths(0.5, 0.6, 0.5, 0));
        // 12 * 0.25 * 2 / 0.5 = 12 months, under an 18-month gap
        assertEquals(12.0, Stocking.anticipatoryCoverMonths(0.25, 2, 0.5, 18), 1e-12);
        assertEquals(0.0, Stocking.substituteGapMonths(100, 100, 0), 1e-12);
        assertEquals(4.0 + 1.5, Stocking.substituteGapMonths(4 * DPM, 0, 1.5), 1e-9);
        assertEquals(0, Stocking.orderUpTo(10, 10));
        assertEquals(1, Stocking.orderUpTo(10.6, 10));
        assertEquals(0, Stocking.orderUpTo(10.4, 10));
        assertEquals(0, Stocking.rushPortion(0, 500, 100));
        assertEquals(3, Stocking.rushPortion(10, 102.6, 100), "rounded");
        assertEquals(30.0, Stocking.workingTarget(1, 2, 10), 1e-12);
        assertEquals(10, Stocking.rushDeadline(10, 10, 10));
    }

    // ---- Switching --------------------------------------------------------------------------------------------

    @Test
    void domesticShareAgainstSeveralOpenForeignProducts() {
        // domestic costs 100; foreign 100 and 200 open, 50 closed; beta 2: 1 / (1 + 1 + (200/100)^-2) = 1 / 2.25
        double[] costs = {100, 200, 50};
        boolean[] open = {true, true, false};
        assertEquals(1 / 2.25, Switching.domesticShare(100, costs, open, 2), 1e-12);
        // one open product: the two-product logit
        assertEquals(
                Switching.domesticShare(200, 100, 2),
                Switching.domesticShare(100, new double[] {200}, new boolean[] {true}, 2),
                1e-12);
        assertEquals(0.8, Switching.domesticShare(100, new double[] {200}, new boolean[] {true}, 2), 1e-12);
        assertEquals(1.0, Switching.domesticShare(100, costs, new boolean[3], 2), "nothing foreign open");
    }

    @Test
    void foreignSharesFavourTheCheaperOpenProduct() {
        // 100 and 200 open, 50 closed; beta 2: weights 1 and 0.25 of 1.25; 0.6 of purchases split 0.48 and 0.12
        double[] shares = new double[3];
        Switching.foreignShares(0.6, new double[] {100, 200, 50}, new boolean[] {true, true, false}, 2, shares);
        assertArrayEquals(new double[] {0.48, 0.12, 0.0}, shares, 1e-12);
        // the cheaper one second: the same split, turned round
        Switching.foreignShares(0.6, new double[] {200, 100}, new boolean[] {true, true}, 2, shares);
        assertEquals(0.12, shares[0], 1e-12);
        assertEquals(0.48, shares[1], 1e-12);
        // one open product takes the whole foreign part, the closed ones nothing
        Switching.foreignShares(0.6, new double[] {100, 200, 50}, new boolean[] {false, true, false}, 2, shares);
        assertArrayEquals(new double[] {0.0, 0.6, 0.0}, shares, 0.0);
        // a steep logit on dear products: the weights are taken relative to the cheapest, so they do not underflow
        // (12500^-40 would); the cheaper product takes all but 2^-40 of the foreign part
        Switching.foreignShares(0.6, new double[] {12_500, 25_000}, new boolean[] {true, true}, 40, shares);
        assertEquals(0.6 / (1 + Math.pow(2, -40)), shares[0], 1e-15);
        assertEquals(0.6 * Math.pow(2, -40) / (1 + Math.pow(2, -40)), shares[1], 1e-20);
        Switching.foreignShares(0.6, new double[] {100, 200}, new boolean[] {false, false}, 2, shares);
        assertEquals(0.0, shares[0]);
        assertEquals(0.0, shares[1]);
    }
}
