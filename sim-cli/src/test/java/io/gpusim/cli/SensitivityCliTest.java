package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityCliTest {
    @TempDir
    Path dir;

    @Test
    void sobolWritesIndicesForEveryVaryingMetric() throws Exception {
        Path out = dir.resolve("s");
        CliTest.Result r = gpusim(
                "sensitivity",
                CliTest.BASELINE,
                "--vary",
                "beliefs.leakWeight=1:6",
                "--vary",
                "vendor.safetyStockWeeks=2:12",
                "--base-points",
                "16",
                "--runs",
                "4",
                "--out",
                out.toString(),
                "--quiet",
                "--bootstrap",
                "50");
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("sensitivity.csv"));
        assertEquals("metric,parameter,index,estimate,ci_low,ci_high", rows.get(0));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("requested_units,beliefs.leakWeight,S1,")), rows.get(1));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("requested_units,vendor.safetyStockWeeks,ST,")));
        assertEquals(1 + 16 * 4, Files.readAllLines(out.resolve("points.csv")).size(), "N (k + 2) points");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        assertEquals(1 + 16 * 4 * 4, runs.size());
        // Every metric that varies over the runs has S1 and ST for both parameters (4 rows); a constant one (the
        // ban day, a fee that is never charged) has none.
        String[] header = runs.get(0).split(",", -1);
        int varying = 0;
        for (int c = 4; c < header.length; c++) {
            int col = c;
            long distinct = runs.stream()
                    .skip(1)
                    .map(l -> l.split(",", -1)[col])
                    .distinct()
                    .count();
            String metric = header[c];
            long indexRows =
                    rows.stream().filter(l -> l.startsWith(metric + ",")).count();
            assertEquals(distinct > 1 ? 4 : 0, indexRows, metric + " varies over " + distinct + " values");
            if (distinct > 1) {
                varying++;
                for (String index : List.of(
                        "beliefs.leakWeight,S1,",
                        "beliefs.leakWeight,ST,",
                        "vendor.safetyStockWeeks,S1,",
                        "vendor.safetyStockWeeks,ST,")) {
                    assertTrue(rows.stream().anyMatch(l -> l.startsWith(metric + "," + index)), metric + " " + index);
                }
            }
        }
        assertEquals(rows.size() - 1, 4 * varying, "no rows for anything else");
        assertTrue(varying >= 15, "most metrics vary with these parameters: " + varying);
        assertTrue(
                r.out().contains("stockpile at the ban (stockpile_units_at_ban): vendor.safetyStockWeeks dominates"),
                "a verdict per metric: " + r.out());
        assertTrue(r.out().contains("beliefs.leakWeight negligible"), r.out());
        assertTrue(r.out().contains("what to do: with N=16 base points the widest interval is about +-0.63"), r.out());
        assertEquals(0, gpusim("report", out.toString()).code());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>Sensitivity verdicts</h2>"), "the report has the verdicts");
    }

    @Test
    void theCostAndTheRuleOfThumbAreSaidBeforeAnythingRuns() {
        CliTest.Result plan = gpusim(CliTest.with(DocumentedFiguresTest.SENSITIVITY, "--dry-run"));
        assertEquals(0, plan.code(), plan.err());
        assertTrue(plan.out().contains("320 design points x 20 runs = 6400 replications"), plan.out());
        assertTrue(plan.out().contains("widest 95% interval of an index to be about +-0.31"), plan.out());
        CliTest.Result help = gpusim("sensitivity", "--help");
        assertTrue(help.out().contains("How many base points:"), help.out());
        assertTrue(help.out().replaceAll("\\s+", " ").contains("N of 128-256 ranks the parameters"), help.out());
    }

    @Test
    void morrisRunsAndBadInputIsRefused() {
        CliTest.Result r = gpusim(
                "sensitivity",
                CliTest.BASELINE,
                "--method",
                "morris",
                "--vary",
                "beliefs.leakWeight=1:6",
                "--base-points",
                "5",
                "--runs",
                "3",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("mu_star") && r.out().contains("sigma"), r.out());
        CliTest.Result list =
                gpusim("sensitivity", CliTest.BASELINE, "--vary", "beliefs.leakWeight=1,2", "--runs", "3");
        assertEquals(2, list.code());
        assertTrue(list.err().contains("needs a range"), list.err());
        CliTest.Result method = gpusim(
                "sensitivity", CliTest.BASELINE, "--method", "fast", "--vary", "beliefs.leakWeight=1:2", "--runs", "3");
        assertEquals(2, method.code());
    }
}
