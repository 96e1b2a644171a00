package io.gpusim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioSchema;
import java.util.Iterator;
import java.util.Map;

/**
 * The inputs the page offers for a scenario, read from the JSON Schema of the scenario format (description, unit,
 * bounds, default, choices) with the scenario's own value: the policy levers (every field of {@code regulator},
 * whether or not the file sets it, so a new instrument in the schema appears by itself) and the scenario's other
 * numeric, date, choice and yes/no fields as it has them (list items by name where they have one).
 */
final class Parameters {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectNode SCHEMA = ScenarioSchema.generate();
    private static final String POLICY = "regulator";

    private Parameters() {}

    /** The schema the descriptions come from. */
    static ObjectNode schema() {
        return SCHEMA.deepCopy();
    }

    /** The policy levers of a scenario: every field under {@code regulator}. */
    static ArrayNode levers(Scenario scenario) {
        ArrayNode out = NODES.arrayNode();
        JsonNode values = ScenarioLoader.jsonMapper().valueToTree(scenario).path(POLICY);
        walkSchema(SCHEMA.path("properties").path(POLICY), POLICY, values, out);
        return grouped(out);
    }

    /** The scenario's other parameters, as it sets them (everything outside {@code regulator}). */
    static ArrayNode others(Scenario scenario) {
        ArrayNode out = NODES.arrayNode();
        JsonNode tree = ScenarioLoader.jsonMapper().valueToTree(scenario);
        Iterator<Map.Entry<String, JsonNode>> fields = tree.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (!f.getKey().equals(POLICY)) {
                walkTree(f.getValue(), SCHEMA.path("properties").path(f.getKey()), f.getKey(), out);
            }
        }
        return out;
    }

    /** The same inputs with each group's together, groups in order of first appearance (stable). */
    private static ArrayNode grouped(ArrayNode in) {
        java.util.List<String> order = new java.util.ArrayList<>();
        in.forEach(p -> {
            if (!order.contains(p.get("group").asText())) {
                order.add(p.get("group").asText());
            }
        });
        ArrayNode out = NODES.arrayNode();
        for (String g : order) {
            in.forEach(p -> {
                if (p.get("group").asText().equals(g)) {
                    out.add(p);
                }
            });
        }
        return out;
    }

    private static void walkSchema(JsonNode schema, String path, JsonNode value, ArrayNode out) {
        Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields();
        while (props.hasNext()) {
            Map.Entry<String, JsonNode> p = props.next();
            String at = path + "." + p.getKey();
            JsonNode s = p.getValue();
            JsonNode v = value == null ? null : value.get(p.getKey());
            if ("object".equals(s.path("type").asText())) {
                walkSchema(s, at, v, out);
            } else if (!"array".equals(s.path("type").asText())) {
                out.add(describe(at, s, v));
            }
        }
    }

    private static void walkTree(JsonNode value, JsonNode schema, String path, ArrayNode out) {
        if (value == null || value.isNull() || schema.isMissingNode()) {
            return;
        }
        if (value.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                walkTree(f.getValue(), schema.path("properties").path(f.getKey()), path + "." + f.getKey(), out);
            }
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                JsonNode item = value.get(i);
                String name = item.path("name").asText("");
                String selector = name.matches("[A-Za-z0-9_-]+") ? name : Integer.toString(i);
                walkTree(item, schema.path("items"), path + "[" + selector + "]", out);
            }
        } else if (!kind(schema).equals("string")) {
            out.add(describe(path, schema, value));
        }
    }

    /** One input: its path, group, kind, description, unit, bounds, default, choices and current value. */
    private static ObjectNode describe(String path, JsonNode schema, JsonNode value) {
        ObjectNode p = NODES.objectNode();
        p.put("path", path);
        String[] parts = path.split("\\.");
        p.put("group", parts.length > 2 ? parts[1] : parts.length == 2 && parts[0].equals(POLICY) ? "ban" : parts[0]);
        p.put("type", kind(schema));
        p.put("description", schema.path("description").asText(""));
        p.put("unit", schema.path("x-unit").asText(""));
        if (schema.has("minimum")) {
            p.set("minimum", schema.get("minimum"));
        }
        if (schema.has("exclusiveMinimum")) {
            p.set("minimum", schema.get("exclusiveMinimum"));
            p.put("exclusive_minimum", true);
        }
        if (schema.has("maximum")) {
            p.set("maximum", schema.get("maximum"));
        }
        if (schema.has("default")) {
            p.set("default", schema.get("default"));
        }
        if (schema.has("enum")) {
            p.set("choices", schema.get("enum"));
        }
        p.set("value", value == null || value.isNull() ? NODES.nullNode() : value);
        return p;
    }

    /** number, integer, date, choice, boolean or string. */
    private static String kind(JsonNode schema) {
        if (schema.has("enum")) {
            return "choice";
        }
        if ("date".equals(schema.path("format").asText())) {
            return "date";
        }
        String type = schema.path("type").asText("string");
        return type.equals("number") || type.equals("integer") || type.equals("boolean") ? type : "string";
    }
}
