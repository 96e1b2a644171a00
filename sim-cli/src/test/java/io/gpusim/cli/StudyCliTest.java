package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The experiment commands end to end: outputs, determinism, common random numbers and bad input. */
class StudyCliTest {
    static final String BASELINE = CliTest.BASELINE;
    static final String LATE = Path.of("..", "scenarios", "late-ban.yaml").toString();

    @TempDir
    Path dir;

    private static List<String> lines(Path p) throws Exception {
        return Files.readAllLines(p);
    }

    private static String runsHeader() {
        List<String> cols = new ArrayList<>(List.of("scenario", "point", "run", "seed"));
        for (Metric m : Metric.values()) {
            cols.add(m.id());
        }
        return String.join(",", cols);
    }

    @Test
    void batchOutputsHaveTheContractShapes() throws Exception {
        Path out = dir.resolve("b");
        CliTest.Result r = gpusim("batch", BASELINE, LATE, "--runs", "30", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("scenario h20-2025") && r.out().contains("scenario late-ban"), r.out());
        List<String> runs = lines(out.resolve("runs.csv"));
        assertEquals(runsHeader(), runs.get(0));
        assertEquals(1 + 60, runs.size());
        assertTrue(runs.get(1).startsWith("h20-2025,0,0,"), runs.get(1));
        assertTrue(runs.get(31).startsWith("late-ban,0,0,"), runs.get(31));
        assertEquals(runs.get(1).split(",")[3], runs.get(31).split(",")[3], "common random numbers");
        List<String> summary = lines(out.resolve("summary.csv"));
        assertEquals("scenario,point,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95,min,max", summary.get(0));
        assertEquals(1 + 2 * Metric.values().length, summary.size());
        assertEquals(
                "scenario,point,run,seed,error",
                lines(out.resolve("failures.csv")).get(0));
        JsonNode manifest = ScenarioLoader.jsonMapper()
                .readTree(out.resolve("manifest.json").toFile());
        for (String field : new String[] {
            "gpusimVersion",
            "gitCommit",
            "commandLine",
            "scenarioFiles",
            "scenarios",
            "masterSeed",
            "runsTotal",
            "threads",
            "started",
            "finished",
            "javaVersion"
        }) {
            assertTrue(manifest.has(field), field);
        }
        assertEquals(60, manifest.get("runsTotal").asInt());
        assertEquals("batch", manifest.get("commandLine").get(1).asText());
        assertEquals(2, manifest.get("scenarioFiles").size(), "late-ban extends the baseline");
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".tmp")), "no temporary files");
        }
    }

    @Test
    void outputsAreByteIdenticalForOneAndManyThreads() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        String[] sweep = {
            "sweep",
            BASELINE,
            "--vary",
            "regulator.banDate=2025-01-01:2025-07-01",
            "--vary",
            "beliefs.leakWeight=1:4",
            "--design",
            "lhs",
            "--points",
            "5",
            "--runs",
            "12",
            "--series",
            "--quiet"
        };
        assertEquals(
                0,
                gpusim(concat(sweep, "--threads", "1", "--out", a.toString())).code());
        assertEquals(
                0,
                gpusim(concat(sweep, "--threads", "4", "--out", b.toString())).code());
        for (String f : new String[] {"runs.csv", "summary.csv", "series.csv", "points.csv"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        assertEquals(1 + 5 * 12, lines(a.resolve("runs.csv")).size());
        assertEquals(
                "point,regulator.banDate,beliefs.leakWeight",
                lines(a.resolve("points.csv")).get(0));
        assertEquals(
                "scenario,point,step,date,series,p05,p50,p95",
                lines(a.resolve("series.csv")).get(0));
    }

    @Test
    void compareOfScenariosStartingOnDifferentDaysWarnsThatDayDifferencesAreNoCalendarGaps() throws Exception {
        String episode = Path.of("..", "scenarios", "episodes", "2023.yaml").toString();
        CliTest.Result r = gpusim("compare", BASELINE, episode, "--runs", "3", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "gpusim compare: warning: 'episode-2023' starts on 2023-01-02 and 'h20-2025' on 2024-04-01, and day"
                        + " metrics (ban_day, leak_day) count days from their own scenario's start: their differences"
                        + " are no calendar gaps (the gap of episode-2023 minus h20-2025 is the difference -455 days)",
                r.err().strip());
        assertTrue(r.out().contains("2025-04-09         2023-10-23       -79.0 days"), r.out());
        CliTest.Result sameStart = gpusim("compare", BASELINE, LATE, "--runs", "3", "--quiet");
        assertEquals("", sameStart.err(), "one calendar, no warning");
    }

    @Test
    void compareOfTwoScenariosThatSetMakesOneWarns() throws Exception {
        // late-ban differs from the baseline in its ban date and leak lead only
        CliTest.Result r = gpusim(
                "compare",
                BASELINE,
                LATE,
                "--set",
                "regulator.banDate=2025-04-09",
                "--set",
                "regulator.leak.leadDays=70",
                "--runs",
                "3",
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "gpusim compare: warning: 'late-ban' and 'h20-2025' differ only in name once the study's values are"
                        + " set, so every difference will be zero",
                r.err().strip());
        CliTest.Result oneSet =
                gpusim("compare", BASELINE, LATE, "--set", "regulator.banDate=2025-04-09", "--runs", "3", "--quiet");
        assertEquals("", oneSet.err(), "the leak's lead still differs");
    }

    @Test
    void compareOfIdenticalVariantsGivesZeroDifferences() throws Exception {
        Path out = dir.resolve("c");
        CliTest.Result r = gpusim(
                "compare",
                BASELINE,
                "--policy",
                "same:regulator.graceDays=0",
                "--runs",
                "40",
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(
                "gpusim compare: warning: 'same' runs the same scenario as 'h20-2025' (the values it sets change "
                        + "nothing), so every difference will be zero",
                r.err().strip(),
                "graceDays is 0 in the baseline already");
        List<String> rows = lines(out.resolve("compare.csv"));
        assertEquals("metric,mean_a,mean_b,diff_mean,diff_ci_low,diff_ci_high,p_b_gt_a,n", rows.get(0));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", -1);
            if (!c[1].isEmpty()) {
                assertEquals(0.0, Double.parseDouble(c[3]), row);
                assertEquals(0.0, Double.parseDouble(c[4]), row);
                assertEquals(0.0, Double.parseDouble(c[5]), row);
                assertEquals(0.0, Double.parseDouble(c[6]), row);
            }
        }
    }

    @Test
    void compareOfALaterBanShowsMoreDeliveries() throws Exception {
        CliTest.Result r = gpusim("compare", BASELINE, LATE, "--runs", "60", "--quiet");
        assertEquals(0, r.code(), r.err());
        String line = r.out()
                .lines()
                .filter(l -> l.startsWith("shipped_share"))
                .findFirst()
                .orElseThrow();
        assertTrue(line.trim().endsWith("1.000"), "late ban ships a larger share in every pair: " + line);
    }

    @Test
    void untilReportsTheRunsUsed() {
        CliTest.Result r = gpusim("batch", BASELINE, "--runs", "50", "--until", "requested_units:0.02", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("h20-2025: 50 runs used"), r.out());
        assertTrue(r.out().contains("at most 1000000)\n"), "met, so nothing more to say: " + r.out());
        CliTest.Result capped = gpusim(
                "batch", BASELINE, "--runs", "50", "--until", "requested_units:0.0001", "--max-runs", "150", "--quiet");
        assertTrue(
                capped.out()
                        .contains("h20-2025: 150 runs used (until requested_units half-width <= 1.0E-4 x mean, at most "
                                + "150); not met at the most runs allowed"),
                capped.out());
        CliTest.Result never = gpusim(
                "batch",
                Path.of("..", "scenarios", "no-anticipation.yaml").toString(),
                "--runs",
                "20",
                "--until",
                "requested_months:0.05",
                "--max-runs",
                "40",
                "--quiet");
        assertTrue(
                never.out()
                        .contains("40 runs used (until requested_months half-width <= 0.05 x mean, at most 40); "
                                + "not met: requested_months had no value in any run"),
                never.out());
        CliTest.Result bad = gpusim("batch", BASELINE, "--runs", "50", "--until", "nonsense:0.1");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown metric 'nonsense'"), bad.err());
    }

    @Test
    void badSetPathsAndValuesExitTwoAndWriteNothing() throws Exception {
        Path out = dir.resolve("never");
        CliTest.Result path = gpusim(
                "batch", BASELINE, "--runs", "5", "--set", "regulator.banDat=2025-01-01", "--out", out.toString());
        assertEquals(2, path.code());
        assertTrue(
                path.err()
                        .strip()
                        .contains("--set regulator.banDat=2025-01-01: regulator.banDat: no field 'banDat' "
                                + "in regulator; did you mean 'banDate'?"),
                path.err());
        assertEquals(1, path.err().strip().lines().count(), path.err());
        CliTest.Result value =
                gpusim("batch", BASELINE, "--runs", "5", "--set", "vendor.writedownShare=-1", "--out", out.toString());
        assertEquals(2, value.code());
        assertTrue(value.err().contains("vendor.writedownShare: must be between 0 and 1"), value.err());
        CliTest.Result syntax = gpusim("batch", BASELINE, "--runs", "5", "--set", "novalue", "--out", out.toString());
        assertEquals(2, syntax.code());
        assertTrue(syntax.err().contains("expected PATH=VALUE"), syntax.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void setChangesTheScenario() {
        CliTest.Result r = gpusim("run", BASELINE, "--set", "regulator.banDate=2025-06-01");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("ban_day                      426"), r.out());
    }

    @Test
    void studyFileRunsAndDryRunPrintsThePlan() throws Exception {
        Path study = Path.of("..", "studies", "ban-timing.yaml");
        CliTest.Result dry = gpusim("study", study.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().startsWith("study ban-timing (sweep): 5 cells x 200 runs = 1000 replications"), dry.out());
        Path file = dir.resolve("s.yaml");
        Files.writeString(
                file,
                "name: tiny\nscenarios: [" + Path.of(BASELINE).toAbsolutePath() + "]\n"
                        + "design: {type: sobol, vary: ['beliefs.leakWeight=1:4'], points: 3}\nruns: 4\n"
                        + "output: {dir: results}\n");
        CliTest.Result r = gpusim("study", file.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(1 + 12, lines(dir.resolve("results").resolve("runs.csv")).size());
    }

    @Test
    void studyFileErrorsNameFileLineAndField() throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, "name: bad\nscenarios: [x.yaml]\nrunz: 4\n");
        CliTest.Result r = gpusim("study", file.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith(file + ":3:"), r.err());
        assertTrue(r.err().contains("runz: unknown field 'runz'"), r.err());
        Files.writeString(file, "name: bad\nscenarios: [missing.yaml]\nruns: 4\n");
        CliTest.Result missing = gpusim("study", file.toString());
        assertEquals(2, missing.code());
        // at the study's field that names the file
        assertEquals(
                file + ":2:13: scenarios[0]: missing.yaml: file not found",
                missing.err().strip());
    }

    @Test
    void seriesRunsWithoutSeriesIsAnErrorNotIgnored() throws Exception {
        Path file = dir.resolve("series-runs.yaml");
        Path out = dir.resolve("series-runs-out");
        Files.writeString(
                file,
                "name: s\nscenarios: [" + Path.of(BASELINE).toAbsolutePath() + "]\nruns: 2\noutput: {dir: " + out
                        + ", seriesRuns: 500}\n");
        CliTest.Result r = gpusim("study", file.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith(file + ":4:"), r.err());
        assertTrue(
                r.err()
                        .strip()
                        .endsWith(": output.seriesRuns: applies only with series: true (it sets how many runs feed the "
                                + "series)"),
                r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void schemaPrintsJsonSchema() throws Exception {
        CliTest.Result r = gpusim("schema");
        assertEquals(0, r.code());
        JsonNode schema = ScenarioLoader.jsonMapper().readTree(r.out());
        assertEquals("object", schema.get("type").asText());
        assertTrue(schema.get("properties").has("hyperscalers"));
    }

    @Test
    void runWritesMetricsAndSeries() throws Exception {
        Path out = dir.resolve("one");
        CliTest.Result r = gpusim("run", BASELINE, "--seed", "3", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(2, lines(out.resolve("runs.csv")).size());
        List<String> series = lines(out.resolve("series.csv"));
        assertTrue(series.get(0).startsWith("step,date,demand_units,"), series.get(0));
        assertEquals(1 + 117, series.size());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
