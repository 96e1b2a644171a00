package io.gpusim.core.params;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpusim.core.Calendar;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The baseline's fields that no run's output pins on its own arrive in the resolved parameters with the values
 * h20-2025.yaml gives them (dates become days from 2024-04-01, weeks stay weeks unless a field is kept in days).
 */
class ScenarioParamsTest {
    private static final LocalDate START = LocalDate.of(2024, 4, 1);

    private static double day(LocalDate date) {
        return ChronoUnit.DAYS.between(START, date);
    }

    @Test
    void theBaselinesBeliefsBuyersShocksVendorAndMakerResolveToTheirFileValues() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "h20-2025.yaml"));
        ScenarioParams p = ScenarioParams.of(s, Calendar.of(s.simulation()));

        BeliefParams beliefs = p.beliefs();
        assertEquals(0.02, beliefs.priorHazardPerYear());
        assertEquals(0.50, beliefs.controlRoundWeight());
        assertEquals(3.5, beliefs.leakWeight());
        assertEquals(1.0, beliefs.banWeight());
        assertEquals(-0.5, beliefs.reversalWeight());
        assertEquals(6.0, beliefs.decayMonths());
        assertEquals(12, beliefs.planningHorizonMonths());

        BuyerParams byteDance = p.buyers().get(0);
        assertEquals("ByteDance", byteDance.name());
        assertEquals(5700, byteDance.demandUnitsPerWeek());
        assertEquals(1.0, byteDance.signalSensitivity());
        assertEquals(0.25, byteDance.sensitivitySd());
        assertEquals(4, byteDance.minLeadWeeks());
        assertEquals(0.85, byteDance.domesticSoftwareDiscount());
        assertEquals(0.9, byteDance.adequatePerformance());
        assertEquals(1.2e10, byteDance.budgetUsdPerYear());

        // DeepSeek-R1 on 2025-01-20, +20% over 6 weeks for everyone; WeChat-DeepSeek on 2025-02-15, +15% over 4
        // weeks for Tencent (buyer 2) only
        ShockParams r1 = p.shocks().get(0);
        assertEquals(day(LocalDate.of(2025, 1, 20)), r1.day());
        assertEquals(0.20, r1.effect());
        assertEquals(6 * 7, r1.rampDays());
        assertArrayEquals(new boolean[] {true, true, true, true}, r1.buyers());
        ShockParams weChat = p.shocks().get(1);
        assertEquals(day(LocalDate.of(2025, 2, 15)), weChat.day());
        assertEquals(4 * 7, weChat.rampDays());
        assertArrayEquals(new boolean[] {false, false, true, false}, weChat.buyers());

        assertEquals(22_000, p.vendor().initialOrdersPerWeek());
        assertEquals(0.08, p.vendor().scarcityMarkupMax());

        DomesticParams huawei = p.domestic();
        assertArrayEquals(new int[] {1, 2}, huawei.roadmapProducts());
        assertArrayEquals(new double[] {1, 3}, huawei.delayMeanMonths());
        assertArrayEquals(new double[] {1, 2}, huawei.delaySdMonths());
        assertArrayEquals(
                new double[] {
                    day(LocalDate.of(2024, 9, 1)), day(LocalDate.of(2025, 2, 1)), day(LocalDate.of(2026, 6, 1))
                },
                huawei.yieldDays());
        assertArrayEquals(new double[] {0.20, 0.40, 0.60}, huawei.yields());
        assertEquals(800, huawei.waferStartsPerWeek());
        assertEquals(60, huawei.diesPerWafer());
        assertEquals(2, huawei.diesPerUnit());
        assertEquals(11_500, huawei.hbmUnitsPerWeek());
        assertEquals(1, huawei.shippingWeeks());
    }
}
