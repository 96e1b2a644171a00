package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;

class ScenarioOverrideTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @Test
    void anAssignmentIsAPathAndAYamlValue() {
        assertEquals(
                new ScenarioOverride("simulation.stepDays", NODES.numberNode(14), "set simulation.stepDays=14"),
                ScenarioOverride.parse("simulation.stepDays=14"));
        assertEquals(
                new ScenarioOverride(
                        "regulator.banDate",
                        NODES.textNode("2025-06-01"),
                        "study s.yaml  regulator.banDate = 2025-06-01 "),
                ScenarioOverride.parse(" regulator.banDate = 2025-06-01 ", "study s.yaml"));
        assertEquals(
                new ScenarioOverride("name", NODES.textNode("a=b"), "--set name=a=b"),
                ScenarioOverride.parse("name=a=b", "--set"));
        assertEquals(
                new ScenarioOverride("name", NODES.textNode(""), "--set name="),
                ScenarioOverride.parse("name=", "--set"));
        assertEquals(
                new ScenarioOverride("x", NODES.nullNode(), "--set x=null"), ScenarioOverride.parse("x=null", "--set"));
    }

    @Test
    void anAssignmentWithoutAPathIsRefused() {
        assertEquals(
                "'=1': expected PATH=VALUE",
                assertThrows(IllegalArgumentException.class, () -> ScenarioOverride.parse("=1"))
                        .getMessage());
        assertEquals(
                "'novalue': expected PATH=VALUE",
                assertThrows(IllegalArgumentException.class, () -> ScenarioOverride.parse("novalue", "--set"))
                        .getMessage());
    }

    @Test
    void aValueThatIsNotYamlNamesTheAssignment() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ScenarioOverride.parse("x=[1, 2", "--set"));
        assertEquals("--set x=[1, 2: x: cannot read value '[1, 2' (not valid YAML)", e.getMessage());
        assertEquals(
                "x: cannot read value '[1, 2' (not valid YAML)", e.getCause().getMessage());
    }
}
