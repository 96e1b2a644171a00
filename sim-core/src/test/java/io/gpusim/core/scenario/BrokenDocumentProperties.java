package io.gpusim.core.scenario;

import static io.gpusim.core.scenario.BrokenScenarioProperties.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Broken documents rather than broken values: files that are empty, a single value or a list; the baseline with a
 * value of the wrong type at any one field; the baseline with bytes that are not UTF-8 anywhere in it. Each is
 * refused with clean, one-line errors, and a wrong type is always refused at the field it was put in.
 */
class BrokenDocumentProperties {
    private static final Path BASELINE_FILE = Path.of("..", "scenarios", "h20-2025.yaml");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] BASELINE_BYTES;
    private static final JsonNode BASELINE_TREE;

    static {
        try {
            BASELINE_BYTES = Files.readAllBytes(BASELINE_FILE);
            BASELINE_TREE = ScenarioLoader.yamlMapper().readTree(BASELINE_BYTES);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A file with this text in a fresh directory. */
    private static Path write(String name, byte[] bytes) throws Exception {
        Path file = Files.createTempDirectory("broken").resolve(name);
        Files.write(file, bytes);
        return file;
    }

    // Document shapes -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> notMappings() {
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.of("true", "false", "x", "'quoted'", "2025-04-09", "\"h20\"", ".inf", "|\n  block\n"));
        Arbitrary<String> blank = Arbitraries.of(
                "", " ", "\n", "\n\n", "# only a comment\n", "---\n", "~", "null", "--- # nothing\n...\n");
        Arbitrary<String> list = scalar.list().ofMinSize(1).ofMaxSize(4).map(items -> {
            StringBuilder sb = new StringBuilder();
            items.forEach(i -> sb.append("- ").append(i.replace("\n", " ")).append('\n'));
            return sb.toString();
        });
        Arbitrary<String> flow = scalar.list()
                .ofMaxSize(4)
                .map(items -> "["
                        + String.join(
                                ", ",
                                items.stream().map(i -> i.replace("\n", " ")).toList()) + "]");
        Arbitrary<String> nested = list.map(l -> "- " + l.replace("\n", "\n  ").strip() + "\n");
        return Arbitraries.oneOf(scalar, blank, list, flow, nested);
    }

    @Property(tries = 200)
    void emptyScalarAndListDocumentsAreOneErrorNamingTheFileAtEveryEntryPoint(@ForAll("notMappings") String text)
            throws Exception {
        Path file = write("doc.yaml", text.getBytes(StandardCharsets.UTF_8));
        List<ScenarioException> answers = new ArrayList<>();
        answers.add(assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, file.toString())));
        answers.add(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)));
        answers.add(assertThrows(ScenarioException.class, () -> ScenarioTemplate.load(file)));
        answers.add(assertThrows(
                ScenarioException.class, () -> ScenarioLoader.loadFile(file, SimulationSpec.class, new HashMap<>())));
        Path child = file.resolveSibling("child.yaml");
        Files.writeString(child, "extends: doc.yaml\nname: child\n");
        answers.add(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child)));
        for (ScenarioException e : answers) {
            // extends: names the file it reaches relative to the working directory
            assertClean(e, e == answers.get(answers.size() - 1) ? "" : file.toString());
            assertEquals(1, e.errors().size(), e.getMessage());
            ValidationError err = e.errors().get(0);
            assertTrue(err.file().endsWith(file.getParent().getFileName() + "/doc.yaml"), err.toString());
            assertTrue(
                    err.message().equals("the file is empty")
                            || err.message().contains("must be a mapping of")
                            || err.message().startsWith("syntax error")
                            || err.message().startsWith("not a number gpusim can use"),
                    err.toString());
        }
    }

    // A wrong type at any field -----------------------------------------------------------------------------------

    /** A field of the baseline and a value of a type the field cannot hold. */
    record WrongType(String path, JsonNode value) {}

    private static final List<String> PATHS = new ArrayList<>();

    static {
        collect(BASELINE_TREE, "", PATHS);
    }

    private static void collect(JsonNode node, String path, List<String> out) {
        if (!path.isEmpty()) {
            out.add(path);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "[" + i + "]", out);
            }
        }
    }

    /** Values of other types than the field's: never accepted there, whatever the binder coerces. */
    private static List<JsonNode> wrongFor(Class<?> type) {
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
        } else if (type == Integer.class) {
            return List.of(word, fraction, bool, list, mapping);
        } else if (type == Boolean.class) {
            return List.of(word, fraction, list, mapping);
        } else if (type == LocalDate.class) {
            return List.of(
                    word, NODES.textNode("2025-02-30"), NODES.textNode("2025/02/03"), whole, bool, list, mapping);
        } else if (type.isEnum()) {
            return List.of(word, whole, bool, list, mapping);
        } else if (type == List.class) {
            return List.of(word, whole, bool, mapping);
        } else if (type.isRecord()) {
            return List.of(word, whole, bool, list);
        }
        throw new AssertionError("no wrong values for " + type);
    }

    @Provide
    Arbitrary<WrongType> wrongTypes() {
        return Arbitraries.of(PATHS)
                .flatMap(path ->
                        Arbitraries.of(wrongFor(ScenarioPaths.typeOf(path))).map(value -> new WrongType(path, value)));
    }

    @Property(tries = 500)
    void aWrongTypeAtAnyFieldIsRefusedAtThatField(@ForAll("wrongTypes") WrongType wrong) throws Exception {
        ObjectNode tree = BASELINE_TREE.deepCopy();
        replace(tree, wrong.path(), wrong.value());
        String text = ScenarioLoader.yamlMapper().writeValueAsString(tree);
        ScenarioException e = assertThrows(
                ScenarioException.class, () -> ScenarioLoader.parse(text, "s.yaml"), () -> wrong + " was accepted");
        assertClean(e, "s.yaml");
        assertTrue(
                e.errors().stream().anyMatch(err -> err.path().equals(wrong.path()) && err.line() > 0),
                () -> wrong + " is not reported at its field: " + e.getMessage());
    }

    /** Puts the value at a path of the form {@code a.b[2].c} as it is (ScenarioPaths.set would coerce it). */
    private static void replace(JsonNode tree, String path, JsonNode value) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("\\.?([A-Za-z]+)|\\[(\\d+)\\]").matcher(path);
        JsonNode parent = null;
        JsonNode node = tree;
        String field = null;
        int index = -1;
        while (m.find()) {
            parent = node;
            field = m.group(1);
            index = field == null ? Integer.parseInt(m.group(2)) : -1;
            node = field != null ? node.get(field) : node.get(index);
        }
        if (field != null) {
            ((ObjectNode) parent).set(field, value);
        } else {
            ((ArrayNode) parent).set(index, value);
        }
    }

    @Property(tries = 1)
    void everyFieldOfTheBaselineIsCovered() {
        assertTrue(PATHS.size() > 150, "walked " + PATHS.size() + " fields");
        for (String path : PATHS) {
            assertTrue(!wrongFor(ScenarioPaths.typeOf(path)).isEmpty(), path);
        }
    }

    // Bytes that are not UTF-8 ------------------------------------------------------------------------------------

    @Provide
    Arbitrary<byte[]> invalidBytes() {
        return Arbitraries.of(
                new byte[] {(byte) 0xff},
                new byte[] {(byte) 0xff, (byte) 0xfe},
                new byte[] {(byte) 0xfe, (byte) 0xff},
                new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xc0},
                new byte[] {(byte) 0xc1, (byte) 0xbf},
                new byte[] {(byte) 0xe2, (byte) 0x82},
                new byte[] {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80});
    }

    @Property(tries = 200)
    void bytesThatAreNotUtf8AreOneErrorAtTheirLineAndColumn(
            @ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll("invalidBytes") byte[] bad) throws Exception {
        int offset = at % (BASELINE_BYTES.length + 1);
        byte[] bytes = new byte[BASELINE_BYTES.length + bad.length];
        System.arraycopy(BASELINE_BYTES, 0, bytes, 0, offset);
        System.arraycopy(bad, 0, bytes, offset, bad.length);
        System.arraycopy(BASELINE_BYTES, offset, bytes, offset + bad.length, BASELINE_BYTES.length - offset);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = offset - lineStart + 1; // the baseline is ASCII: one byte, one column
        Path file = write("latin.yaml", bytes);
        for (ScenarioException e : List.of(
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)),
                assertThrows(ScenarioException.class, () -> ScenarioTemplate.load(file)),
                assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.loadFile(file, Scenario.class, new HashMap<>())))) {
            assertClean(e, file.toString());
            assertEquals(1, e.errors().size(), e.getMessage());
            assertEquals(
                    String.format(
                            "%s:%d:%d: not UTF-8 text: invalid byte 0x%02X at line %d, column %d",
                            file, line, column, bad[0] & 0xff, line, column),
                    e.errors().get(0).toString());
        }
    }

    @Property(tries = 100)
    void aScenarioOfOnlyANameIsRefusedCleanly(@ForAll("notMappings") String head, @ForAll boolean mapping) {
        String text = mapping ? "name: " + head.replace("\n", " ") + "\n" : head;
        try {
            ScenarioLoader.parse(text, "s.yaml");
            fail("a scenario with only a name was accepted: " + text);
        } catch (ScenarioException e) {
            assertClean(e, "s.yaml");
        }
    }
}
