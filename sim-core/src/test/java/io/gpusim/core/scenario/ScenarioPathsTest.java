package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioPathsTest {
    static final Path BASELINE = Path.of("..", "scenarios", "h20-2025.yaml");

    @Test
    void setsFieldsByPathIndexAndName() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        Scenario s = t.with(List.of(
                ScenarioOverride.parse("regulator.banDate=2025-06-01", "--set"),
                ScenarioOverride.parse("hyperscalers[1].budgetUsdPerYear=2e10", "--set"),
                ScenarioOverride.parse("hyperscalers[Tencent].anticipation=false", "--set"),
                ScenarioOverride.parse("regulator.graceDays=15", "--set")));
        assertEquals(LocalDate.of(2025, 6, 1), s.regulator().banDate());
        assertEquals(2e10, s.hyperscalers().get(1).budgetUsdPerYear());
        assertFalse(s.hyperscalers().get(2).anticipation());
        assertEquals(15, s.regulator().graceDays());
        assertEquals(ScenarioLoader.load(BASELINE), t.with(List.of()), "the template itself is unchanged");
    }

    @Test
    void fieldsAbsentFromTheFileCanBeSet() throws Exception {
        Scenario s = ScenarioTemplate.load(BASELINE)
                .with(List.of(ScenarioOverride.parse("regulator.reversal={probability: 1.0, afterDays: 60}", "--set")));
        assertEquals(60, s.regulator().reversal().afterDays());
        Scenario t = ScenarioTemplate.load(BASELINE)
                .with(List.of(
                        ScenarioOverride.parse("regulator.reversal.afterDays=60", "--set"),
                        ScenarioOverride.parse("regulator.reversal.probability=0.5", "--set")));
        assertEquals(0.5, t.regulator().reversal().probability());
    }

    @Test
    void badPathsAreOneLineErrorsNamingTheOverride() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        ScenarioException unknown = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("regulator.banDat=2025-01-01", "--set"))));
        assertEquals(1, unknown.errors().size());
        String msg = unknown.errors().get(0).toString();
        assertEquals(
                "--set regulator.banDat=2025-01-01: regulator.banDat: no field 'banDat' in "
                        + "regulator; did you mean 'banDate'?",
                msg);
        ScenarioException far = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("regulator.frobnicate=1", "--set"))));
        assertTrue(
                far.getMessage()
                        .endsWith("no field 'frobnicate' in regulator; known: history, mode, banDate, "
                                + "hazard, thresholds, leak, graceDays, reversal, banProducts, licences"),
                far.getMessage());
        ScenarioException index = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("hyperscalers[9].anticipation=false", "--set"))));
        assertTrue(index.getMessage().contains("hyperscalers[9]: the list has 4 items"), index.getMessage());
        ScenarioException huge = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("hyperscalers[99999999999].anticipation=false", "--set"))));
        assertTrue(huge.getMessage().endsWith("hyperscalers[99999999999]: the list has 4 items"), huge.getMessage());
        ScenarioException name = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("hyperscalers[Baidu].anticipation=false", "--set"))));
        assertTrue(
                name.getMessage()
                        .endsWith(
                                "hyperscalers[Baidu]: no item named 'Baidu'; items: ByteDance, Alibaba, Tencent, Others"),
                name.getMessage());
        ScenarioException near = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("hyperscalers[Tencnet].anticipation=false", "--set"))));
        assertTrue(near.getMessage().endsWith("no item named 'Tencnet'; did you mean 'Tencent'?"), near.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScenarioOverride.parse("novalue", "--set"));
        ScenarioException notList = assertThrows(
                ScenarioException.class, () -> t.with(List.of(ScenarioOverride.parse("vendor[0].name=x", "--set"))));
        assertTrue(notList.getMessage().contains("vendor is not a list"), notList.getMessage());
    }

    @Test
    void badValuesAreValidatedAndBlamedOnTheOverride() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        ScenarioException e = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("vendor.writedownShare=3", "--set"))));
        assertEquals(
                "--set vendor.writedownShare=3: vendor.writedownShare: must be between 0 and 1, got 3",
                e.errors().get(0).toString());
        ScenarioException date = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("regulator.banDate=soon", "--set"))));
        assertTrue(date.getMessage().contains("regulator.banDate: not a date"), date.getMessage());
    }

    @Test
    void errorsInsideAnOverrideAreBlamedOnItEvenWhenItSelectsAnItemByName() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        ScenarioException byName = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("hyperscalers[Tencent].anticipation=maybe", "--set"))));
        assertEquals(
                List.of("--set hyperscalers[Tencent].anticipation=maybe: hyperscalers[2].anticipation: "
                        + "expected true or false, got 'maybe'"),
                byName.errors().stream().map(Object::toString).toList());
        ScenarioException mapping = assertThrows(
                ScenarioException.class,
                () -> t.with(
                        List.of(ScenarioOverride.parse("regulator.leak={probability: 2, leadDays: 70}", "--set"))));
        assertEquals(
                List.of("--set regulator.leak={probability: 2, leadDays: 70}: regulator.leak.probability: "
                        + "must be between 0 and 1, got 2"),
                mapping.errors().stream().map(Object::toString).toList());
        ScenarioException date = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(ScenarioOverride.parse("regulator.banDate=2025-02-30", "--set"))));
        assertEquals(
                "--set regulator.banDate=2025-02-30: regulator.banDate: not a real date: February has no day 30",
                date.errors().get(0).toString());
    }

    @Test
    void aCommentInAValueIsRefusedRatherThanDroppingTheRestOfIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> ScenarioPaths.parseValue("name", "Baidu # the big one"));
        assertEquals(
                "name: in 'Baidu # the big one', '#' starts a YAML comment, so '# the big one' would be dropped; quote"
                        + " the value to keep it ('\"...\"')",
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScenarioPaths.parseValue("name", "#x"));
        assertThrows(
                IllegalArgumentException.class, () -> ScenarioPaths.parseValue("regulator.banProducts", "[H20,\t# x]"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioPaths.parseValue("name", "Huawei's # x"));
        // a '#' inside quotes or words is text, as in a file
        assertEquals(
                "Baidu # the big one",
                ScenarioPaths.parseValue("name", "\"Baidu # the big one\"").asText());
        assertEquals(
                "it's # ok", ScenarioPaths.parseValue("name", "'it''s # ok'").asText());
        assertEquals(
                "a\" # b", ScenarioPaths.parseValue("name", "\"a\\\" # b\"").asText());
        assertEquals("H20#2", ScenarioPaths.parseValue("name", "H20#2").asText());
        assertEquals("Huawei's", ScenarioPaths.parseValue("name", "Huawei's").asText());
        assertEquals(-1, ScenarioPaths.commentStart("[a, 'b # c']"));
    }

    @Test
    void typesComeFromTheRecords() {
        assertEquals(LocalDate.class, ScenarioPaths.typeOf("regulator.banDate"));
        assertEquals(Double.class, ScenarioPaths.typeOf("hyperscalers[0].demandUnitsPerWeek"));
        assertEquals(HyperscalerSpec.class, ScenarioPaths.typeOf("hyperscalers[0]"));
        assertThrows(IllegalArgumentException.class, () -> ScenarioPaths.typeOf("nope"));
    }

    @Test
    void schemaIsGeneratedFromTheTypes() {
        var schema = ScenarioSchema.generate();
        var props = schema.get("properties");
        assertTrue(props.has("regulator") && props.has("extends") && props.has("hyperscalers"));
        assertEquals("array", props.get("hyperscalers").get("type").asText());
        assertEquals(
                "number",
                props.get("hyperscalers")
                        .get("items")
                        .get("properties")
                        .get("demandUnitsPerWeek")
                        .get("type")
                        .asText());
        assertEquals(
                "date",
                props.get("regulator")
                        .get("properties")
                        .get("banDate")
                        .get("format")
                        .asText());
        assertTrue(props.get("regulator")
                .get("properties")
                .get("mode")
                .get("enum")
                .toString()
                .contains("HAZARD"));
        assertFalse(props.get("vendor").get("additionalProperties").asBoolean());
    }
}
