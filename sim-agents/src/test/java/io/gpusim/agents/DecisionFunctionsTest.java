package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.Controls;
import io.gpusim.agents.rules.Demand;
import io.gpusim.agents.rules.DomesticSupply;
import io.gpusim.agents.rules.Production;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.market.Product;
import io.gpusim.core.params.RegulatorParams;
import org.junit.jupiter.api.Test;

/** Known answers for the agents' decision functions. */
class DecisionFunctionsTest {
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void anticipatoryCoverIsZeroWithoutRiskAndCappedByTheGap() {
        assertEquals(0.0, Stocking.anticipatoryCoverMonths(0.0, 0.6, 0.5, 18));
        // 12 * 0.5 * 0.6 / 0.5 = 7.2 months
        assertEquals(7.2, Stocking.anticipatoryCoverMonths(0.5, 0.6, 0.5, 18), 1e-12);
        assertEquals(3.0, Stocking.anticipatoryCoverMonths(0.9, 0.6, 0.5, 3.0), 1e-12);
        assertEquals(14.4, Stocking.anticipatoryCoverMonths(1.0, 0.6, 0.5, Double.POSITIVE_INFINITY), 1e-12);
    }

    @Test
    void banProbabilityAndExpectedTimeFollowTheHazard() {
        assertEquals(0.0, Beliefs.banProbability(0.0, 12));
        assertEquals(1 - Math.exp(-1), Beliefs.banProbability(1.0, 12), 1e-12);
        assertEquals(Calendar.DAYS_PER_YEAR / 4, Beliefs.expectedDaysToBan(4.0, 12), 1e-9);
        assertEquals(12 * Calendar.DAYS_PER_MONTH, Beliefs.expectedDaysToBan(0.0, 12), 1e-9);
        assertEquals(12 * Calendar.DAYS_PER_MONTH, Beliefs.expectedDaysToBan(0.1, 12), 1e-9);
    }

    @Test
    void perceivedHazardNeverNegative() {
        assertEquals(0.0, Beliefs.perceivedHazard(0.02, 1.0, -5));
        assertEquals(0.02 + 2 * 0.5, Beliefs.perceivedHazard(0.02, 2.0, 0.5), 1e-12);
    }

    @Test
    void substituteGapCountsMonthsToTheAdequateProductPlusRamp() {
        assertEquals(3.0, Stocking.substituteGapMonths(100, 100, 3.0), 1e-12);
        assertEquals(2.0 + 3.0, Stocking.substituteGapMonths(100 + 2 * Calendar.DAYS_PER_MONTH, 100, 3.0), 1e-9);
        assertEquals(3.0, Stocking.substituteGapMonths(50, 100, 3.0), 1e-12, "already available");
        assertTrue(Double.isInfinite(Stocking.substituteGapMonths(Double.POSITIVE_INFINITY, 0, 3)));
    }

    @Test
    void domesticShareIsAHalfAtEqualCostAndMovesWithPrice() {
        assertEquals(0.5, Switching.domesticShare(100, 100, 3), 1e-12);
        assertTrue(Switching.domesticShare(100, 200, 3) < 0.5);
        assertTrue(Switching.domesticShare(200, 100, 3) > 0.5);
        assertEquals(1 / (1 + Math.exp(-3 * Math.log(0.5))), Switching.domesticShare(100, 200, 3), 1e-12);
    }

    @Test
    void ordersRushAndBudget() {
        assertEquals(0, Stocking.orderUpTo(10, 12));
        assertEquals(5, Stocking.orderUpTo(17, 12));
        assertEquals(4, Stocking.rushPortion(10, 104, 100), "only the rise above what was committed");
        assertEquals(0, Stocking.rushPortion(10, 90, 100));
        assertEquals(10, Stocking.rushPortion(10, 500, 100), "never more than the order");
        assertEquals(8, Stocking.affordable(10, 100, 850));
        assertEquals(10, Stocking.affordable(10, 100, 1000));
        assertEquals(0, Stocking.affordable(10, 100, -5));
        assertEquals(50.0, Stocking.workingTarget(2, 3, 10));
        assertEquals(50, Stocking.rushDeadline(10, 100, 50), "no later than the expected ban");
        assertEquals(40, Stocking.rushDeadline(10, 40, 50), "the quote when it is earlier");
        assertEquals(30, Stocking.rushDeadline(30, 20, 25), "never before the minimum lead");
    }

    @Test
    void demandGrowsAndShocksRamp() {
        double base = Demand.expectedWeeklyDemand(100, 1, 0.0, 0, new int[0], new double[0], new int[0]);
        assertEquals(100, base, 1e-12);
        double year = Demand.expectedWeeklyDemand(100, 1, 0.4, 365, new int[0], new double[0], new int[0]);
        assertEquals(100 * Math.pow(1.4, 365 / Calendar.DAYS_PER_YEAR), year, 1e-9);
        int[] day = {10};
        double[] effect = {0.2};
        int[] ramp = {20};
        assertEquals(100, Demand.expectedWeeklyDemand(100, 1, 0, 9, day, effect, ramp), 1e-12);
        assertEquals(110, Demand.expectedWeeklyDemand(100, 1, 0, 19, day, effect, ramp), 1e-9);
        assertEquals(120, Demand.expectedWeeklyDemand(100, 1, 0, 100, day, effect, ramp), 1e-9);
    }

    @Test
    void vendorStartsFillTheGapWithinCapacity() {
        assertEquals(0, Production.productionStarts(10, 30, 8, 0, 500, 0, 1000));
        // target 10 * 38 + 100 = 480; have 300 -> 180
        assertEquals(180, Production.productionStarts(10, 30, 8, 100, 100, 200, 1000));
        assertEquals(50, Production.productionStarts(10, 30, 8, 100, 100, 200, 50));
        assertEquals(0.25 * 8 + 0.75 * 4, Production.updateForecast(4, 8, 0.25), 1e-12);
    }

    @Test
    void scarcityMarkupRisesWithBacklogAndIsCapped() {
        assertEquals(100, Production.scarcityPrice(100, 0.1, 0, 12), 1e-12);
        assertEquals(105, Production.scarcityPrice(100, 0.1, 6, 12), 1e-12);
        assertEquals(110, Production.scarcityPrice(100, 0.1, 50, 12), 1e-12);
    }

    @Test
    void regulatorRules() {
        assertEquals(110, Controls.effectiveDay(100, 10));
        assertEquals(30, Controls.leakDay(100, 70, 0));
        assertEquals(50, Controls.leakDay(100, 70, 50), "never before today");
        assertEquals(0.0, Controls.stepProbability(0, 7));
        assertEquals(1 - Math.exp(-7 / Calendar.DAYS_PER_YEAR), Controls.stepProbability(1, 7), 1e-12);
        assertEquals(0.1 + 2 * 0.5 + 0.3 * 1.0, Controls.decisionHazard(0.1, 0.5, 2, 0.3, 2.0), 1e-12);
        assertEquals(0.1, Controls.decisionHazard(0.1, 0.5, 0, 0.3, 0.5), 1e-12, "no surge below 1");
        Product h20 = new Product(0, "H20", 0, "V", 1, 4.0, 900, 2368, 1, 1, 0);
        assertTrue(Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(3.5, INF, INF)));
        assertTrue(!Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(4.0, 900.0, 4800.0)));
        assertTrue(Controls.exceedsThresholds(h20, new RegulatorParams.Thresholds(INF, 600.0, INF)));
    }

    @Test
    void domesticCapacityIsTheTighterOfDiesAndMemory() {
        assertEquals(1000 * 60 * 0.4 / 2, DomesticSupply.weeklyCapacity(1000, 60, 0.4, 2, 1e9), 1e-9);
        assertEquals(5000, DomesticSupply.weeklyCapacity(1000, 60, 0.4, 2, 5000), 1e-9);
        assertEquals(0, DomesticSupply.launchDelayMonths(1, 1, -3));
        assertEquals(2.5, DomesticSupply.launchDelayMonths(1, 1, 1.5), 1e-12);
    }

    @Test
    void supplyComesFromFinishedGoodsThenThePipelineThenFullCapacity() {
        // pipeline[k]: units finished within k steps; completions of 10, 0, 30 over a lead of 3 steps
        long[] pipeline = {0, 10, 10, 40};
        assertEquals(0, Production.stepsToSupply(-5, pipeline, 3, 20), "finished goods cover it");
        assertEquals(0, Production.stepsToSupply(10, pipeline, 3, 20), "this step's completions cover it");
        assertEquals(2, Production.stepsToSupply(11, pipeline, 3, 20), "the next completions are two steps out");
        assertEquals(2, Production.stepsToSupply(40, pipeline, 3, 20));
        assertEquals(3 + 1, Production.stepsToSupply(41, pipeline, 3, 20), "beyond the pipeline, at capacity");
        assertEquals(3 + 3, Production.stepsToSupply(100, pipeline, 3, 20));
        int previous = 0;
        for (int need = -3; need < 200; need++) {
            int k = Production.stepsToSupply(need, pipeline, 3, 20);
            assertTrue(k >= previous, "more units never ship sooner");
            previous = k;
        }
    }
}
