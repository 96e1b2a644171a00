package io.gpusim.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioPaths;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.DesignType;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.StudyDefinition;
import io.gpusim.experiment.StudyKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A batch, comparison or sweep as the API asks for it, checked field by field, and the two things made from it: the
 * {@link StudyDefinition} the experiment layer runs, and the {@code gpusim} command line that runs the same study.
 * Every value is turned into the text the command line would carry and read back the way {@code --set} reads it, so
 * the server and the command line see the same scenario.
 *
 * @param set overrides for every cell, path to value text ({@code --set PATH=VALUE})
 * @param a variant A of a comparison (null otherwise); with no overrides it is the scenario as set, which keeps its
 *     own name in the outputs ("base" is reserved for it in requests)
 * @param b variant B of a comparison (null otherwise)
 * @param vary the swept parameters of a sweep, as {@code PATH=lo:hi} or {@code PATH=v1,v2,...} (empty otherwise)
 * @param points grid levels of each swept range
 */
record RunRequest(
        StudyKind kind,
        String scenario,
        Path file,
        Map<String, String> set,
        Variant a,
        Variant b,
        List<String> vary,
        int points,
        int runs,
        long seed) {

    /** One side of a comparison. */
    record Variant(String name, Map<String, String> set) {}

    /** Name of variant A when it changes nothing: what {@code gpusim compare} calls the scenario as it is. */
    static final String BASE = "base";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final int MAX_SWEPT = 2;
    private static final int MAX_LEVELS = 25;
    private static final int MAX_CELLS = 400;

    /** Limits the server puts on one request. */
    record Limits(int maxReplications) {}

    /** Reads a request body of the given kind; every problem is reported together, each naming its field. */
    static RunRequest parse(StudyKind kind, JsonNode body, Catalog catalog, Limits limits) throws ApiException {
        Errors errors = new Errors();
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("", "the request body must be a JSON object");
        }
        Set<String> known = switch (kind) {
            case BATCH -> Set.of("scenario", "set", "runs", "seed");
            case COMPARE -> Set.of("scenario", "set", "runs", "seed", "a", "b");
            case SWEEP -> Set.of("scenario", "set", "runs", "seed", "vary", "points");
        };
        unknownFields(body, known, "", errors);
        String scenario = null;
        Path file = null;
        JsonNode sc = body.get("scenario");
        if (sc == null || !sc.isTextual()) {
            errors.add("scenario", "is required: the file name of a scenario in the scenarios folder");
        } else {
            scenario = sc.asText();
            try {
                file = catalog.file(scenario, "scenario");
            } catch (ApiException e) {
                errors.addAll(e);
            }
        }
        Map<String, String> set = overrides(body.get("set"), "set", errors);
        int runs = whole(body.get("runs"), "runs", null, 1, limits.maxReplications(), errors);
        long seed = seed(body.get("seed"), errors);
        Variant a = null;
        Variant b = null;
        List<String> vary = new ArrayList<>();
        int points = 0;
        if (kind == StudyKind.COMPARE) {
            a = variant(body.get("a"), "a", false, errors);
            b = variant(body.get("b"), "b", true, errors);
            if (a != null && b != null && a.name().equals(b.name())) {
                errors.add("b.name", "the two settings need different names, both are '" + b.name() + "'");
            }
        } else if (kind == StudyKind.SWEEP) {
            points = whole(body.get("points"), "points", 5, 2, MAX_LEVELS, errors);
            vary = vary(body.get("vary"), errors);
        }
        errors.throwIfAny();
        return new RunRequest(kind, scenario, file, set, a, b, vary, points, runs, seed);
    }

    private static void unknownFields(JsonNode node, Set<String> known, String prefix, Errors errors) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                errors.unknown(
                        prefix + n,
                        "unknown field",
                        "expected " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private static Map<String, String> overrides(JsonNode node, String field, Errors errors) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            errors.add(field, "must be an object of scenario paths and values, e.g. {\"regulator.graceDays\": 30}");
            return out;
        }
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = e.getKey();
            String at = field + "." + path;
            try {
                ScenarioPaths.typeOf(path);
            } catch (IllegalArgumentException ex) {
                String[] message = after(ex.getMessage(), path + ": ").split("; (?=known: )", 2);
                errors.unknown(at, message[0], message.length > 1 ? message[1] : null);
                continue;
            }
            String text = valueText(e.getValue(), at, errors);
            if (text != null) {
                try {
                    ScenarioPaths.parseValue(path, text);
                    out.put(path, text);
                } catch (IllegalArgumentException ex) {
                    errors.add(at, after(ex.getMessage(), path + ": "));
                }
            }
        }
        return out;
    }

    /**
     * A value as the command line writes it: text as given (in double quotes when it holds a {@code #} that YAML would
     * take for a comment), numbers in plain notation, true/false.
     */
    static String valueText(JsonNode v, String field, Errors errors) {
        if (v != null && v.isTextual()) {
            String t = v.asText().trim();
            if (t.isEmpty()) {
                errors.add(field, "is empty");
                return null;
            }
            if (t.length() > 200 || t.chars().anyMatch(c -> c < 0x20)) {
                errors.add(field, "is not a single value");
                return null;
            }
            // A JSON string is text whole: quoted where YAML would read the rest of it as a comment.
            return ScenarioPaths.commentStart(t) >= 0 ? TextNode.valueOf(t).toString() : t;
        }
        if (v != null && v.isNumber()) {
            BigDecimal d = v.decimalValue().stripTrailingZeros();
            String plain = d.toPlainString();
            return plain.length() <= 40 ? plain : Double.toString(v.doubleValue());
        }
        if (v != null && v.isBoolean()) {
            return v.asText();
        }
        errors.add(field, "must be a number, a date (YYYY-MM-DD), a word or true/false");
        return null;
    }

    private static Variant variant(JsonNode node, String field, boolean needsChanges, Errors errors) {
        if (node != null && !node.isNull() && !node.isObject()) {
            errors.add(field, "must be an object with a name and set");
            return null;
        }
        if (node != null && node.isObject()) {
            unknownFields(node, Set.of("name", "set"), field + ".", errors);
        }
        Map<String, String> set = overrides(node == null ? null : node.get("set"), field + ".set", errors);
        for (Map.Entry<String, String> e : set.entrySet()) {
            if (e.getValue().contains(",")) {
                errors.add(field + ".set." + e.getKey(), "a value with a comma cannot be given to a variant");
            }
        }
        JsonNode nameNode = node == null ? null : node.get("name");
        String name;
        if (nameNode == null || nameNode.isNull()) {
            name = set.isEmpty() ? BASE : field.toUpperCase(Locale.ROOT);
        } else if (!nameNode.isTextual() || !NAME.matcher(nameNode.asText()).matches()) {
            errors.add(field + ".name", "must be 1 to 40 letters, digits, '_' or '-'");
            return null;
        } else {
            name = nameNode.asText();
        }
        if (set.isEmpty() && !needsChanges && !name.equals(BASE)) {
            errors.add(
                    field + ".name",
                    "with no overrides of its own, " + field.toUpperCase(Locale.ROOT)
                            + " is the scenario as set and is named '" + BASE + "'");
        }
        if (needsChanges && set.isEmpty()) {
            errors.add(field + ".set", "give at least one value that " + field.toUpperCase(Locale.ROOT) + " changes");
        }
        if (needsChanges && name.equals(BASE)) {
            errors.add(field + ".name", "'" + BASE + "' names the scenario as it is; choose another name");
        }
        return new Variant(name, set);
    }

    private static List<String> vary(JsonNode node, Errors errors) {
        List<String> out = new ArrayList<>();
        if (node == null || !node.isArray() || node.isEmpty() || node.size() > MAX_SWEPT) {
            errors.add(
                    "vary",
                    "must list one or two parameters, each {\"path\", \"low\", \"high\"} or {\"path\", \"values\"}");
            return out;
        }
        for (int i = 0; i < node.size(); i++) {
            String field = "vary[" + i + "]";
            JsonNode v = node.get(i);
            if (!v.isObject()) {
                errors.add(field, "must be {\"path\", \"low\", \"high\"} or {\"path\", \"values\"}");
                continue;
            }
            unknownFields(v, Set.of("path", "low", "high", "values"), field + ".", errors);
            JsonNode pathNode = v.get("path");
            if (pathNode == null || !pathNode.isTextual()) {
                errors.add(field + ".path", "is required: a scenario path such as regulator.graceDays");
                continue;
            }
            String path = pathNode.asText();
            try {
                ScenarioPaths.typeOf(path);
            } catch (IllegalArgumentException e) {
                errors.add(field + ".path", after(e.getMessage(), path + ": "));
                continue;
            }
            if (out.stream().anyMatch(s -> s.startsWith(path + "="))) {
                errors.add(field + ".path", "'" + path + "' is swept twice");
                continue;
            }
            String spec;
            if (v.has("values") && (v.has("low") || v.has("high"))) {
                errors.add(field, "give either values or low and high, not both");
                continue;
            }
            if (v.has("values")) {
                JsonNode values = v.get("values");
                if (!values.isArray() || values.isEmpty() || values.size() > MAX_LEVELS) {
                    errors.add(field + ".values", "must list 1 to " + MAX_LEVELS + " values");
                    continue;
                }
                List<String> texts = new ArrayList<>();
                for (int j = 0; j < values.size(); j++) {
                    String t = sweptValue(path, values.get(j), field + ".values[" + j + "]", errors);
                    if (t != null && (t.contains(",") || t.contains(":"))) {
                        errors.add(field + ".values[" + j + "]", "must not contain ',' or ':'");
                    } else if (t != null && texts.contains(t)) {
                        errors.add(field + ".values[" + j + "]", "'" + t + "' is listed twice; list each value once");
                    } else if (t != null) {
                        texts.add(t);
                    }
                }
                if (texts.size() != values.size()) {
                    continue;
                }
                spec = path + "=" + String.join(",", texts);
            } else {
                String lo = sweptValue(path, v.get("low"), field + ".low", errors);
                String hi = sweptValue(path, v.get("high"), field + ".high", errors);
                if (lo == null || hi == null) {
                    continue;
                }
                spec = path + "=" + lo + ":" + hi;
            }
            try {
                Parameter.parse(spec);
                out.add(spec);
            } catch (IllegalArgumentException e) {
                String m = e.getMessage();
                m = after(after(m, "--vary " + spec + ": "), "'" + spec + "': ");
                errors.add(field + (m.startsWith(path + ":") ? ".path" : ""), after(m, path + ": "));
            }
        }
        return out;
    }

    /**
     * A swept value's text, checked as a value of its path (as {@code --vary} checks listed values), so that a bad one
     * is reported at its own field ({@code vary[0].values[1]}, {@code vary[0].low}) rather than at the parameter.
     */
    private static String sweptValue(String path, JsonNode value, String field, Errors errors) {
        String text = valueText(value, field, errors);
        if (text != null) {
            try {
                ScenarioPaths.check(path, ScenarioPaths.parseValue(path, text));
            } catch (IllegalArgumentException e) {
                errors.add(field, after(e.getMessage(), path + ": "));
                return null;
            }
        }
        return text;
    }

    private static int whole(JsonNode node, String field, Integer fallback, int min, int max, Errors errors) {
        if (node == null || node.isNull()) {
            if (fallback == null) {
                errors.add(field, "is required: a whole number from " + min + " to " + max);
                return min;
            }
            return fallback;
        }
        if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            errors.add(field, "must be a whole number from " + min + " to " + max + ", got " + shown(node));
            return min;
        }
        return node.asInt();
    }

    private static long seed(JsonNode node, Errors errors) {
        if (node == null || node.isNull()) {
            return 1L;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.asLong();
        }
        errors.add("seed", "must be a whole number (64-bit), got " + shown(node));
        return 1L;
    }

    private static String shown(JsonNode node) {
        return Catalog.shorten(node.toString());
    }

    private static String after(String message, String prefix) {
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The grid levels of the swept ranges, or null when every swept path lists its values (levels do not apply). */
    private Integer levels() {
        return vary.stream().anyMatch(v -> Parameter.parse(v).isRange()) ? points : null;
    }

    /** The study file's shape of this request: what the experiment layer resolves and runs. */
    StudyDefinition definition() {
        StudyDefinition.DesignSpec design = null;
        List<StudyDefinition.VariantSpec> variants = null;
        if (kind == StudyKind.SWEEP) {
            design = new StudyDefinition.DesignSpec(DesignType.GRID, vary, levels());
        } else if (kind == StudyKind.COMPARE) {
            // An A without changes is the scenario as it is and keeps its own name, as on the command line.
            variants = List.of(
                    a.set().isEmpty()
                            ? new StudyDefinition.VariantSpec(null, null, Map.of())
                            : new StudyDefinition.VariantSpec(a.name(), null, values(a.set())),
                    new StudyDefinition.VariantSpec(b.name(), null, values(b.set())));
        }
        return new StudyDefinition(
                kind.name().toLowerCase(Locale.ROOT),
                List.of(file.toAbsolutePath().normalize().toString()),
                values(set),
                design,
                variants,
                runs,
                seed,
                null,
                null,
                new StudyDefinition.OutputSpec(null, series(), null));
    }

    /** Whether the run records per-step series (for fan charts): batches and comparisons. */
    boolean series() {
        return kind != StudyKind.SWEEP;
    }

    private static Map<String, JsonNode> values(Map<String, String> texts) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        texts.forEach((path, text) -> out.put(path, ScenarioPaths.parseValue(path, text)));
        return out;
    }

    /**
     * Resolves the study as the command line would: every scenario built and checked, with the scenario files it
     * read. Problems come back as 400s naming the request field that caused them where one did ({@code set.PATH},
     * {@code b.set.PATH}, {@code vary}), else the scenario path.
     */
    StudyDefinition.Resolved resolve() throws ApiException {
        try {
            return definition().resolveWithTemplates(file.getParent(), "set");
        } catch (ScenarioException e) {
            List<ApiException.Problem> problems = new ArrayList<>();
            for (ValidationError err : e.errors()) {
                problems.add(new ApiException.Problem(fieldOf(err), err.message()));
            }
            throw new ApiException(400, problems);
        }
    }

    private String fieldOf(ValidationError err) {
        String origin = err.file() == null ? "" : err.file();
        for (String path : set.keySet()) {
            if (origin.startsWith("set " + path + "=")) {
                return "set." + path;
            }
        }
        for (Variant v : a == null ? List.<Variant>of() : List.of(a, b)) {
            for (String path : v.set().keySet()) {
                if (origin.startsWith("variant " + v.name() + " " + path + "=")) {
                    return (v == a ? "a" : "b") + ".set." + path;
                }
            }
        }
        if (origin.startsWith("design point")) {
            return "vary";
        }
        String path = err.path() == null ? "" : err.path();
        if (err.file() == null && path.startsWith("design.")) {
            return path.substring("design.".length()); // the study's design.vary is the request's vary, and so on
        }
        return path.isEmpty() ? "scenario" : path;
    }

    /**
     * The {@code gpusim} command that runs the same study and writes the same numbers, with the scenario file as
     * seen from {@code workingDir}.
     */
    List<String> commandLine(Path workingDir) {
        List<String> cmd = new ArrayList<>();
        cmd.add("gpusim");
        cmd.add(kind.name().toLowerCase(Locale.ROOT));
        cmd.add(shownPath(file, workingDir));
        if (kind == StudyKind.COMPARE) {
            if (!a.set().isEmpty()) {
                cmd.add("--policy");
                cmd.add(policy(a));
            }
            cmd.add("--policy");
            cmd.add(policy(b));
        }
        if (kind == StudyKind.SWEEP) {
            for (String v : vary) {
                cmd.add("--vary");
                cmd.add(v);
            }
            cmd.add("--design");
            cmd.add("grid");
            if (levels() != null) {
                cmd.add("--points");
                cmd.add(Integer.toString(points));
            }
        }
        cmd.add("--runs");
        cmd.add(Integer.toString(runs));
        cmd.add("--seed");
        cmd.add(Long.toString(seed));
        set.forEach((path, text) -> {
            cmd.add("--set");
            cmd.add(path + "=" + text);
        });
        if (series()) {
            // series.csv is written only into an output folder, so the line names one (relative to where it runs)
            cmd.add("--out");
            cmd.add("explorer-" + kind.name().toLowerCase(Locale.ROOT));
            cmd.add("--series");
        }
        return cmd;
    }

    private static String policy(Variant v) {
        List<String> parts = new ArrayList<>();
        v.set().forEach((path, text) -> parts.add(path + "=" + text));
        return v.name() + ":" + String.join(",", parts);
    }

    private static String shownPath(Path file, Path workingDir) {
        Path abs = file.toAbsolutePath().normalize();
        Path wd = workingDir.toAbsolutePath().normalize();
        Path rel = wd.relativize(abs);
        return rel.toString().isEmpty() ? abs.toString() : rel.toString();
    }

    /** A command line as one line for a POSIX shell: arguments quoted where the shell would read them otherwise. */
    static String shellLine(List<String> args) {
        StringBuilder sb = new StringBuilder();
        for (String a : args) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(a.matches("[A-Za-z0-9_./=:,@+%-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    /**
     * Problems gathered while reading a request. Unknown fields are bounded, so that the answer to a request with
     * thousands of them stays small: the first {@value #UNKNOWN_SHOWN} are listed, the rest counted, and the list of
     * known names each would repeat is given once.
     */
    static final class Errors {
        /** Unknown fields listed one by one. */
        static final int UNKNOWN_SHOWN = 5;

        /** Longest unknown name or message about it shown in full. */
        private static final int UNKNOWN_LENGTH = 200;

        private final List<ApiException.Problem> problems = new ArrayList<>();
        private final Set<String> knownShown = new HashSet<>();
        private int unknownShown;
        private int unknownLeftOut;

        void add(String field, String message) {
            problems.add(new ApiException.Problem(field, message));
        }

        /**
         * An unknown field (or scenario path): what is wrong and, the first time a list is given, the names that are
         * known there ({@code known} may be null).
         */
        void unknown(String field, String message, String known) {
            if (unknownShown == UNKNOWN_SHOWN) {
                unknownLeftOut++;
                return;
            }
            unknownShown++;
            String text = Catalog.shorten(message, UNKNOWN_LENGTH);
            if (known != null && knownShown.add(known)) {
                text += "; " + known;
            }
            add(Catalog.shorten(field, UNKNOWN_LENGTH), text);
        }

        void addAll(ApiException e) {
            problems.addAll(e.problems());
        }

        void throwIfAny() throws ApiException {
            if (unknownLeftOut > 0) {
                add("", unknownLeftOut + " more unknown field" + (unknownLeftOut == 1 ? "" : "s") + " not listed");
                unknownLeftOut = 0;
            }
            if (!problems.isEmpty()) {
                throw new ApiException(400, problems);
            }
        }
    }
}
