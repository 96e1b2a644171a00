package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules written out in the validator (modes, references, order of the report), on the baseline scenario. */
class ScenarioValidatorTest {
    private static final OverriddenScenario BASELINE =
            new OverriddenScenario(Path.of("..", "scenarios", "h20-2025.yaml"));

    @Test
    void aHorizonOfMoreThanTheMostStepsIsAnError() throws Exception {
        // 2024-04-01 to 2029-09-21 is 2,000 days: one a step is the most, one more day is a step too many
        BASELINE.valid("simulation.stepDays=1", "simulation.endDate=2029-09-21");
        assertEquals(
                List.of(
                        "simulation.endDate: the horizon is 2001 steps of 1 days; at most 2000 (an earlier end or longer"
                                + " steps)"),
                BASELINE.errors("simulation.stepDays=1", "simulation.endDate=2029-09-22"));
        assertEquals(
                List.of("simulation.endDate: the horizon is 416155 steps of 7 days; at most 2000 (an earlier end or"
                        + " longer steps)"),
                BASELINE.errors("simulation.endDate=9999-12-31"));
    }

    @Test
    void errorsFollowTheFieldsWithEachRuleNextToItsField() throws Exception {
        assertEquals(
                List.of(
                        "simulation.stepDays: must be between 1 and 91, got 0",
                        "simulation.endDate: must be after simulation.startDate (2024-04-01)",
                        "products[1].name: duplicate product name 'H20'",
                        "products[1].relativePerformance: must be > 0 and <= 100, got 0",
                        "demandShocks[0].date: 2020-01-01 is outside the simulated horizon 2024-04-01 to 2024-01-01",
                        "demandShocks[0].effect: must be between -0.95 and 10, got 11",
                        "demandShocks[1].date: 2025-02-15 is outside the simulated horizon 2024-04-01 to 2024-01-01",
                        "vendor.waferLeadWeeksMax: must be between 1 and 156, got 0",
                        "vendor.waferLeadWeeksMax: must be >= vendor.waferLeadWeeksMin (26)",
                        "vendor.capacity[1].date: capacity dates must increase (previous 2024-04-01)",
                        "vendor.capacity[1].unitsPerMonth: must be between 0 and 100000000, got -1",
                        "domestic.roadmap[0].product: no product named 'Ascend-910C' is defined in products; did you "
                                + "mean 'Ascend-950'?"),
                BASELINE.errors(
                        "simulation.stepDays=0",
                        "simulation.endDate=2024-01-01",
                        "vendor.waferLeadWeeksMax=0",
                        "demandShocks[0].effect=11",
                        "demandShocks[0].date=2020-01-01",
                        "products[1].relativePerformance=0",
                        "products[1].name=H20",
                        "vendor.capacity[1].unitsPerMonth=-1",
                        "vendor.capacity[1].date=2024-04-01",
                        "regulator.banDate=2024-01-01",
                        "regulator.mode=NONE"));
    }

    @Test
    void namesMustNotBeBlankAndReferencesMustResolve() throws Exception {
        assertEquals(
                List.of(
                        "demandShocks[1].buyers[0]: no hyperscaler named 'Tencent'; hyperscalers: ByteDance, Alibaba, "
                                + "Others",
                        "hyperscalers[2].name: must not be blank"),
                BASELINE.errors("hyperscalers[2].name=' '"));
        assertEquals(
                List.of("vendor.product: product 'Ascend-950' is made by 'Huawei', not by the vendor 'Nvidia'"),
                BASELINE.errors("vendor.product=Ascend-950"));
        assertEquals(
                List.of("domestic.roadmap[1].product: product 'H20' is made by 'Nvidia', not by the domestic "
                        + "maker 'Huawei'"),
                BASELINE.errors("domestic.roadmap[1].product=H20"));
    }

    @Test
    void theModeDecidesWhichRegulatorFieldsAreRequired() throws Exception {
        assertEquals(List.of("regulator.hazard: is required"), BASELINE.errors("regulator.mode=HAZARD"));
        assertEquals(List.of("regulator.thresholds: is required"), BASELINE.errors("regulator.mode=THRESHOLD"));
        assertEquals(List.of("regulator.banDate: is required"), BASELINE.errors("regulator.banDate=~"));
        assertEquals(
                List.of("regulator.thresholds: give at least one of maxMemoryBandwidthTBps, "
                        + "maxInterconnectGBps, maxTpp"),
                BASELINE.errors("regulator.mode=THRESHOLD", "regulator.thresholds={}"));
        assertEquals(
                List.of("regulator.thresholds.maxTpp: must be a positive number, got -1"),
                BASELINE.errors("regulator.mode=THRESHOLD", "regulator.thresholds={maxTpp: -1}"));
        BASELINE.valid(
                "regulator.mode=HAZARD",
                "regulator.banDate=~",
                "regulator.hazard={baseHazardPerYear: 0.5, "
                        + "leakRatePerYear: 2, leakBoost: 1, stockpileSensitivity: 0.5, rulemakingWeeks: 4}");
    }

    private static final OverriddenScenario H200 = new OverriddenScenario(Path.of("..", "scenarios", "h200-2026.yaml"));

    @Test
    void aRuleFieldOfAnotherKindOfRuleIsAnError() throws Exception {
        H200.rejects(
                "importer.rules[1].ratio=5",
                "importer.rules[1].ratio: DISCOURAGE does not use ratio (MATCH only); leave it out");
        H200.rejects(
                "importer.rules[5].exemptShare=0.2",
                "importer.rules[5].exemptShare: MANDATE does not use exemptShare (BLOCK only); leave it out");
        H200.rejects(
                "importer.rules[0].buyers=[Others]",
                "importer.rules[0].buyers: BLOCK does not use buyers (MANDATE only); leave it out");
        H200.rejects(
                "importer.rules[0].shadowCostShare=0.1",
                "importer.rules[0].shadowCostShare: BLOCK does not use shadowCostShare (DISCOURAGE only); leave it out");
        H200.rejects(
                "importer.rules[0].share=0.1",
                "importer.rules[0].share: BLOCK does not use share (MANDATE only); leave it out");
        H200.valid("importer.rules[1].ratio=0", "importer.rules[5].exemptShare=0");
        H200.rejects(
                "importer.rules[5].buyers=[]",
                "importer.rules[5].buyers: list at least one buyer, or leave the field out for every buyer");
    }

    @Test
    void aLicenceCapBaseWithoutCapShareIsAnError() throws Exception {
        H200.rejects(
                "regulator.licences[0].capShare=~",
                "regulator.licences[0].capBase: is used only with capShare (the share of it that may ship); give "
                        + "capShare or leave capBase out");
    }

    @Test
    void anEmptyListThatWouldMeanEveryoneIsAnError() throws Exception {
        BASELINE.rejects(
                "demandShocks[1].buyers=[]",
                "demandShocks[1].buyers: list at least one hyperscaler, or leave the field out for all");
        BASELINE.rejects(
                "regulator.banProducts=[]",
                "regulator.banProducts: list at least one product, or leave the field out for the primary product");
        BASELINE.valid("demandShocks[1].buyers=~", "regulator.banProducts=~", "regulator.history=[]");
    }

    @Test
    void aNameListedTwiceIsAnError() throws Exception {
        BASELINE.rejects(
                "demandShocks[1].buyers=[Tencent, Alibaba, Tencent]",
                "demandShocks[1].buyers[2]: 'Tencent' is listed twice (also demandShocks[1].buyers[0]); list it once");
        BASELINE.rejects(
                "regulator.banProducts=[H20, H20]",
                "regulator.banProducts[1]: 'H20' is listed twice (also regulator.banProducts[0]); list it once");
        H200.rejects(
                "importer.rules[5].buyers=[Others, Others]",
                "importer.rules[5].buyers[1]: 'Others' is listed twice (also importer.rules[5].buyers[0]); list it once");
        H200.rejects(
                "regulator.licences[0].excludedBuyers=[Alibaba, Alibaba]",
                "regulator.licences[0].excludedBuyers[1]: 'Alibaba' is listed twice (also "
                        + "regulator.licences[0].excludedBuyers[0]); list it once");
    }

    @Test
    void aDateWithATimeOfDayIsAnError() throws Exception {
        BASELINE.rejects(
                "regulator.banDate=2025-04-09T23:59:59",
                "regulator.banDate: expected a plain date (YYYY-MM-DD) without a time of day, got "
                        + "'2025-04-09T23:59:59'");
    }

    @Test
    void blocksOfAnotherModeAreNotChecked() throws Exception {
        BASELINE.valid("regulator.hazard={baseHazardPerYear: -1}", "regulator.thresholds={maxTpp: -1}");
        BASELINE.valid("regulator.mode=NONE", "regulator.banDate=~");
    }
}
