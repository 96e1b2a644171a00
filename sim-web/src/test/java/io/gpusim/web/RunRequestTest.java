package io.gpusim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpusim.core.scenario.ScenarioPaths;
import io.gpusim.experiment.StudyKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Values and command lines as the page's requests turn into them. */
class RunRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String text(String json) throws Exception {
        return RunRequest.valueText(JSON.readTree(json), "x", new RunRequest.Errors());
    }

    @Test
    void valuesAreWrittenAsTheCommandLineWouldCarryThem() throws Exception {
        assertEquals("0.5", text("0.5"));
        assertEquals("30", text("30"));
        assertEquals("30", text("30.0"));
        assertEquals("20000000000", text("2e10"));
        assertEquals("0.0000001", text("1e-7"));
        assertEquals("true", text("true"));
        assertEquals("2025-06-01", text("\" 2025-06-01 \""));
        assertNull(text("\"\""));
        assertNull(text("[1, 2]"));
        assertNull(text("null"));
        // text whole, where YAML would read the rest as a comment
        assertEquals("\"Baidu # the big one\"", text("\"Baidu # the big one\""));
        assertEquals(
                "Baidu # the big one",
                ScenarioPaths.parseValue("name", text("\"Baidu # the big one\""))
                        .asText());
        assertEquals("H20#2", text("\"H20#2\""));
    }

    @Test
    void aNumberReadBackAsTheCommandLineReadsItIsTheSameNumber() throws Exception {
        for (String n : List.of("0.5", "2e10", "1.2e10", "1e-7", "12500", "0.85", "3.5")) {
            JsonNode original = JSON.readTree(n);
            JsonNode read = ScenarioPaths.parseValue("beliefs.leakWeight", text(n));
            assertEquals(original.doubleValue(), read.doubleValue(), n);
        }
    }

    @Test
    void aSweepOfListedValuesOnlyCarriesNoGridLevels() throws Exception {
        Path file = Path.of("scenarios", "h20-2025.yaml").toAbsolutePath();
        RunRequest lists = sweep(file, "regulator.graceDays=0,30");
        assertNull(lists.definition().design().points(), "levels apply to ranges only");
        assertEquals(
                "gpusim sweep scenarios/h20-2025.yaml --vary regulator.graceDays=0,30 --design grid --runs 2 --seed 1",
                RunRequest.shellLine(lists.commandLine(Path.of("").toAbsolutePath())));
        RunRequest range = sweep(file, "regulator.graceDays=0,30", "beliefs.leakWeight=1:4");
        assertEquals(5, range.definition().design().points());
        assertTrue(RunRequest.shellLine(range.commandLine(Path.of("").toAbsolutePath()))
                .endsWith(" --design grid --points 5 --runs 2 --seed 1"));
    }

    private static RunRequest sweep(Path file, String... vary) {
        return new RunRequest(StudyKind.SWEEP, "h20-2025.yaml", file, Map.of(), null, null, List.of(vary), 5, 2, 1L);
    }

    @Test
    void aSeedIsAnyWholeNumberOf64BitsGivenAsANumber() throws Exception {
        Catalog catalog = new Catalog(Path.of("..", "scenarios"));
        RunRequest.Limits limits = new RunRequest.Limits(1000);
        RunRequest max = RunRequest.parse(
                StudyKind.BATCH,
                JSON.readTree("{\"scenario\": \"h20-2025.yaml\", \"runs\": 2, \"seed\": 9223372036854775807}"),
                catalog,
                limits);
        assertEquals(Long.MAX_VALUE, max.seed());
        ApiException tooBig = org.junit.jupiter.api.Assertions.assertThrows(
                ApiException.class,
                () -> RunRequest.parse(
                        StudyKind.BATCH,
                        JSON.readTree("{\"scenario\": \"h20-2025.yaml\", \"runs\": 2, \"seed\": 9223372036854775808}"),
                        catalog,
                        limits));
        assertEquals("seed: must be a whole number (64-bit), got 9223372036854775808", tooBig.getMessage());
    }

    @Test
    void shellLinesQuoteWhatAShellWouldReadOtherwise() {
        assertEquals(
                "gpusim batch scenarios/h20-2025.yaml --set 'hyperscalers[Tencent].anticipation=false' --set "
                        + "'x=it'\\''s'",
                RunRequest.shellLine(List.of(
                        "gpusim",
                        "batch",
                        "scenarios/h20-2025.yaml",
                        "--set",
                        "hyperscalers[Tencent].anticipation=false",
                        "--set",
                        "x=it's")));
    }
}
