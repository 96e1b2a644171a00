package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The validator enforces exactly the ranges the fields declare: for every numeric field of the baseline scenario
 * (with the regulator's hazard, threshold and reversal blocks added), a value just outside each declared bound is
 * rejected with the range message, and the bound itself (or the nearest value inside an exclusive bound) is
 * accepted. The cases are generated from the {@link Param} declarations, so a new field is covered as soon as it is
 * declared.
 */
class DeclaredRangesTest {
    /** The baseline with every optional section present. */
    private static final Path BASELINE = Path.of("src", "test", "resources", "every-section.yaml");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ScenarioTemplate TEMPLATE;

    static {
        try {
            TEMPLATE = ScenarioTemplate.load(BASELINE);
        } catch (ScenarioException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A declared field of the scenario, reached through the first item of every list. */
    record Field(String path, RecordComponent component, Param param) {
        boolean whole() {
            return component.getType() == Integer.class;
        }

        boolean numeric() {
            return component.getType() == Integer.class || component.getType() == Double.class;
        }
    }

    static List<Field> fields() {
        List<Field> out = new ArrayList<>();
        collect("", Scenario.class, out);
        return out;
    }

    private static void collect(String path, Class<?> type, List<Field> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String p = path.isEmpty() ? c.getName() : path + "." + c.getName();
            out.add(new Field(p, c, c.getAnnotation(Param.class)));
            Class<?> value = ParamDeclarationsTest.valueType(c);
            if (value.isRecord()) {
                collect(c.getType() == List.class ? p + "[0]" : p, value, out);
            }
        }
    }

    /**
     * Overrides that make every declared field present and checked: the blocks the baseline leaves out, and the
     * regulator mode under which a block counts.
     */
    private static List<ScenarioOverride> setup(String path) {
        List<ScenarioOverride> o = new ArrayList<>();
        o.add(override(
                "regulator.hazard",
                yaml("{baseHazardPerYear: 0.5, leakRatePerYear: 2, leakBoost: 1, "
                        + "stockpileSensitivity: 0.5, rulemakingWeeks: 4}")));
        o.add(override(
                "regulator.thresholds",
                yaml("{maxMemoryBandwidthTBps: 3.5, maxInterconnectGBps: 800, " + "maxTpp: 4000}")));
        o.add(override("regulator.reversal", yaml("{probability: 0.5, afterDays: 30}")));
        if (path.startsWith("regulator.hazard.")) {
            o.add(override("regulator.mode", NODES.textNode("HAZARD")));
        } else if (path.startsWith("regulator.thresholds.")) {
            o.add(override("regulator.mode", NODES.textNode("THRESHOLD")));
        }
        return o;
    }

    /** Moves the other lead-time bound along, so the rule max >= min does not object to the value under test. */
    private static List<ScenarioOverride> companion(String path, JsonNode value) {
        if (path.equals("regulator.licences[0].capUnitsPerMonth")) {
            return List.of(
                    override("regulator.licences[0].capShare", NODES.nullNode()),
                    override("regulator.licences[0].capBase", NODES.nullNode()));
        }
        // The first rule is a MANDATE; a field of another kind of rule is checked on a rule of that kind.
        String kind = switch (path) {
            case "importer.rules[0].exemptShare" -> "BLOCK";
            case "importer.rules[0].shadowCostShare" -> "DISCOURAGE";
            case "importer.rules[0].ratio" -> "MATCH";
            default -> null;
        };
        if (kind != null) {
            return List.of(
                    override("importer.rules[0].kind", NODES.textNode(kind)),
                    override("importer.rules[0].share", NODES.nullNode()),
                    override("importer.rules[0].buyers", NODES.nullNode()));
        }
        for (String vendor : List.of("vendor", "vendors[0]")) {
            if (path.equals(vendor + ".waferLeadWeeksMin") && value.asInt() > 39) {
                return List.of(override(vendor + ".waferLeadWeeksMax", value));
            }
            if (path.equals(vendor + ".waferLeadWeeksMax") && value.asInt() < 26) {
                return List.of(override(vendor + ".waferLeadWeeksMin", value));
            }
        }
        return List.of();
    }

    private static ScenarioOverride override(String path, JsonNode value) {
        return new ScenarioOverride(path, value, "test");
    }

    private static JsonNode yaml(String text) {
        return ScenarioPaths.parseValue("test", text);
    }

    private static JsonNode node(Field f, double value) {
        return f.whole() ? NODES.numberNode((int) value) : NODES.numberNode(value);
    }

    private static void accepts(Field f, JsonNode value) {
        List<ScenarioOverride> o = setup(f.path());
        o.addAll(companion(f.path(), value));
        o.add(override(f.path(), value));
        assertDoesNotThrow(() -> TEMPLATE.with(o), f.path() + " = " + value);
    }

    /** The errors reported at the field's own path when it is set to the value. */
    private static List<String> errorsAt(Field f, JsonNode value) {
        List<ScenarioOverride> o = setup(f.path());
        o.addAll(companion(f.path(), value));
        o.add(override(f.path(), value));
        ScenarioException e = assertThrows(
                ScenarioException.class, () -> TEMPLATE.with(o), f.path() + " = " + value + " should be rejected");
        return e.errors().stream()
                .filter(err -> f.path().equals(err.path()))
                .map(ValidationError::message)
                .toList();
    }

    /** The range message, written out independently of the validator. */
    private static String rangeMessage(Param p, String got) {
        if (p.minExclusive() && p.max() == Double.POSITIVE_INFINITY) {
            return "must be a positive number, got " + got;
        }
        if (p.minExclusive()) {
            return "must be > " + fmt(p.min()) + " and <= " + fmt(p.max()) + ", got " + got;
        }
        return "must be between " + fmt(p.min()) + " and " + fmt(p.max()) + ", got " + got;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String shown(Field f, JsonNode value) {
        return f.whole() ? Integer.toString(value.asInt()) : fmt(value.asDouble());
    }

    @TestFactory
    Stream<DynamicTest> everyNumericBoundIsEnforcedAtTheBound() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Field f : fields()) {
            if (!f.numeric()) {
                continue;
            }
            Param p = f.param();
            double min = p.min();
            JsonNode belowMin = p.minExclusive() ? node(f, min) : node(f, f.whole() ? min - 1 : Math.nextDown(min));
            JsonNode lowest = p.minExclusive() ? node(f, f.whole() ? min + 1 : Math.nextUp(min)) : node(f, min);
            tests.add(dynamicTest(
                    f.path() + " rejects " + belowMin,
                    () -> assertEquals(List.of(rangeMessage(p, shown(f, belowMin))), errorsAt(f, belowMin))));
            tests.add(dynamicTest(f.path() + " accepts " + lowest, () -> accepts(f, lowest)));
            if (p.max() != Double.POSITIVE_INFINITY) {
                double max = p.max();
                JsonNode aboveMax = node(f, f.whole() ? max + 1 : Math.nextUp(max));
                JsonNode highest = node(f, max);
                tests.add(dynamicTest(
                        f.path() + " rejects " + aboveMax,
                        () -> assertEquals(List.of(rangeMessage(p, shown(f, aboveMax))), errorsAt(f, aboveMax))));
                tests.add(dynamicTest(f.path() + " accepts " + highest, () -> accepts(f, highest)));
            }
            if (!f.whole()) {
                JsonNode nan = NODES.numberNode(Double.NaN);
                // one message: a value that is not a number is not also reported as out of range
                List<String> expected = p.minExclusive() && p.max() == Double.POSITIVE_INFINITY
                        ? List.of(rangeMessage(p, "NaN"))
                        : List.of("must be a finite number, got NaN");
                tests.add(dynamicTest(f.path() + " rejects NaN", () -> assertEquals(expected, errorsAt(f, nan))));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyRequiredFieldIsRequired() {
        return fields().stream()
                .filter(f -> f.param().required())
                .map(f -> dynamicTest(
                        f.path(), () -> assertEquals(List.of("is required"), errorsAt(f, NODES.nullNode()))));
    }

    @Test
    void everyNumericFieldIsCovered() {
        long numeric = fields().stream().filter(Field::numeric).count();
        assertEquals(
                101, numeric, "numeric fields of the scenario format (the primary and further vendors counted apart)");
        assertTrue(fields().stream().anyMatch(f -> f.path().equals("regulator.hazard.rulemakingWeeks")));
        assertTrue(fields().stream().anyMatch(f -> f.path().equals("domestic.yieldCurve[0].yield")));
    }
}
