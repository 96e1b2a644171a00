package io.gpusim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Field paths into a scenario, such as {@code regulator.banDate}, {@code hyperscalers[1].budgetUsdPerYear} or
 * {@code hyperscalers[Tencent].anticipation} (a list item selected by its {@code name}). A path is checked against
 * the scenario types, so a misspelt field is an error even where the file leaves the field out; setting a value
 * writes it into a scenario tree, which is then bound and validated like a file.
 */
public final class ScenarioPaths {
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[([^\\]]+)\\])?");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScenarioPaths() {}

    /** What a path leads to: its Java type (a record, list, enum, number, boolean, string or date). */
    public static Class<?> typeOf(String path) {
        return resolve(path).type;
    }

    /**
     * Whether the path leads to a whole-number field, where a value such as {@code 7.5} is an error rather than a
     * value to round.
     */
    public static boolean isWhole(String path) {
        Class<?> type = typeOf(path);
        return type == Integer.class || type == int.class || type == Long.class || type == long.class;
    }

    /**
     * Checks a value for a path as a scenario file's value there is checked (a whole number where the field is one,
     * a date where it is a date, and so on), before it is set.
     *
     * @throws IllegalArgumentException naming the path (or the field under it) and the value, for the first problem
     */
    public static void check(String path, JsonNode value) {
        Resolved r = resolve(path);
        List<ValidationError> problems = TypeCheck.check(value, r.generic);
        if (!problems.isEmpty()) {
            ValidationError first = problems.get(0);
            String under = first.path();
            String at = under.isEmpty() ? path : under.startsWith("[") ? path + under : path + "." + under;
            throw new IllegalArgumentException(at + ": " + first.message());
        }
    }

    /**
     * Sets {@code value} (YAML scalar text, or a YAML list/mapping) at {@code path} in {@code tree}, creating
     * missing intermediate mappings. The value is not converted: a fractional number for a whole-number field is
     * left as it is, for the type check that binds the tree to report, as it does for a file.
     *
     * @throws IllegalArgumentException with a one-line message when the path or value is not usable
     */
    public static String set(ObjectNode tree, String path, String value) {
        return set(tree, path, parseValue(path, value));
    }

    /**
     * Sets an already-parsed value at a path (see {@link #set(ObjectNode, String, String)}) and returns the path with
     * list items selected by name written as their index ({@code hyperscalers[2].anticipation}), as errors name it.
     */
    public static String set(ObjectNode tree, String path, JsonNode value) {
        Resolved r = resolve(path);
        if (r.type == LocalDate.class && value.isNumber()) {
            // The binder would read the number as days since 1970.
            throw new IllegalArgumentException(path + ": expected a date (YYYY-MM-DD), got " + value);
        }
        JsonNode node = tree;
        List<Segment> segs = r.segments;
        StringBuilder at = new StringBuilder();
        for (int i = 0; i < segs.size(); i++) {
            Segment seg = segs.get(i);
            boolean last = i == segs.size() - 1 && seg.selector == null;
            ObjectNode obj = (ObjectNode) node;
            at.append(i == 0 ? "" : ".").append(seg.field);
            if (last) {
                obj.set(seg.field, value);
                return at.toString();
            }
            JsonNode child = obj.get(seg.field);
            if (seg.selector == null) {
                if (child == null || !child.isObject()) {
                    child = obj.putObject(seg.field);
                }
                node = child;
                continue;
            }
            if (child == null || !child.isArray()) {
                throw new IllegalArgumentException(prefix(segs, i) + " is not a list in this scenario");
            }
            ArrayNode array = (ArrayNode) child;
            int index = indexOf(array, seg.selector, prefix(segs, i));
            at.append('[').append(index).append(']');
            if (i == segs.size() - 1) {
                array.set(index, value);
                return at.toString();
            }
            node = array.get(index);
            if (!node.isObject()) {
                throw new IllegalArgumentException(prefix(segs, i) + "[" + seg.selector + "] is not a mapping");
            }
        }
        return at.toString();
    }

    /** Parses override text as YAML (so {@code 2e10}, {@code true}, {@code 2025-06-01}, {@code [a, b]} all work). */
    public static JsonNode parseValue(String path, String text) {
        int comment = commentStart(text);
        if (comment >= 0) {
            throw new IllegalArgumentException(path + ": in '" + text + "', '#' starts a YAML comment, so '"
                    + text.substring(comment) + "' would be dropped; quote the value to keep it ('\"...\"')");
        }
        // Read as a scenario file's value is, with the same refusals (aliases, numbers in another base, a second
        // document).
        try {
            JsonNode node = ScenarioLoader.readTree(text.isEmpty() ? "''" : text, path, new java.util.HashMap<>());
            return node.isMissingNode() ? NODES.nullNode() : node;
        } catch (ScenarioException e) {
            String why = e.errors().get(0).message();
            throw new IllegalArgumentException(path + ": cannot read value '" + text + "' ("
                    + (why.startsWith("syntax error") ? "not valid YAML" : why) + ")");
        }
    }

    /**
     * Where a YAML comment starts in a value's text (a {@code #} at the start or after a space or tab, outside
     * quotes), or -1: one value on its own has no room for a comment, so one there is a value cut short.
     */
    public static int commentStart(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == '"' && c == '\\') {
                i++; // an escaped character inside double quotes
            } else if (quote != 0) {
                if (c == '\'' && quote == '\'' && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    i++; // a doubled '' inside single quotes is one quote character
                } else if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '\'' || c == '"') && startsScalar(text, i)) {
                quote = c; // a quote inside a plain value (Huawei's) is just a character
            } else if (c == '#' && (i == 0 || text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
                return i;
            }
        }
        return -1;
    }

    /** Whether position {@code i} starts a value: the text's start, or after {@code [ { , :} or {@code -} and spaces. */
    private static boolean startsScalar(String text, int i) {
        int j = i - 1;
        while (j >= 0 && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
            j--;
        }
        return j < 0 || "[{,:-".indexOf(text.charAt(j)) >= 0;
    }

    private static int indexOf(ArrayNode array, String selector, String where) {
        if (selector.chars().allMatch(Character::isDigit)) {
            if (selector.length() > 9 || Integer.parseInt(selector) >= array.size()) {
                throw new IllegalArgumentException(
                        where + "[" + selector + "]: the list has " + array.size() + " items");
            }
            return Integer.parseInt(selector);
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode name = array.get(i).get("name");
            if (name != null && selector.equals(name.asText())) {
                return i;
            }
            if (name != null && name.isTextual()) {
                names.add(name.asText());
            }
        }
        throw new IllegalArgumentException(where + "[" + selector + "]: " + noItem(selector, names));
    }

    /**
     * "no item named 'Tencnet'; did you mean 'Tencent'?", or with every name when none is near: what to say of a
     * name that selects no item of a named list.
     */
    public static String noItem(String name, List<String> names) {
        String near = Spelling.closest(name, names);
        if (near != null) {
            return "no item named '" + name + "'; did you mean '" + near + "'?";
        }
        return "no item named '" + name + "'"
                + (names.isEmpty() ? "; the list is empty" : "; items: " + String.join(", ", names));
    }

    private static String prefix(List<Segment> segs, int upTo) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i <= upTo; i++) {
            if (i > 0) {
                sb.append('.');
            }
            sb.append(segs.get(i).field);
        }
        return sb.toString();
    }

    private record Segment(String field, String selector) {}

    private record Resolved(List<Segment> segments, Class<?> type, Type generic) {}

    private static Resolved resolve(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("empty path");
        }
        List<Segment> segments = new ArrayList<>();
        Class<?> type = Scenario.class;
        Type generic = Scenario.class;
        String done = "";
        for (String part : path.split("\\.", -1)) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException(path + ": '" + part + "' is not a field name");
            }
            String field = m.group(1);
            if (!type.isRecord()) {
                throw new IllegalArgumentException(
                        path + ": " + (done.isEmpty() ? "scenario" : done) + " has no fields");
            }
            RecordField component = RecordField.named(type, field);
            if (component == null) {
                String near = Spelling.closest(field, RecordField.names(type));
                throw new IllegalArgumentException(path + ": no field '" + field + "' in "
                        + (done.isEmpty() ? "the scenario" : done)
                        + (near != null ? "; did you mean '" + near + "'?" : "; known: " + knownFields(type)));
            }
            Class<?> next = component.type();
            generic = component.genericType();
            if (m.group(2) != null) {
                if (next != List.class) {
                    throw new IllegalArgumentException(path + ": " + field + " is not a list");
                }
                next = elementType(generic);
                generic = next;
            }
            segments.add(new Segment(field, m.group(2)));
            type = next;
            done = done.isEmpty() ? field : done + "." + field;
        }
        return new Resolved(segments, type, generic);
    }

    private static String knownFields(Class<?> type) {
        return type.isRecord() ? String.join(", ", RecordField.names(type)) : "none";
    }

    private static Class<?> elementType(Type generic) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }
}
