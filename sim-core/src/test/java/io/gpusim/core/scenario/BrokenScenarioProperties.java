package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever is wrong with a scenario, the loader answers with validation errors (each one line, naming where), never
 * with another exception.
 */
class BrokenScenarioProperties {
    private static final String BASELINE;

    static {
        try {
            BASELINE = Files.readString(Path.of("..", "scenarios", "h20-2025.yaml"));
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Parses text; it may succeed, or fail only with a well-formed ScenarioException. */
    private static void loadAnswersCleanly(String text) {
        try {
            ScenarioLoader.parse(text, "s.yaml");
        } catch (ScenarioException e) {
            assertClean(e, "s.yaml");
        } catch (RuntimeException e) {
            fail("loader threw " + e + " for:\n" + text, e);
        }
    }

    /**
     * Every error names the file, is one line with a message, and says nothing of the program: no Java names, no
     * exceptions, no backtick-quoted types.
     */
    static void assertClean(ScenarioException e, String file) {
        assertFalse(e.errors().isEmpty());
        for (ValidationError err : e.errors()) {
            String line = err.toString();
            assertTrue(line.startsWith(file), line);
            assertFalse(line.contains("\n") || line.contains("\r"), "one line per error: " + line);
            assertFalse(err.message().isBlank(), line);
            assertFalse(
                    err.message().contains("java.")
                            || err.message().contains("Exception")
                            || err.message().contains("`")
                            || err.message().contains("Cannot deserialize"),
                    "in the user's terms: " + line);
        }
    }

    @Property(tries = 300)
    void truncatedFilesAreAnswered(@ForAll @IntRange(min = 0, max = 20_000) int cut) {
        loadAnswersCleanly(BASELINE.substring(0, Math.min(cut, BASELINE.length())));
    }

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
                        "9999999999999999999999"),
                // Without backticks: an error quotes the user's text back, and the check below reads a backtick in a
                // message as a program type leaking out.
                Arbitraries.strings().ofMaxLength(12).filter(t -> !t.contains("`")));
    }

    @Property(tries = 400)
    void mutatedValuesAreAnswered(@ForAll @IntRange(min = 0, max = 400) int lineIndex, @ForAll("junk") String junk) {
        List<String> lines = BASELINE.lines().toList();
        int i = lineIndex % lines.size();
        String line = lines.get(i);
        int colon = line.indexOf(": ");
        String mutated = colon > 0 ? line.substring(0, colon + 2) + junk : junk;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            sb.append(k == i ? mutated : lines.get(k)).append('\n');
        }
        loadAnswersCleanly(sb.toString());
    }

    @Property(tries = 200)
    void deletedOrDuplicatedLinesAreAnswered(
            @ForAll @IntRange(min = 0, max = 400) int lineIndex, @ForAll boolean duplicate) {
        List<String> lines = BASELINE.lines().toList();
        int i = lineIndex % lines.size();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            if (k != i || duplicate) {
                sb.append(lines.get(k)).append('\n');
            }
            if (k == i && duplicate) {
                sb.append(lines.get(k)).append('\n');
            }
        }
        loadAnswersCleanly(sb.toString());
    }

    @Property(tries = 200)
    void randomTextIsAnswered(@ForAll String text) {
        loadAnswersCleanly(text);
    }

    /** Indices of the baseline's lines of the form {@code key: number}, with or without a comment. */
    private static final List<Integer> NUMBER_LINES = IntStream.range(
                    0, (int) BASELINE.lines().count())
            .filter(i -> numberAt(BASELINE.lines().toList().get(i)))
            .boxed()
            .toList();

    private static boolean numberAt(String line) {
        int colon = line.indexOf(": ");
        if (colon < 0 || line.trim().startsWith("#") || line.contains("{")) {
            return false;
        }
        String value = line.substring(colon + 2).replaceAll("\\s+#.*$", "").trim();
        return value.matches("-?[0-9][0-9_]*(\\.[0-9]+)?([eE][-+]?[0-9]+)?");
    }

    @Property(tries = 200)
    void aWordInPlaceOfANumberIsOneErrorAtThatLineNamingTheField(@ForAll @IntRange(min = 0, max = 10_000) int pick) {
        List<String> lines = BASELINE.lines().toList();
        int i = NUMBER_LINES.get(pick % NUMBER_LINES.size());
        String line = lines.get(i);
        String key = line.substring(0, line.indexOf(": ")).trim().replaceFirst("^- ", "");
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            sb.append(k == i ? line.substring(0, line.indexOf(": ") + 2) + "plenty" : lines.get(k))
                    .append('\n');
        }
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(sb.toString(), "s.yaml"), line);
        assertClean(e, "s.yaml");
        assertEquals(1, e.errors().size(), e.getMessage());
        ValidationError err = e.errors().get(0);
        assertEquals(i + 1, err.line(), err.toString());
        assertTrue(err.path().endsWith(key), key + " vs " + err);
        assertTrue(err.message().contains("plenty") || err.message().contains("number"), err.toString());
    }

    @Property(tries = 1)
    void theBaselineHasManyNumberLines() {
        assertTrue(NUMBER_LINES.size() > 60, "number lines: " + NUMBER_LINES.size());
    }
}
