package io.gpusim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merging of scenario trees, used by {@code extends:} and {@code like:}. Objects merge key by key; a list whose items
 * all carry a {@code name} merges item by item on that name (unknown names are appended); any other value replaces
 * the base.
 */
public final class ScenarioTrees {
    /** The field of a list item naming another item of the same list to start from. */
    public static final String LIKE = "like";

    private ScenarioTrees() {}

    /**
     * Resolves {@code like: OTHER} in the items of the tree's lists: such an item starts as a copy of the item named
     * {@code OTHER} in the same list (itself resolved first), and its own fields are merged over the copy; the
     * {@code like} field is removed. An item copied this way gets the copy's values as they stand in the file (with
     * {@code extends:} applied), not values set later by overrides.
     *
     * @return the problems, each with the path of the {@code like} field at fault; empty when all resolved
     */
    public static List<ValidationError> resolveLike(JsonNode tree) {
        List<ValidationError> errors = new ArrayList<>();
        resolveLike(tree, "", errors);
        return errors;
    }

    private static void resolveLike(JsonNode node, String path, List<ValidationError> errors) {
        if (node instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                resolveLike(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), errors);
            }
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                resolveItem(a, i, path, new ArrayList<>(), errors);
            }
            for (int i = 0; i < a.size(); i++) {
                resolveLike(a.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    /** Resolves item {@code i} of a list; {@code chain} holds the items being resolved, to find cycles. */
    private static void resolveItem(
            ArrayNode list, int i, String path, List<Integer> chain, List<ValidationError> errors) {
        if (!(list.get(i) instanceof ObjectNode item) || !item.has(LIKE)) {
            return;
        }
        String at = path + "[" + i + "]." + LIKE;
        JsonNode like = item.get(LIKE);
        if (!like.isTextual() || like.asText().isBlank()) {
            errors.add(new ValidationError(null, 0, 0, at, "must be the name of another item of " + path));
            item.remove(LIKE);
            return;
        }
        String name = like.asText();
        if (chain.contains(i)) {
            errors.add(new ValidationError(null, 0, 0, at, "like forms a cycle through '" + name + "'"));
            item.remove(LIKE);
            return;
        }
        List<String> names = new ArrayList<>();
        int source = -1;
        for (int j = 0; j < list.size(); j++) {
            JsonNode n = list.get(j).get("name");
            if (n != null && n.isTextual()) {
                names.add(n.asText());
                if (j != i && source < 0 && n.asText().equals(name)) {
                    source = j;
                }
            }
        }
        if (source < 0) {
            JsonNode own = item.get("name");
            boolean self = own != null && name.equals(own.asText());
            errors.add(new ValidationError(
                    null,
                    0,
                    0,
                    at,
                    self
                            ? "an item cannot be like itself; name another item of " + path
                            : ScenarioPaths.noItem(name, names) + " in " + path));
            item.remove(LIKE);
            return;
        }
        chain.add(i);
        resolveItem(list, source, path, chain, errors);
        chain.remove(chain.size() - 1);
        ObjectNode own = item.deepCopy();
        own.remove(LIKE);
        if (!own.has("name")) {
            errors.add(new ValidationError(
                    null, 0, 0, path + "[" + i + "]", "an item made like '" + name + "' needs a name of its own"));
        }
        list.set(i, merge(list.get(source), own));
    }

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

    /**
     * Calls {@code replaced} with the path of every value in {@code override} that {@link #merge} puts in place of
     * the base's value rather than merging into it (a number or text, an unnamed list, a different kind of value),
     * where the base had one; {@code path} is the path of the two nodes ("" at the top).
     */
    public static void replacedPaths(
            JsonNode base, JsonNode override, String path, java.util.function.Consumer<String> replaced) {
        walkMerge(base, override, path, replaced, (listPath, baseList, list) -> {});
    }

    /**
     * What {@link #merge} would get wrong without a word in the lists of {@code override} that it merges into the
     * base's by name: an item that repeats the name of an earlier item of the same list (merged, the later would be
     * folded into the earlier), and {@code like:} on an item the base already has ({@code like} copies an item to
     * make a new one; on an item merged into the base's, the item's own values would hide the copied ones). Each error
     * is at the field at fault, by its path in {@code override} (the lists of named items are top-level fields of a
     * scenario).
     */
    public static List<ValidationError> mergeErrors(JsonNode base, JsonNode override) {
        List<ValidationError> errors = new ArrayList<>();
        walkMerge(base, override, "", replaced -> {}, (path, baseList, list) -> {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String name = list.get(i).get("name").asText();
                String at = path + "[" + i + "]";
                if (!seen.add(name)) {
                    errors.add(new ValidationError(
                            null, 0, 0, at + ".name", "duplicate " + itemKind(path) + " name '" + name + "'"));
                } else if (list.get(i).has(LIKE) && indexOfName(baseList, name) >= 0) {
                    errors.add(new ValidationError(
                            null,
                            0,
                            0,
                            at + "." + LIKE,
                            "like copies an item to make a new one, and '" + name + "' is already in the base file; "
                                    + "write only the fields to change, without like"));
                }
            }
        });
        return errors;
    }

    /**
     * What an item of a list is called: "product" in {@code products}, "demand shock" in {@code demandShocks}, as
     * the scenario's own messages call them.
     */
    private static String itemKind(String listPath) {
        String field = listPath.substring(listPath.lastIndexOf('.') + 1);
        String singular = field.endsWith("s") ? field.substring(0, field.length() - 1) : field;
        return singular.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Walks {@code override} over {@code base} the way {@link #merge} does: {@code replaced} gets the path of each
     * value that replaces the base's, {@code mergedList} each list of {@code override} that is merged into the base's
     * by name.
     */
    private static void walkMerge(
            JsonNode base,
            JsonNode override,
            String path,
            java.util.function.Consumer<String> replaced,
            MergedList mergedList) {
        if (base instanceof ObjectNode b && override instanceof ObjectNode o) {
            Iterator<Map.Entry<String, JsonNode>> fields = o.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                JsonNode existing = b.get(f.getKey());
                if (existing != null) {
                    walkMerge(
                            existing,
                            f.getValue(),
                            path.isEmpty() ? f.getKey() : path + "." + f.getKey(),
                            replaced,
                            mergedList);
                }
            }
        } else if (base instanceof ArrayNode b && override instanceof ArrayNode o && named(b) && named(o)) {
            mergedList.accept(path, b, o);
            for (JsonNode item : o) {
                int at = indexOfName(b, item.get("name").asText());
                if (at >= 0) {
                    walkMerge(b.get(at), item, path + "[" + at + "]", replaced, mergedList);
                }
            }
        } else {
            replaced.accept(path);
        }
    }

    /** A list of a file merged by name into the base's list of the same path. */
    private interface MergedList {
        void accept(String path, ArrayNode base, ArrayNode override);
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
