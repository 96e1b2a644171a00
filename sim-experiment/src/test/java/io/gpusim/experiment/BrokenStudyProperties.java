package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioPaths;
import io.gpusim.core.scenario.ValidationError;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Broken study and targets files: empty, a single value or a list; a value of the wrong type at any field of a
 * valid file; bytes that are not UTF-8 anywhere; junk in place of any value. Each is refused with clean one-line
 * errors naming the file, and a wrong type is refused at the field it was put in.
 */
class BrokenStudyProperties {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BASELINE =
            Path.of("..", "scenarios", "h20-2025.yaml").toAbsolutePath().toString();
    /** A study using every kind of field a study file has (a design, overrides, output) and valid as it is. */
    static final String STUDY = "name: broken\n"
            + "scenarios:\n  - " + BASELINE + "\n"
            + "set:\n  regulator.leak.leadDays: 70\n  hyperscalers[Tencent].anticipation: false\n"
            + "design:\n  type: grid\n  vary:\n    - regulator.banDate=2025-01-01,2025-04-09\n    - beliefs.leakWeight=1:4\n"
            + "  points: 2\n"
            + "runs: 3\nseed: 7\nthreads: 1\n"
            + "output:\n  dir: out\n  series: true\n  seriesRuns: 10\n";

    static final String TARGETS;

    static {
        try {
            TARGETS = Files.readString(Path.of("..", "scenarios", "targets-h20-2025.yaml"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = Files.createTempDirectory("broken").resolve(name);
        Files.write(file, bytes);
        return file;
    }

    /** Loads (and for a study resolves) a file: it may succeed, or fail only with clean errors. */
    private static ScenarioException answer(Path file, boolean study) {
        try {
            if (study) {
                StudyDefinition.Loaded loaded = StudyDefinition.load(file);
                try {
                    loaded.definition().resolve(file.getParent(), file + ": set");
                } catch (ScenarioException e) {
                    // as the study command reports them: a problem with a field of the file, at that field
                    throw new ScenarioException(e.errors().stream()
                            .map(v -> v.file() == null ? loaded.locate(v) : v)
                            .toList());
                }
            } else {
                CalibrationTargets.load(file);
            }
            return null;
        } catch (ScenarioException e) {
            for (ValidationError err : e.errors()) {
                String line = err.toString();
                assertFalse(err.message().isBlank(), line);
                assertFalse(line.contains("\n") || line.contains("\r"), "one line per error: " + line);
                assertFalse(
                        err.message().contains("java.")
                                || err.message().contains("Exception")
                                || err.message().contains("`")
                                || err.message().contains("Cannot deserialize"),
                        "in the user's terms: " + line);
                assertTrue(err.file() != null && !err.file().isEmpty(), "names a file or an origin: " + line);
            }
            assertFalse(e.errors().isEmpty());
            return e;
        } catch (RuntimeException e) {
            fail("threw " + e + " for " + file, e);
            return null;
        }
    }

    @Property(tries = 1)
    void theUnbrokenFilesLoad() throws Exception {
        assertEquals(null, answer(write("study.yaml", STUDY.getBytes(StandardCharsets.UTF_8)), true));
        assertEquals(null, answer(write("targets.yaml", TARGETS.getBytes(StandardCharsets.UTF_8)), false));
    }

    // Document shapes -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> notMappings() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "x", "'quoted'", "2025-04-09", ".inf"));
        Arbitrary<String> blank = Arbitraries.of("", "\n", "# only a comment\n", "---\n", "~");
        Arbitrary<String> list = scalar.list().ofMinSize(1).ofMaxSize(3).map(items -> {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append("- ").append(i).append('\n'));
            return sb.toString();
        });
        return Arbitraries.oneOf(scalar, blank, list, scalar.list().ofMaxSize(3).map(l -> l.toString()));
    }

    @Property(tries = 60)
    void emptyScalarAndListFilesAreOneErrorNamingTheFile(@ForAll("notMappings") String text, @ForAll boolean study)
            throws Exception {
        Path file = write(study ? "study.yaml" : "targets.yaml", text.getBytes(StandardCharsets.UTF_8));
        ScenarioException e = answer(file, study);
        assertTrue(e != null, "accepted: " + text);
        assertEquals(1, e.errors().size(), e.getMessage());
        String m = e.errors().get(0).message();
        assertEquals(file.toString(), e.errors().get(0).file());
        assertTrue(
                m.equals("the file is empty")
                        || m.startsWith("the top level must be a mapping of fields")
                        || m.startsWith("syntax error")
                        || m.startsWith("not a number gpusim can use"),
                m);
    }

    // A wrong type at any field -----------------------------------------------------------------------------------

    /** Where a value is (as steps into the tree), its path as errors write it, and the type it must have. */
    record Field(List<Object> steps, String path, Class<?> type, boolean override) {}

    /** A field and a value it cannot hold. */
    record WrongType(boolean study, Field field, JsonNode value) {
        @Override
        public String toString() {
            return (study ? "study " : "targets ") + field.path() + " = " + value;
        }
    }

    private static List<Field> fields(JsonNode tree, Class<?> root) {
        List<Field> out = new ArrayList<>();
        collect(tree, root, new ArrayList<>(), "", false, out);
        return out;
    }

    private static void collect(
            JsonNode node, Type type, List<Object> steps, String path, boolean override, List<Field> out) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (!steps.isEmpty()) {
            out.add(new Field(List.copyOf(steps), path, raw, override));
        }
        if (raw.isRecord() && node.isObject()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                if (node.has(c.getName())) {
                    steps.add(c.getName());
                    collect(node.get(c.getName()), c.getGenericType(), steps, join(path, c.getName()), override, out);
                    steps.remove(steps.size() - 1);
                }
            }
        } else if (raw == List.class && node.isArray()) {
            Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                steps.add(i);
                collect(node.get(i), item, steps, path + "[" + i + "]", override, out);
                steps.remove(steps.size() - 1);
            }
        } else if (raw == Map.class && node.isObject()) {
            // Override values: their type is the scenario field's they set; errors name the scenario path.
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                steps.add(key);
                out.add(new Field(List.copyOf(steps), key, ScenarioPaths.typeOf(key), true));
                steps.remove(steps.size() - 1);
            }
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static List<JsonNode> wrongFor(Class<?> type, boolean override) {
        JsonNode word = NODES.textNode("soon");
        JsonNode fraction = NODES.numberNode(2.5);
        JsonNode whole = NODES.numberNode(20250409);
        JsonNode bool = NODES.booleanNode(true);
        ArrayNode list = NODES.arrayNode().add(1).add(2);
        ObjectNode mapping = NODES.objectNode().put("a", 1);
        if (type == String.class) {
            return List.of(list, mapping);
        } else if (type == Double.class) {
            return List.of(word, bool, list, mapping);
        } else if (type == Integer.class || type == Long.class) {
            // An override rounds a number to a whole one where the field is one.
            return override ? List.of(word, bool, list, mapping) : List.of(word, fraction, bool, list, mapping);
        } else if (type == Boolean.class) {
            return List.of(word, fraction, list, mapping);
        } else if (type == LocalDate.class) {
            return List.of(word, NODES.textNode("2025-02-30"), whole, bool, list, mapping);
        } else if (type.isEnum()) {
            return List.of(word, whole, bool, list, mapping);
        } else if (type == List.class) {
            return List.of(word, whole, bool, mapping);
        } else if (type.isRecord() || type == Map.class) {
            return List.of(word, whole, bool, list);
        }
        throw new AssertionError("no wrong values for " + type);
    }

    @Provide
    Arbitrary<WrongType> wrongTypes() throws Exception {
        List<WrongType> all = new ArrayList<>();
        for (boolean study : new boolean[] {true, false}) {
            JsonNode tree = ScenarioLoader.yamlMapper().readTree(study ? STUDY : TARGETS);
            for (Field f : fields(tree, study ? StudyDefinition.class : CalibrationTargets.class)) {
                for (JsonNode v : wrongFor(f.type(), f.override())) {
                    all.add(new WrongType(study, f, v));
                }
            }
        }
        return Arbitraries.of(all);
    }

    @Property(tries = 300)
    void aWrongTypeAtAnyFieldIsRefusedAtThatField(@ForAll("wrongTypes") WrongType wrong) throws Exception {
        JsonNode tree = ScenarioLoader.yamlMapper().readTree(wrong.study() ? STUDY : TARGETS);
        JsonNode parent = tree;
        List<Object> steps = wrong.field().steps();
        for (Object step : steps.subList(0, steps.size() - 1)) {
            parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
        }
        Object last = steps.get(steps.size() - 1);
        if (last instanceof String s) {
            ((ObjectNode) parent).set(s, wrong.value());
        } else {
            ((ArrayNode) parent).set((Integer) last, wrong.value());
        }
        Path file = write(
                wrong.study() ? "study.yaml" : "targets.yaml",
                ScenarioLoader.yamlMapper().writeValueAsBytes(tree));
        ScenarioException e = answer(file, wrong.study());
        assertTrue(e != null, wrong + " was accepted");
        String path = wrong.field().path();
        assertTrue(
                e.errors().stream()
                        .anyMatch(err -> wrong.field().override()
                                ? err.toString().contains(path)
                                : err.path().equals(path) && err.line() > 0),
                () -> wrong + " is not reported at its field: " + e.getMessage());
    }

    // Bytes that are not UTF-8 ------------------------------------------------------------------------------------

    @Property(tries = 100)
    void bytesThatAreNotUtf8AreOneErrorAtTheirLineAndColumn(
            @ForAll @IntRange(min = 0, max = 10_000) int at, @ForAll boolean study, @ForAll("invalid") byte bad)
            throws Exception {
        byte[] good = (study ? STUDY : TARGETS).getBytes(StandardCharsets.UTF_8);
        int offset = at % (good.length + 1);
        byte[] bytes = new byte[good.length + 1];
        System.arraycopy(good, 0, bytes, 0, offset);
        bytes[offset] = bad;
        System.arraycopy(good, offset, bytes, offset + 1, good.length - offset);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1;
        Path file = write(study ? "study.yaml" : "targets.yaml", bytes);
        ScenarioException e = answer(file, study);
        assertTrue(e != null);
        assertEquals(
                List.of(String.format(
                        "%s:%d:%d: not UTF-8 text: invalid byte 0x%02X at line %d, column %d",
                        file, line, column, bad & 0xff, line, column)),
                e.errors().stream().map(Object::toString).toList());
    }

    @Provide
    Arbitrary<Byte> invalid() {
        return Arbitraries.of((byte) 0xff, (byte) 0xfe, (byte) 0x80, (byte) 0xc0, (byte) 0xf8);
    }

    // Junk values -------------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> junk() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "-",
                        "[",
                        "]",
                        "{",
                        "}",
                        ":",
                        "null",
                        "~",
                        "'",
                        "\"",
                        "*a",
                        "&a",
                        "!!int",
                        "1e999",
                        "-1",
                        "0",
                        "true",
                        "2025-02-30",
                        "NaN",
                        ".inf",
                        "\t",
                        "#",
                        "? x",
                        "|",
                        ">",
                        "[1, 2]",
                        "{a: 1}",
                        "9999999999999999999999",
                        "\u00e9t\u00e9"),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Property(tries = 300)
    void junkInPlaceOfAnyValueIsAnswered(
            @ForAll @IntRange(min = 0, max = 400) int lineIndex, @ForAll("junk") String junk, @ForAll boolean study)
            throws Exception {
        List<String> lines = (study ? STUDY : TARGETS).lines().toList();
        int i = lineIndex % lines.size();
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        int dash = line.indexOf("- ");
        String mutated =
                colon > 0 ? line.substring(0, colon + 2) + junk : dash >= 0 ? line.substring(0, dash + 2) + junk : junk;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            sb.append(k == i ? mutated : lines.get(k)).append('\n');
        }
        answer(write(study ? "study.yaml" : "targets.yaml", sb.toString().getBytes(StandardCharsets.UTF_8)), study);
    }
}
