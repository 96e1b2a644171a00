package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule the validator writes out between fields, on the scenario that uses every section (h200-2026: two
 * foreign vendors, a redesign, licences with a cap, the importer's rules, the domestic maker's roadmap): one broken
 * field, and the exact errors, path and message, it gets.
 */
class ScenarioValidatorRulesTest {
    private static final OverriddenScenario H200 = new OverriddenScenario(Path.of("..", "scenarios", "h200-2026.yaml"));
    private static final String FOREIGN = "(H20, H200, RTX6000D, MI308)";
    private static final String HORIZON = "is outside the simulated horizon 2024-04-01 to 2026-12-27";

    @Test
    void theScenarioAndItsBoundaryCasesAreValid() throws Exception {
        H200.valid();
        H200.valid("regulator.licences[0].until=2025-12-08", "importer.rules[0].until=2026-01-14");
        H200.valid("importer.rules[0].from=~", "importer.rules[0].trigger={on: LICENCE, product: H200}");
        H200.valid("regulator.licences[1].from=2026-12-27", "importer.rules[1].from=2024-04-01");
    }

    @Test
    void theHorizonMustBeginBeforeItEndsAndEveryDateFallsInIt() throws Exception {
        String[][] dated = {
            {"demandShocks[0].date", "2025-01-20"},
            {"demandShocks[1].date", "2025-02-15"},
            {"regulator.banDate", "2025-04-09"},
            {"regulator.licences[0].from", "2025-12-08"},
            {"regulator.licences[1].from", "2025-08-08"},
            {"regulator.licences[2].from", "2025-08-08"},
            {"importer.rules[0].from", "2026-01-14"},
            {"importer.rules[1].from", "2025-07-31"},
            {"importer.rules[2].from", "2025-08-12"},
            {"importer.rules[3].from", "2025-08-12"},
            {"importer.rules[4].from", "2025-09-17"},
            {"importer.rules[5].from", "2025-11-05"}
        };
        List<String> expected = new ArrayList<>();
        expected.add("simulation.endDate: must be after simulation.startDate (2024-04-01)");
        for (String[] d : dated) {
            expected.add(d[0] + ": " + d[1] + " is outside the simulated horizon 2024-04-01 to 2024-04-01");
        }
        assertEquals(expected, H200.errors("simulation.endDate=2024-04-01"));
    }

    @Test
    void aShockNamesKnownBuyersAndASlipOfTheKeyboardGetsASuggestion() throws Exception {
        H200.rejects(
                "demandShocks[1].buyers=[Tencent, Tencnet]",
                "demandShocks[1].buyers[1]: no hyperscaler named 'Tencnet'; did you mean 'Tencent'?");
        H200.rejects(
                "demandShocks[1].buyers=[Baidu]",
                "demandShocks[1].buyers[0]: no hyperscaler named 'Baidu'; hyperscalers: ByteDance, Alibaba, "
                        + "Tencent, Others");
        H200.rejects("demandShocks[0].date=2027-01-01", "demandShocks[0].date: 2027-01-01 " + HORIZON);
    }

    @Test
    void sectionsThatListThingsNeedAtLeastOne() throws Exception {
        H200.rejects("vendor.capacity=[]", "vendor.capacity: at least one capacity point is required");
        H200.rejects("domestic.roadmap=[]", "domestic.roadmap: at least one roadmap entry is required");
        H200.rejects("domestic.yieldCurve=[]", "domestic.yieldCurve: at least one yield point is required");
    }

    @Test
    void curvesMustMoveForwardInTime() throws Exception {
        H200.rejects(
                "vendor.capacity[2].date=2024-10-01",
                "vendor.capacity[2].date: capacity dates must increase (previous 2024-10-01)");
        H200.rejects("vendors[0].capacity[0].date=~", "vendors[0].capacity[0].date: is required");
        H200.rejects(
                "domestic.yieldCurve[2].date=2025-01-01",
                "domestic.yieldCurve[2].date: yield dates must increase (previous 2025-02-01)");
        H200.rejects(
                "regulator.licences[0].capBase[1].date=2025-12-01",
                "regulator.licences[0].capBase[1].date: cap dates must increase (previous 2025-12-01)");
    }

    @Test
    void eachVendorIsNamedOnceSellsItsOwnProductsAndIsNotTheDomesticMaker() throws Exception {
        // AMD, MI308's maker, is then no one in the scenario
        H200.rejects(
                "vendors[0].name=Nvidia",
                "products[3].maker: no vendor or domestic maker named 'AMD'; makers: Nvidia, Huawei",
                "vendors[0].name: duplicate vendor name 'Nvidia'",
                "vendors[0].product: product 'MI308' is made by 'AMD', not by the vendor 'Nvidia'");
        H200.rejects(
                "vendors[0].name=Huawei",
                "products[3].maker: no vendor or domestic maker named 'AMD'; makers: Nvidia, Huawei",
                "vendors[0].name: 'Huawei' is the domestic maker, not a foreign vendor",
                "vendors[0].product: product 'MI308' is made by 'AMD', not by the vendor 'Huawei'");
        H200.rejects(
                "vendor.products=[H200, MI308]",
                "vendor.products[1]: product 'MI308' is made by 'AMD', not by the vendor 'Nvidia'");
        H200.rejects(
                "vendors[0].product=MI309",
                "vendors[0].product: no product named 'MI309' is defined in products; did you mean 'MI308'?",
                "regulator.banProducts[1]: 'MI308' is not a product of a foreign vendor (H20, H200, RTX6000D, "
                        + "MI309)",
                "regulator.licences[2].product: 'MI308' is not a product of a foreign vendor (H20, H200, "
                        + "RTX6000D, MI309)");
    }

    @Test
    void aRedesignReplacesOneOfTheVendorsProductsWithAPartNotYetSold() throws Exception {
        H200.rejects(
                "vendor.redesigns[0].banned=MI308",
                "vendor.redesigns[0].banned: 'MI308' is not one of the vendor's products");
        H200.rejects(
                "vendor.redesigns[0].product=H200",
                "vendor.redesigns[0].product: the compliant part is launched by the redesign; do not list it "
                        + "as sold already",
                "importer.rules[4].product: 'RTX6000D' is not a product of a foreign vendor (H20, H200, MI308)");
        H200.rejects(
                "vendor.redesigns[0].product=MI308",
                "vendor.redesigns[0].product: product 'MI308' is made by 'AMD', not by the vendor 'Nvidia'",
                "importer.rules[4].product: 'RTX6000D' is not a product of a foreign vendor (H20, H200, MI308)");
    }

    @Test
    void theRegulatorNamesForeignProductsAndKnownBuyersWithinTheHorizon() throws Exception {
        H200.rejects("regulator.banDate=2027-01-01", "regulator.banDate: 2027-01-01 " + HORIZON);
        H200.rejects(
                "regulator.banProducts[1]=Ascend-950",
                "regulator.banProducts[1]: 'Ascend-950' is not a product of a foreign vendor " + FOREIGN);
        H200.rejects(
                "regulator.licences[1].product=Ascend-910C",
                "regulator.licences[1].product: 'Ascend-910C' is not a product of a foreign vendor " + FOREIGN);
        H200.rejects("regulator.licences[1].from=2027-01-01", "regulator.licences[1].from: 2027-01-01 " + HORIZON);
        H200.rejects(
                "regulator.licences[1].from=2024-03-31",
                "regulator.licences[1].from: 2024-03-31 is outside the simulated horizon 2024-04-01 to "
                        + "2026-12-27");
        H200.rejects(
                "regulator.licences[0].until=2025-12-07",
                "regulator.licences[0].until: must not be before regulator.licences[0].from (2025-12-08)");
        H200.rejects(
                "regulator.licences[1].excludedBuyers=[Tencent, Baidu]",
                "regulator.licences[1].excludedBuyers[1]: no hyperscaler named 'Baidu'");
    }

    @Test
    void aLicenceCapIsEitherAVolumeOrAShareOfOne() throws Exception {
        H200.rejects(
                "regulator.licences[0].capBase=[]",
                "regulator.licences[0].capBase: is required with capShare (the volume the share is of)");
        H200.rejects(
                "regulator.licences[0].capUnitsPerMonth=1000",
                "regulator.licences[0].capShare: give capUnitsPerMonth or capShare, not both");
        H200.valid(
                "regulator.licences[0].capShare=~",
                "regulator.licences[0].capBase=[]",
                "regulator.licences[0].capUnitsPerMonth=1000");
    }

    @Test
    void theImportersRulesNameForeignProductsKnownBuyersAndAStart() throws Exception {
        H200.rejects(
                "importer.rules[0].product=Ascend-950",
                "importer.rules[0].product: 'Ascend-950' is not a product of a foreign vendor " + FOREIGN);
        H200.rejects("importer.rules[0].from=~", "importer.rules[0].from: is required unless the rule has a trigger");
        H200.rejects("importer.rules[0].from=2027-01-01", "importer.rules[0].from: 2027-01-01 " + HORIZON);
        H200.rejects(
                "importer.rules[0].until=2026-01-13",
                "importer.rules[0].until: must not be before importer.rules[0].from (2026-01-14)");
        H200.rejects(
                "importer.rules[0].trigger={on: LICENCE, product: Ascend-950}",
                "importer.rules[0].trigger.product: 'Ascend-950' is not a product of a foreign vendor " + FOREIGN);
        H200.rejects(
                "importer.rules[5].buyers=[Others, Baidu]",
                "importer.rules[5].buyers[1]: no hyperscaler named 'Baidu'");
        H200.rejects(
                "importer.rules[5].product=H20",
                "importer.rules[5].product: MANDATE applies to every foreign product; leave product out");
        H200.rejects(
                "importer.rules[5]={kind: MATCH, product: H20, from: 2025-11-05, ratio: 1}",
                "importer.rules[5].product: MATCH applies to every foreign product; leave product out");
    }

    @Test
    void theDomesticMakersRoadmapNamesItsOwnProducts() throws Exception {
        H200.rejects(
                "domestic.roadmap[1].product=Ascend-960",
                "domestic.roadmap[1].product: no product named 'Ascend-960' is defined in products; did you "
                        + "mean 'Ascend-950'?");
    }

    @Test
    void buyersAreNamedOnceAndOnlyRequiredTextMustNotBeBlank() throws Exception {
        H200.rejects("hyperscalers[1].name=ByteDance", "hyperscalers[1].name: duplicate hyperscaler name 'ByteDance'");
        H200.valid("description=' '");
    }

    @Test
    void aVendorListsEachOfItsProductsOnceAndTheRoadmapEachProductOnce() throws Exception {
        H200.rejects(
                "vendor.products=[H200, H200]",
                "vendor.products[1]: 'H200' is listed twice (also vendor.products[0]); list it once");
        H200.rejects(
                "vendor.products=[H200, H20]",
                "vendor.products[1]: 'H20' is listed twice (also vendor.product); list it once");
        H200.rejects(
                "domestic.roadmap[1].product=Ascend-910C",
                "domestic.roadmap[1].product: 'Ascend-910C' is listed twice (also domestic.roadmap[0].product); list it "
                        + "once");
    }

    @Test
    void aProductIsMadeByAVendorOrTheDomesticMaker() throws Exception {
        H200.rejects(
                "products[0].maker=Nvida",
                "products[0].maker: no vendor or domestic maker named 'Nvida'; did you mean 'Nvidia'?",
                "vendor.product: product 'H20' is made by 'Nvida', not by the vendor 'Nvidia'");
        H200.rejects(
                "products[2].maker=Nobody",
                "products[2].maker: no vendor or domestic maker named 'Nobody'; makers: Nvidia, AMD, Huawei",
                "domestic.roadmap[1].product: product 'Ascend-950' is made by 'Nobody', not by the domestic maker "
                        + "'Huawei'");
    }

    /** Weekly steps from 2024-04-01: the step of 2026-01-13 runs from 2026-01-12 to 2026-01-18. */
    @Test
    void aProductHasOneLicenceRegimeAtATime() throws Exception {
        String second = "regulator.licences[1]={product: H200, from: 2026-01-14, feeShare: 0.1}";
        String inForce = "regulator.licences[1].from: the licences for 'H200' are in force in the same steps as "
                + "regulator.licences[0] (2025-12-08";
        String oneAtATime =
                "); a product has one licence regime at a time: start this one in a step after that one's until";
        H200.rejects(second, inForce + " on" + oneAtATime);
        // apart by date, but the first's last step is the second's first
        assertEquals(
                List.of(inForce + " to 2026-01-13" + oneAtATime),
                H200.errors("regulator.licences[0].until=2026-01-13", second));
        H200.valid(
                "regulator.licences[0].until=2026-01-13",
                "regulator.licences[1]={product: H200, from: 2026-01-19, feeShare: 0.1}");
    }

    @Test
    void demandShocksAreNamedOnce() throws Exception {
        H200.rejects(
                "demandShocks[1].name=DeepSeek-R1", "demandShocks[1].name: duplicate demand shock name 'DeepSeek-R1'");
    }

    @Test
    void aLargeNumberOutOfRangeIsQuotedAsADouble() throws Exception {
        H200.rejects(
                "vendor.capacity[1].unitsPerMonth=1e15",
                "vendor.capacity[1].unitsPerMonth: must be between 0 and 100000000, got 1.0E15");
    }
}
