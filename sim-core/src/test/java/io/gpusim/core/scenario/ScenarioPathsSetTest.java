package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** {@link ScenarioPaths#set} on small trees: what it writes where, the path it returns, and what it refuses. */
class ScenarioPathsSetTest {

    private static ObjectNode tree(String yaml) throws Exception {
        return (ObjectNode) ScenarioLoader.yamlMapper().readTree(yaml);
    }

    private static String refusal(String yaml, String path, String value) throws Exception {
        ObjectNode t = tree(yaml);
        return assertThrows(IllegalArgumentException.class, () -> ScenarioPaths.set(t, path, value))
                .getMessage();
    }

    @Test
    void setWritesTheValueAndReturnsThePathWithIndices() throws Exception {
        ObjectNode t = tree("{hyperscalers: [{name: A, x: 1}, {name: B}], regulator: 5}");
        assertEquals("hyperscalers[1].anticipation", ScenarioPaths.set(t, "hyperscalers[B].anticipation", "false"));
        assertEquals(
                "hyperscalers[0].budgetUsdPerYear", ScenarioPaths.set(t, "hyperscalers[0].budgetUsdPerYear", "2.5"));
        assertEquals("regulator.reversal.afterDays", ScenarioPaths.set(t, "regulator.reversal.afterDays", "60"));
        assertEquals("simulation.stepDays", ScenarioPaths.set(t, "simulation.stepDays", "14.5"));
        assertEquals("name", ScenarioPaths.set(t, "name", ""));
        assertEquals(
                tree("{hyperscalers: [{name: A, x: 1, budgetUsdPerYear: 2.5}, {name: B, anticipation: false}],"
                                + " regulator: {reversal: {afterDays: 60}}, simulation: {stepDays: 14.5}, name: ''}")
                        .toString(),
                t.toString());
        assertEquals("hyperscalers[1].minLeadWeeks", ScenarioPaths.set(t, "hyperscalers[000000001].minLeadWeeks", "2"));
        assertEquals(
                "hyperscalers[0000000001]: the list has 2 items",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ScenarioPaths.set(t, "hyperscalers[0000000001].minLeadWeeks", "2"))
                        .getMessage());
        assertEquals("hyperscalers[1]", ScenarioPaths.set(t, "hyperscalers[1]", "{name: C}"));
        assertEquals(
                tree("{h: [{name: A, x: 1, budgetUsdPerYear: 2.5}, {name: C}]}").get("h"), t.get("hyperscalers"));
    }

    @Test
    void numbersAreNeverRoundedButCheckedLikeAFile() throws Exception {
        ObjectNode t = tree("{}");
        ScenarioPaths.set(t, "regulator.graceDays", "14.4");
        ScenarioPaths.set(t, "vendor.writedownShare", "0.25");
        ScenarioPaths.set(t, "regulator.banDate", "2025-06-01");
        assertEquals(
                tree("{regulator: {graceDays: 14.4, banDate: '2025-06-01'}, vendor: {writedownShare: 0.25}}")
                        .toString(),
                t.toString());
        assertEquals(
                "regulator.graceDays: expected a whole number, got 14.4",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ScenarioPaths.check("regulator.graceDays", t.at("/regulator/graceDays")))
                        .getMessage());
        assertEquals(
                "regulator.leak.leadDays: expected a whole number, got 70.7",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ScenarioPaths.check(
                                        "regulator.leak", ScenarioPaths.parseValue("p", "{leadDays: 70.7}")))
                        .getMessage());
        assertEquals(
                "demandShocks[0].buyers[1]: expected text, got a list",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ScenarioPaths.check(
                                        "demandShocks[0].buyers", ScenarioPaths.parseValue("p", "[a, [b]]")))
                        .getMessage());
        ScenarioPaths.check("regulator.graceDays", ScenarioPaths.parseValue("p", "14"));
        ScenarioPaths.check("vendor.writedownShare", ScenarioPaths.parseValue("p", "0.25"));
        assertTrue(ScenarioPaths.isWhole("regulator.graceDays"));
        assertTrue(ScenarioPaths.isWhole("hyperscalers[0].minLeadWeeks"));
        assertFalse(ScenarioPaths.isWhole("vendor.writedownShare"));
    }

    @Test
    void listsAndItemsMustBeThere() throws Exception {
        assertEquals(
                "hyperscalers is not a list in this scenario", refusal("{}", "hyperscalers[0].anticipation", "true"));
        assertEquals(
                "hyperscalers is not a list in this scenario",
                refusal("{hyperscalers: {name: A}}", "hyperscalers[A].anticipation", "true"));
        assertEquals(
                "hyperscalers[0] is not a mapping",
                refusal("{hyperscalers: [7]}", "hyperscalers[0].anticipation", "true"));
        assertEquals(
                "hyperscalers[2]: the list has 2 items",
                refusal("{hyperscalers: [{name: A}, {name: B}]}", "hyperscalers[2].name", "x"));
        assertEquals(
                "regulator.licences[0]: the list has 0 items",
                refusal("{regulator: {licences: []}}", "regulator.licences[0].product", "x"));
        assertEquals(
                "hyperscalers[C]: no item named 'C'; items: A, B",
                refusal("{hyperscalers: [{name: A}, {name: B}, {x: 1}, {name: [1]}]}", "hyperscalers[C].name", "x"));
        assertEquals(
                "hyperscalers[Q]: no item named 'Q'; the list is empty",
                refusal("{hyperscalers: []}", "hyperscalers[Q].name", "x"));
    }

    @Test
    void pathsMustNameFieldsOfTheScenario() throws Exception {
        assertEquals("empty path", refusal("{}", "", "1"));
        assertEquals("empty path", refusal("{}", "  ", "1"));
        assertEquals("simulation..stepDays: '' is not a field name", refusal("{}", "simulation..stepDays", "1"));
        assertEquals("1x: '1x' is not a field name", refusal("{}", "1x", "1"));
        assertEquals(
                "simulation.stepDays.x: simulation.stepDays has no fields",
                refusal("{}", "simulation.stepDays.x", "1"));
        assertEquals("simulation[0].stepDays: simulation is not a list", refusal("{}", "simulation[0].stepDays", "1"));
        assertEquals("nmae: no field 'nmae' in the scenario; did you mean 'name'?", refusal("{}", "nmae", "x"));
        assertEquals(
                "simulation.zzzzzz: no field 'zzzzzz' in simulation; known: startDate, endDate, stepDays",
                refusal("{}", "simulation.zzzzzz", "x"));
        assertEquals(
                "regulator.banDate: expected a date (YYYY-MM-DD), got 20250101",
                refusal("{}", "regulator.banDate", "20250101"));
    }

    @Test
    void valuesAreReadAsYaml() throws Exception {
        assertEquals(tree("{a: [b, 2]}").get("a"), ScenarioPaths.parseValue("p", "[b, 2]"));
        assertEquals(tree("{a: ''}").get("a"), ScenarioPaths.parseValue("p", ""));
        assertEquals(
                "p: cannot read value '{a: ' (not valid YAML)",
                assertThrows(IllegalArgumentException.class, () -> ScenarioPaths.parseValue("p", "{a: "))
                        .getMessage());
    }
}
