package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.scenario.Scenario;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The plan of the baseline (weekly steps from 2024-04-01) and of the sequel, worked out by hand from the scenario
 * files: buyers' demand trends with the year's growth and the demand shocks, the vendors' and the domestic maker's
 * capacity per step, the earlier control rounds.
 */
class ScenarioPlanTest {
    private static final double DPM = 30.436875;
    private static final double DPY = 365.2425;

    private static int day(int year, int month, int dayOfMonth) {
        return (int) ChronoUnit.DAYS.between(LocalDate.of(2024, 4, 1), LocalDate.of(year, month, dayOfMonth));
    }

    @Test
    void keepsTheScenarioAndItsMarketAndCalendar() {
        Scenario scenario = Scenarios.load("h20-2025");
        ScenarioPlan plan = ScenarioPlan.of(scenario);
        assertSame(scenario, plan.scenario());
        assertSame(scenario, plan.market().scenario());
        assertSame(plan.market().calendar(), plan.calendar());
        // 2024-04-01 to 2026-06-28 in weeks: 818 days, 117 steps (the last one partial)
        assertEquals(117, plan.calendar().steps());
    }

    @Test
    void theEarlierControlRoundsArePublicEventsOnTheirDays() {
        List<MarketEvent> rounds = ScenarioPlan.of(Scenarios.load("h20-2025")).controlRounds();
        assertEquals(
                List.of(
                        new MarketEvent(day(2022, 10, 7), EventKind.CONTROL_ROUND, -1, "control round 2022-10-07"),
                        new MarketEvent(day(2023, 10, 17), EventKind.CONTROL_ROUND, -1, "control round 2023-10-17"),
                        new MarketEvent(day(2024, 12, 2), EventKind.CONTROL_ROUND, -1, "control round 2024-12-02"),
                        new MarketEvent(day(2025, 1, 13), EventKind.CONTROL_ROUND, -1, "control round 2025-01-13")),
                rounds);
    }

    @Test
    void demandTrendsGrowAndTakeTheShocksThatApplyToEachBuyer() {
        ScenarioPlan plan = ScenarioPlan.of(Scenarios.load("h20-2025"));
        // step 0: each buyer's weekly demand as written (ByteDance, Alibaba, Tencent, Others)
        assertEquals(5700, plan.weeklyDemandTrend(0, 0), 1e-9);
        assertEquals(3800, plan.weeklyDemandTrend(1, 0), 1e-9);
        assertEquals(3150, plan.weeklyDemandTrend(2, 0), 1e-9);
        assertEquals(8000, plan.weeklyDemandTrend(3, 0), 1e-9);
        // step 1, day 7: 40% a year of growth for 7 days (30% for Others)
        assertEquals(5700 * Math.pow(1.4, 7 / DPY), plan.weeklyDemandTrend(0, 1), 1e-9);
        assertEquals(8000 * Math.pow(1.3, 7 / DPY), plan.weeklyDemandTrend(3, 1), 1e-9);
        // step 43, day 301: DeepSeek-R1 (day 294, +20% over 42 days) is 8 days into its ramp: x (1 + 0.2 x 8 / 42)
        assertEquals(day(2025, 1, 20), 294);
        assertEquals(5700 * Math.pow(1.4, 301 / DPY) * (1 + 0.2 * 8 / 42), plan.weeklyDemandTrend(0, 43), 1e-9);
        // step 52, day 364: both shocks ramped in; the WeChat one (+15%, day 320 over 28 days) is Tencent's alone
        assertEquals(5700 * Math.pow(1.4, 364 / DPY) * 1.2, plan.weeklyDemandTrend(0, 52), 1e-9);
        assertEquals(3150 * Math.pow(1.4, 364 / DPY) * 1.2 * 1.15, plan.weeklyDemandTrend(2, 52), 1e-9);
    }

    @Test
    void vendorCapacityFollowsEachVendorsCurveOverTheStep() {
        ScenarioPlan plan = ScenarioPlan.of(Scenarios.load("h20-2025-sequel"));
        // Nvidia: 150000 a month on day 0 rising linearly to 200000 on day 183, flat after; a step is 7 days
        assertEquals(150_000 * 7 / DPM, plan.vendorCapacity(0), 1e-9);
        assertEquals(150_000 * 7 / DPM, plan.vendorCapacity(0, 0), 1e-9);
        assertEquals((150_000 + 7.0 / 183 * 50_000) * 7 / DPM, plan.vendorCapacity(1), 1e-9);
        assertEquals(200_000 * 7 / DPM, plan.vendorCapacity(0, 100), 1e-9);
        // AMD, the sequel's second vendor: 15000 a month throughout
        assertEquals(15_000 * 7 / DPM, plan.vendorCapacity(1, 0), 1e-9);
        assertEquals(15_000 * 7 / DPM, plan.vendorCapacity(1, 100), 1e-9);
    }

    @Test
    void domesticCapacityIsTheLesserOfGoodDiesAndMemory() {
        ScenarioPlan plan = ScenarioPlan.of(Scenarios.load("h20-2025"));
        // 800 wafers a week x 60 dies x yield / 2 dies a unit, at most 11500 units of memory a week. Step 0: the
        // yield before its first point, 0.20: 4800 a week
        assertEquals(4800, plan.domesticCapacity(0), 1e-9);
        // 2025-02-01 (day 306): 0.40, 9600 a week; step 44 starts on day 308, two days into the ramp to 0.60 on
        // 2026-06-01 (day 791)
        double yield = 0.4 + 0.2 * (308 - 306) / (791.0 - 306);
        assertEquals(800 * 60 * yield / 2, plan.domesticCapacity(44), 1e-9);
        // step 113 starts on day 791: 0.60 would give 14400, the memory allows 11500
        assertEquals(11_500, plan.domesticCapacity(113), 1e-9);
    }
}
