package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpusim.core.scenario.DeclaredRangesTest.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The schema carries the same declarations the validator checks, and the shipped scenarios satisfy it. */
class ScenarioSchemaTest {
    /** Generated for each test rather than once, so that every test sees the generator as it is when it runs. */
    private final ObjectNode generated = ScenarioSchema.generate();

    private static final Path SCENARIOS = Path.of("..", "scenarios");

    /** The schema of the field at a path such as {@code hyperscalers[0].minLeadWeeks}. */
    private JsonNode at(String path) {
        JsonNode node = generated;
        for (String part : path.split("\\.")) {
            boolean item = part.endsWith("[0]");
            node = node.get("properties").get(item ? part.substring(0, part.length() - 3) : part);
            if (item) {
                node = node.get("items");
            }
        }
        return node;
    }

    @Test
    void boundsOfSomeFieldsAreTheDeclaredOnes() {
        JsonNode step = at("simulation.stepDays");
        assertEquals(1, step.get("minimum").intValue());
        assertTrue(step.get("minimum").isInt());
        assertEquals(91, step.get("maximum").intValue());
        assertEquals(7, step.get("default").intValue());
        assertEquals("days", step.get("x-unit").asText());

        JsonNode perf = at("products[0].relativePerformance");
        assertEquals(0.0, perf.get("exclusiveMinimum").doubleValue());
        assertNull(perf.get("minimum"));
        assertEquals(100.0, perf.get("maximum").doubleValue());

        JsonNode effect = at("demandShocks[0].effect");
        assertEquals(-0.95, effect.get("minimum").doubleValue());
        assertEquals(10.0, effect.get("maximum").doubleValue());

        JsonNode tpp = at("regulator.thresholds.maxTpp");
        assertEquals(0.0, tpp.get("exclusiveMinimum").doubleValue());
        assertNull(tpp.get("maximum"));

        JsonNode budget = at("hyperscalers[0].budgetUsdPerYear");
        assertEquals(1e13, budget.get("maximum").doubleValue());
        assertEquals("USD", budget.get("x-unit").asText());
        assertEquals(
                "cap on order value committed over any 52 weeks (vendor and domestic)",
                budget.get("description").asText());
    }

    @Test
    void everyFieldCarriesItsDeclaration() {
        for (Field f : DeclaredRangesTest.fields()) {
            Param p = f.param();
            JsonNode s = at(f.path());
            assertEquals(p.description(), s.get("description").asText(), f.path());
            assertEquals(
                    p.unit().isEmpty() ? null : p.unit(),
                    s.has("x-unit") ? s.get("x-unit").asText() : null,
                    f.path());
            String lower = p.minExclusive() ? "exclusiveMinimum" : "minimum";
            String other = p.minExclusive() ? "minimum" : "exclusiveMinimum";
            assertFalse(s.has(other), f.path());
            if (p.min() == Double.NEGATIVE_INFINITY) {
                assertFalse(s.has(lower), f.path());
            } else {
                assertEquals(p.min(), s.get(lower).doubleValue(), f.path());
                assertEquals(f.whole(), s.get(lower).isIntegralNumber(), f.path());
            }
            if (p.max() == Double.POSITIVE_INFINITY) {
                assertFalse(s.has("maximum"), f.path());
            } else {
                assertEquals(p.max(), s.get("maximum").doubleValue(), f.path());
            }
            assertEquals(!p.defaultValue().isEmpty(), s.has("default"), f.path());
        }
    }

    @Test
    void defaultsHaveTheFieldsTypes() {
        assertEquals("NONE", at("regulator.mode").get("default").textValue());
        assertEquals(0, at("regulator.graceDays").get("default").intValue());
        assertTrue(at("regulator.history").get("default").isArray());
        assertTrue(at("hyperscalers[0].anticipation").get("default").booleanValue());
        assertEquals("PROPORTIONAL", at("vendor.allocation").get("default").textValue());
        assertEquals(1, at("demandShocks[0].rampWeeks").get("default").intValue());
        assertEquals(1, at("demandShocks[0].buyers").get("minItems").intValue(), "an empty list is an error");
        assertEquals(1, at("regulator.banProducts").get("minItems").intValue());
        assertFalse(at("regulator.history").has("minItems"), "no history is no history");
    }

    @Test
    void requiredFieldsAreRequiredOfFilesThatExtendNothing() {
        assertEquals(List.of("extends"), texts(generated.get("if").get("required")));
        assertEquals("#/$defs/standalone", generated.get("else").get("$ref").asText());
        JsonNode standalone = generated.get("$defs").get("standalone");
        assertEquals(
                List.of("name", "simulation", "products", "beliefs", "hyperscalers", "vendor", "regulator", "domestic"),
                texts(standalone.get("required")));
        assertEquals(
                List.of("startDate", "endDate"),
                texts(standalone.get("properties").get("simulation").get("required")));
        JsonNode buyerItem = standalone.get("properties").get("hyperscalers").get("items");
        List<String> buyer = texts(buyerItem.get("else").get("required"));
        assertTrue(buyer.contains("demandUnitsPerWeek") && !buyer.contains("anticipation"), buyer.toString());
        assertEquals(List.of("like"), texts(buyerItem.get("if").get("required")), "a buyer like another");
        assertEquals(List.of("name"), texts(buyerItem.get("then").get("required")), "needs only its name");
        assertEquals(
                List.of("probability", "afterDays"),
                texts(standalone
                        .get("properties")
                        .get("regulator")
                        .get("properties")
                        .get("reversal")
                        .get("required")));
        assertFalse(
                standalone.get("properties").get("regulator").get("properties").has("hazard"),
                "a hazard block is required only in HAZARD mode, which the validator checks");
        for (Field f : DeclaredRangesTest.fields()) {
            if (!f.path().startsWith("regulator.hazard.") && !f.path().startsWith("regulator.thresholds.")) {
                assertEquals(f.param().required(), requiredIn(standalone, f.path()), f.path());
            }
        }
    }

    private static boolean requiredIn(JsonNode skeleton, String path) {
        JsonNode node = skeleton;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            boolean item = parts[i].endsWith("[0]");
            node = node.path("properties").path(item ? parts[i].substring(0, parts[i].length() - 3) : parts[i]);
            if (item) {
                node = node.path("items");
                // Items that may be made like another: what is required of one that is not.
                node = node.has("else") ? node.path("else") : node;
            }
        }
        return texts(node.path("required")).contains(parts[parts.length - 1]);
    }

    @Test
    void objectsAcceptOnlyTheirFieldsAndExtendsIsDescribed() {
        assertFalse(generated.get("additionalProperties").asBoolean());
        assertFalse(at("regulator.leak").get("additionalProperties").asBoolean());
        assertFalse(at("domestic.roadmap[0]").get("additionalProperties").asBoolean());
        assertEquals(
                "string",
                generated
                        .get("properties")
                        .get(ScenarioLoader.EXTENDS)
                        .get("type")
                        .asText());
        assertTrue(at("regulator.mode").get("enum").toString().contains("THRESHOLD"));
        for (String list : new String[] {"products[0]", "hyperscalers[0]", "demandShocks[0]"}) {
            assertEquals(
                    "string", at(list).get("properties").get("like").get("type").asText(), list);
        }
        assertFalse(at("domestic.roadmap[0]").get("properties").has("like"), "roadmap entries have no names");
    }

    @Test
    void behaviouralBuyerFieldsHaveDocumentedDefaults() {
        assertEquals(
                0.5, at("hyperscalers[0].shortageCostMultiple").get("default").doubleValue());
        assertEquals(4, at("hyperscalers[0].minLeadWeeks").get("default").intValue());
        assertEquals("weeks", at("hyperscalers[0].minLeadWeeks").get("x-unit").asText());
        assertFalse(at("hyperscalers[0].demandUnitsPerWeek").has("default"), "demand has no default");
    }

    @Test
    void everyShippedScenarioSatisfiesTheSchema() throws Exception {
        try (var files = Files.list(SCENARIOS)) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().startsWith("targets-"))
                    .sorted()
                    .toList();
            assertTrue(yamls.size() >= 5, yamls.toString());
            for (Path p : yamls) {
                JsonNode tree = ScenarioLoader.readTree(Files.readString(p), p.toString(), new HashMap<>());
                List<String> problems = new ArrayList<>();
                check(generated, tree, "", problems);
                assertEquals(List.of(), problems, p.toString());
            }
        }
    }

    @Test
    void theCheckBelowFindsWhatTheSchemaForbids() {
        ObjectNode tree = (ObjectNode) ScenarioPaths.parseValue(
                "t",
                "{name: x, simulation: {stepDays: 0}, "
                        + "hyperscalers: [{minLeadWeeks: 1.5, holdingCostPerYear: 0}], regulator: {mode: SOMETIMES}, "
                        + "nonsense: 1}");
        List<String> problems = new ArrayList<>();
        check(generated, tree, "", problems);
        assertTrue(
                problems.containsAll(List.of(
                        "simulation.stepDays: below 1",
                        "simulation: startDate missing",
                        "hyperscalers[0].minLeadWeeks: not integer",
                        "hyperscalers[0].holdingCostPerYear: not above 0.0",
                        "regulator.mode: not one of [\"NONE\",\"DATE\",\"HAZARD\",\"THRESHOLD\"]",
                        "nonsense: not allowed",
                        "vendor missing")),
                problems.toString());
        tree.put("extends", "base.yaml");
        problems.clear();
        check(generated, tree, "", problems);
        assertFalse(problems.stream().anyMatch(s -> s.contains("missing")), problems.toString());
    }

    /** Checks a tree against the keywords the generated schema uses. */
    private void check(JsonNode schema, JsonNode value, String path, List<String> problems) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/$defs/".length());
            check(generated.get("$defs").get(name), value, path, problems);
        }
        if (schema.has("if")) {
            List<String> conditionProblems = new ArrayList<>();
            check(schema.get("if"), value, path, conditionProblems);
            JsonNode branch = conditionProblems.isEmpty() ? schema.get("then") : schema.get("else");
            if (branch != null) {
                check(branch, value, path, problems);
            }
        }
        String where = path.isEmpty() ? "" : path + ": ";
        String type = schema.path("type").asText("");
        switch (type) {
            case "number", "integer" -> {
                if (!value.isNumber()) {
                    problems.add(where + "not a number");
                    return;
                }
                if (type.equals("integer") && !value.isIntegralNumber()) {
                    problems.add(where + "not integer");
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(where + "not a string");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(where + "not a boolean");
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(where + "not an array");
                    return;
                }
            }
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(where + "not an object");
                    return;
                }
            }
            default -> {}
        }
        if (value.isNumber()) {
            double v = value.doubleValue();
            if (schema.has("minimum") && v < schema.get("minimum").doubleValue()) {
                problems.add(where + "below " + schema.get("minimum"));
            }
            if (schema.has("exclusiveMinimum")
                    && v <= schema.get("exclusiveMinimum").doubleValue()) {
                problems.add(where + "not above " + schema.get("exclusiveMinimum"));
            }
            if (schema.has("maximum") && v > schema.get("maximum").doubleValue()) {
                problems.add(where + "above " + schema.get("maximum"));
            }
        }
        if (schema.has("enum")
                && !StreamSupport.stream(schema.get("enum").spliterator(), false)
                        .anyMatch(value::equals)) {
            problems.add(where + "not one of " + schema.get("enum"));
        }
        if (value.isObject()) {
            for (String name : texts(schema.path("required"))) {
                if (!value.has(name)) {
                    problems.add(where + name + " missing");
                }
            }
            JsonNode props = schema.path("properties");
            for (Map.Entry<String, JsonNode> e : value.properties()) {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (props.has(e.getKey())) {
                    check(props.get(e.getKey()), e.getValue(), p, problems);
                } else if (schema.has("additionalProperties")
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(p + ": not allowed");
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(schema.get("items"), value.get(i), path + "[" + i + "]", problems);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
