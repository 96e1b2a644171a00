package io.gpusim.cli;

import static io.gpusim.cli.CliTest.succeeds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The figures the README and docs/VALIDATION.md quote from a command's output are what that command prints today:
 * each command is run as the document gives it and its output is looked for in the document, whitespace aside (the
 * documents wrap long lines). A change to the model that moves a quoted figure fails here until the document is
 * brought up to date.
 */
class DocumentedFiguresTest {
    static final String BASELINE = CliTest.BASELINE;

    /** The README's sensitivity analysis of the baseline. */
    static final List<String> SENSITIVITY = List.of(
            "sensitivity",
            BASELINE,
            "--vary",
            "beliefs.leakWeight=1:6",
            "--vary",
            "hyperscalers[0].shortageCostMultiple=0.3:0.9",
            "--vary",
            "vendor.safetyStockWeeks=2:12",
            "--base-points",
            "64",
            "--runs",
            "20");

    @TempDir
    Path dir;

    private static String document(String name) throws IOException {
        return oneLine(Files.readString(Path.of("..").resolve(name)));
    }

    /** The text with every run of whitespace (line breaks and indentation included) as one space. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static void quoted(String document, String text) throws IOException {
        String expected = oneLine(text);
        assertTrue(document(document).contains(expected), document + " should quote: " + expected);
    }

    @Test
    void theGracePeriodsExplanationIsWhatCompareExplains() throws IOException {
        String out = succeeds(
                        "compare", BASELINE, "--policy", "grace:regulator.graceDays=60", "--runs", "1000", "--quiet")
                .out();
        int from = out.indexOf("vendor_writedown_usd: +");
        assertTrue(from >= 0, out);
        // the write-down's line and its parts, up to the sentence that the README wraps differently
        String[] lines = out.substring(from).lines().limit(5).toArray(String[]::new);
        assertEquals(5, lines.length, out);
        for (String line : lines) {
            quoted("README.md", line);
        }
    }

    @Test
    void theSensitivityVerdictIsWhatSensitivityPrints() throws IOException {
        String out = succeeds(CliTest.with(
                        SENSITIVITY, "--out", dir.resolve("sensitivity").toString(), "--quiet"))
                .out();
        String verdict = out.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("stockpile at the ban (stockpile_units_at_ban):"))
                .findFirst()
                .orElseThrow(() -> new AssertionError(out));
        // the README quotes the verdict without the warning marker after it
        quoted("README.md", verdict.replace(" [uncertain: see warnings]", ""));
    }

    @Test
    void theDiscoveredBoxIsWhatDiscoverPrints() throws IOException {
        Path sweep = dir.resolve("disc");
        succeeds(
                "sweep",
                BASELINE,
                "--vary",
                "regulator.banDate=2024-10-01:2025-07-01",
                "--vary",
                "vendor.safetyStockWeeks=2:12",
                "--vary",
                "beliefs.leakWeight=1:6",
                "--design",
                "lhs",
                "--points",
                "60",
                "--runs",
                "20",
                "--out",
                sweep.toString(),
                "--quiet");
        String box = succeeds("discover", sweep.toString(), "--metric", "stockpile_units_at_ban", "--above", "400000")
                .out()
                .lines()
                .findFirst()
                .orElseThrow();
        quoted("README.md", "prints \"" + box + "\"");
    }

    @Test
    void theCalibratedValuesAreWhatCalibrateFinds() throws IOException {
        String out = succeeds(
                        "calibrate",
                        BASELINE,
                        "--targets",
                        Path.of("..", "scenarios", "targets-h20-2025.yaml").toString(),
                        "--vary",
                        "beliefs.leakWeight=1:6",
                        "--vary",
                        "hyperscalers[0].shortageCostMultiple=0.3:0.9",
                        "--vary",
                        "products[0].unitCostUsd=3000:8000",
                        "--runs",
                        "40",
                        "--out",
                        dir.resolve("cal").toString(),
                        "--quiet")
                .out();
        double leak = fitted(out, "beliefs.leakWeight");
        double shortage = fitted(out, "hyperscalers[0].shortageCostMultiple");
        double cost = fitted(out, "products[0].unitCostUsd");
        quoted(
                "README.md",
                String.format(
                        Locale.ROOT,
                        "finds leakWeight %.2f, shortageCostMultiple %.2f and unitCostUsd %,.0f",
                        leak,
                        shortage,
                        cost));
        quoted(
                "docs/MODEL.md",
                String.format(Locale.ROOT, "gives %.2f, %.2f and %,.0f against the baseline's", leak, shortage, cost));
    }

    /** The value {@code calibrate} printed for a parameter ("beliefs.leakWeight   4.070"). */
    private static double fitted(String out, String parameter) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(parameter) + "\\s+([0-9,.]+)\\s*$")
                .matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }

    @Test
    void theHeldOutCountIsTheValidationTablesOwn() throws IOException {
        int heldOut = 0;
        int met = 0;
        for (String row : Files.readAllLines(Path.of("..", "docs", "VALIDATION.md"))) {
            String[] cells = row.split("\\|");
            if (cells.length > 7 && cells[2].strip().equals("held out")) {
                heldOut++;
                if (cells[7].strip().startsWith("yes")) {
                    met++;
                }
            }
        }
        assertTrue(heldOut > 0, "the validation table has held-out rows");
        quoted("docs/VALIDATION.md", "Held out, " + met + " of " + heldOut + " targets are met");
    }
}
