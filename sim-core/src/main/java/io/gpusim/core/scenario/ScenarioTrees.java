package io.gpusim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merging of scenario trees, used by {@code extends:}. Objects merge key by key; a list whose items all carry a
 * {@code name} merges item by item on that name (unknown names are appended); any other value replaces the base.
 */
public final class ScenarioTrees {
    private ScenarioTrees() {}

    /** Returns {@code base} with {@code override} merged into it (both are left unchanged). */
    public static JsonNode merge(JsonNode base, JsonNode override) {
        if (base instanceof ObjectNode b && override instanceof ObjectNode o) {
            ObjectNode out = b.deepCopy();
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode existing = out.get(f.getKey());
                out.set(f.getKey(), existing == null ? f.getValue().deepCopy() : merge(existing, f.getValue()));
            }
            return out;
        }
        if (base instanceof ArrayNode b && override instanceof ArrayNode o && named(b) && named(o)) {
            ArrayNode out = b.deepCopy();
            for (JsonNode item : o) {
                int at = indexOfName(out, item.get("name").asText());
                if (at < 0) {
                    out.add(item.deepCopy());
                } else {
                    out.set(at, merge(out.get(at), item));
                }
            }
            return out;
        }
        return override.deepCopy();
    }

    private static boolean named(ArrayNode array) {
        if (array.isEmpty()) {
            return false;
        }
        for (JsonNode item : array) {
            if (!item.isObject()
                    || !item.hasNonNull("name")
                    || !item.get("name").isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfName(ArrayNode array, String name) {
        for (int i = 0; i < array.size(); i++) {
            if (name.equals(array.get(i).get("name").asText())) {
                return i;
            }
        }
        return -1;
    }
}
