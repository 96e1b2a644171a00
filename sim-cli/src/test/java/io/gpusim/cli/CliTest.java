package io.gpusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.metrics.Metric;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final String BASELINE = Path.of("..", "scenarios", "h20-2025.yaml").toString();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    static Result gpusim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** A command line as a list, with more arguments after it. */
    static String[] with(List<String> args, String... more) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Runs a command that a test needs to succeed before its point (a study to report on, replace or refuse). */
    static Result succeeds(String... args) {
        Result r = gpusim(args);
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void runPrintsEveryMetric() {
        Result r = gpusim("run", BASELINE, "--seed", "1");
        assertEquals(0, r.code(), r.err());
        for (Metric m : Metric.values()) {
            assertTrue(r.out().contains(m.id()), m.id() + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("ban_day                      373 (2025-04-09)"), r.out());
        assertEquals(r.out(), gpusim("run", BASELINE, "--seed", "1").out(), "same seed, same output");
    }

    @Test
    void aModeSwitchedBySetWarnsOfTheFileFieldsItLeavesUnused() throws Exception {
        // placed at the file's banDate, which the file wrote for its own mode
        int line = Files.readAllLines(Path.of(BASELINE))
                        .indexOf("  banDate: 2025-04-09          # licence requirement " + "for H20 exports")
                + 1;
        String warning = BASELINE + ":" + line + ":12: regulator.banDate: warning: mode NONE never bans, so banDate is "
                + "ignored";
        List<List<String>> commands = List.of(
                List.of("run", BASELINE, "--set", "regulator.mode=NONE"),
                List.of("batch", BASELINE, "--set", "regulator.mode=NONE", "--runs", "2", "--quiet"),
                List.of(
                        "sweep",
                        BASELINE,
                        "--set",
                        "regulator.mode=NONE",
                        "--vary",
                        "beliefs.leakWeight=1,2",
                        "--runs",
                        "2",
                        "--quiet"));
        for (List<String> command : commands) {
            Result r = gpusim(command.toArray(String[]::new));
            assertEquals(0, r.code(), command + ": " + r.err());
            assertTrue(r.err().startsWith(warning), command + ": " + r.err());
        }
        assertFalse(gpusim("run", BASELINE).err().contains("warning"), "the file as written has no warning");
    }

    @Test
    void batchPrintsASummaryAndWritesSummaryCsv() throws Exception {
        Path out = dir.resolve("out");
        Result r = gpusim(
                "batch", BASELINE, "--runs", "50", "--seed", "3", "--threads", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("metric"), r.out());
        assertTrue(r.out().contains("requested_units"), r.out());
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals("scenario,point,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95,min,max", csv.get(0));
        assertEquals(1 + Metric.values().length, csv.size());
        assertTrue(csv.get(1).startsWith("h20-2025,0,requested_units,50,"), csv.get(1));
    }

    @Test
    void runRefusesTheDirectoryOfAnotherStudyUnlessToldToOverwriteIt() throws Exception {
        Path out = dir.resolve("study");
        assertEquals(
                0,
                gpusim("batch", BASELINE, "--runs", "3", "--out", out.toString(), "--quiet")
                        .code());
        String runs = Files.readString(out.resolve("runs.csv"));

        Result refused = gpusim("run", BASELINE, "--out", out.toString());
        assertEquals(2, refused.code(), refused.err());
        assertEquals(
                "gpusim run: --out " + out + " holds a different study; use another directory, or --overwrite to "
                        + "replace it",
                refused.err().strip());
        assertEquals("", refused.out(), "nothing printed before the refusal");
        assertEquals(runs, Files.readString(out.resolve("runs.csv")), "the batch's runs are kept");
        assertTrue(Files.exists(out.resolve("manifest.json")));

        Result noOut = gpusim("run", BASELINE, "--overwrite");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().startsWith("gpusim run: --overwrite needs --out"), noOut.err());

        Result replaced = gpusim("run", BASELINE, "--out", out.toString(), "--overwrite");
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals(2, Files.readAllLines(out.resolve("runs.csv")).size(), "a header and the one run");
        assertTrue(
                Files.readString(out.resolve("manifest.json")).contains("\"kind\" : \"run\""),
                "the run's manifest replaced the batch's");
        assertFalse(Files.exists(out.resolve("summary.csv")), "the batch's summary went with its outputs");
        assertEquals(0, gpusim("run", BASELINE, "--out", out.toString()).code(), "a run's own outputs are replaced");
    }

    @Test
    void validateSaysWhichFilesAreValidBesideTheErrorsOfTheOthers() throws Exception {
        Path bad = Files.writeString(
                dir.resolve("bad.yaml"),
                "extends: " + Path.of(BASELINE).toAbsolutePath() + "\nname: bad\nregulator:\n  graceDays: -1\n");
        String late = Path.of("..", "scenarios", "late-ban.yaml").toString();
        Result r = gpusim("validate", BASELINE, bad.toString(), late);
        assertEquals(2, r.code(), r.err());
        assertEquals(BASELINE + ": ok\n" + late + ": ok\n", r.out());
        assertEquals(
                bad + ":4:14: regulator.graceDays: must be between 0 and 3650, got -1",
                r.err().strip());
    }

    @Test
    void filesOfGpusimsNamesWithoutAManifestAreNotReplacedUnasked() throws Exception {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("runs.csv"), "my own table\n");
        Files.writeString(out.resolve("summary.csv"), "mine too\n");
        for (String command : List.of("batch", "run")) {
            Result refused = command.equals("run")
                    ? gpusim("run", BASELINE, "--out", out.toString())
                    : gpusim("batch", BASELINE, "--runs", "2", "--out", out.toString(), "--quiet");
            assertEquals(2, refused.code(), refused.err());
            assertEquals(
                    "gpusim " + command + ": --out " + out + " holds runs.csv, summary.csv with no manifest.json: the "
                            + "outputs of no study recorded there; use another directory, or --overwrite to replace "
                            + "them",
                    refused.err().strip());
            assertEquals("my own table\n", Files.readString(out.resolve("runs.csv")));
        }
        succeeds("batch", BASELINE, "--runs", "2", "--out", out.toString(), "--quiet", "--overwrite");
        assertEquals(3, Files.readAllLines(out.resolve("runs.csv")).size(), "a header and the batch's two runs");
        assertTrue(Files.exists(out.resolve("manifest.json")));
    }

    @Test
    void aRunsDirectoryIsRefusedToAnotherRunAndToAStudyUnlessToldToOverwriteIt() throws Exception {
        Path out = dir.resolve("one-run");
        Result first = gpusim("run", BASELINE, "--out", out.toString());
        assertEquals(0, first.code(), first.err());
        try (var files = Files.list(out)) {
            assertEquals(
                    List.of("manifest.json", "products.csv", "runs.csv", "series.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "one run writes no summaries");
        }
        String runs = Files.readString(out.resolve("runs.csv"));
        String refusal =
                "--out " + out + " holds a different study; use another directory, or --overwrite to " + "replace it";

        Result otherSeed = gpusim("run", BASELINE, "--out", out.toString(), "--seed", "3");
        assertEquals(2, otherSeed.code(), otherSeed.err());
        assertEquals("gpusim run: " + refusal, otherSeed.err().strip());
        Result otherReplication = gpusim("run", BASELINE, "--out", out.toString(), "--replication", "1");
        assertEquals(2, otherReplication.code(), otherReplication.err());
        Result otherScenario = gpusim("run", BASELINE, "--out", out.toString(), "--set", "regulator.graceDays=30");
        assertEquals(2, otherScenario.code(), otherScenario.err());
        Result batch = gpusim("batch", BASELINE, "--runs", "3", "--out", out.toString(), "--quiet");
        assertEquals(2, batch.code(), batch.err());
        assertEquals("gpusim batch: " + refusal, batch.err().strip());
        assertEquals(runs, Files.readString(out.resolve("runs.csv")), "the run's outputs are kept");

        Result plot = gpusim("plot", out.toString());
        assertEquals(2, plot.code(), plot.err());
        assertEquals(
                "gpusim plot: " + out + " holds the outputs of one run, which have no summaries to draw; draw those "
                        + "of a batch, sweep, comparison, study or sensitivity analysis",
                plot.err().strip());
        assertFalse(Files.exists(out.resolve("plots")));

        Result replaced = gpusim("batch", BASELINE, "--runs", "3", "--out", out.toString(), "--quiet", "--overwrite");
        assertEquals(0, replaced.code(), replaced.err());
        assertFalse(Files.exists(out.resolve("series.csv")), "the run's wide series went with its outputs");
        assertEquals(4, Files.readAllLines(out.resolve("runs.csv")).size(), "a header and the batch's three runs");
    }

    @Test
    void aMetricWithoutAValueLeavesItsCellEmptyAndEveryOtherInItsColumn() throws Exception {
        Path out = dir.resolve("no-anticipation");
        String scenario = Path.of("..", "scenarios", "no-anticipation.yaml").toString();
        succeeds("batch", scenario, "--runs", "3", "--out", out.toString(), "--quiet");
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        List<String> header = List.of(runs.get(0).split(",", -1));
        for (String row : runs.subList(1, runs.size())) {
            String[] cells = row.split(",", -1);
            assertEquals(header.size(), cells.length, row);
            assertEquals("", cells[header.indexOf("requested_months")], "no rush orders, no months of them: " + row);
            assertEquals("373.0", cells[header.indexOf("ban_day")], row);
            assertEquals("no-anticipation", cells[header.indexOf("scenario")], row);
        }
        List<String> products = Files.readAllLines(out.resolve("products.csv"));
        int columns = products.get(0).split(",", -1).length;
        for (String row : products) {
            assertEquals(columns, row.split(",", -1).length, row);
        }
    }

    @Test
    void summaryIsIdenticalForOneAndManyThreads() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(
                0,
                gpusim("batch", BASELINE, "--runs", "120", "--threads", "1", "--out", a.toString())
                        .code());
        assertEquals(
                0,
                gpusim("batch", BASELINE, "--runs", "120", "--threads", "3", "--out", b.toString())
                        .code());
        assertEquals(Files.readString(a.resolve("summary.csv")), Files.readString(b.resolve("summary.csv")));
    }

    @Test
    void invalidScenarioGivesOneLinePerErrorExitTwoAndNoOutput() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(Path.of(BASELINE))
                        .replace("stepDays: 7", "stepDays: 0")
                        .replace("leadDays: 70", "leadDays: -70"));
        Path out = dir.resolve("never");
        Result r = gpusim("batch", bad.toString(), "--runs", "5", "--out", out.toString());
        assertEquals(2, r.code());
        String[] lines = r.err().strip().split("\\R");
        assertEquals(2, lines.length, r.err());
        assertTrue(lines[0].startsWith(bad + ":"), lines[0]);
        assertTrue(r.err().contains("simulation.stepDays: must be between 1 and 91, got 0"), r.err());
        assertTrue(r.err().contains("regulator.leak.leadDays"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "nothing written");
        assertEquals("", r.out());
    }

    @Test
    void validateReportsOkOrErrors() throws Exception {
        Result ok = gpusim("validate", BASELINE);
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("ok"));
        Result missing = gpusim("validate", dir.resolve("missing.yaml").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("missing.yaml: file not found"), missing.err());
    }

    @Test
    void misuseExitsTwoWithAClearMessage() {
        Result zero = gpusim("batch", BASELINE, "--runs", "0");
        assertEquals(2, zero.code());
        assertTrue(zero.err().contains("--runs must be >= 1"), zero.err());
        Result threads = gpusim("batch", BASELINE, "--runs", "3", "--threads", "-1");
        assertEquals(2, threads.code());
        assertTrue(threads.err().contains("--threads must be >= 1"), threads.err());
        Result unknown = gpusim("batch", BASELINE, "--runs", "3", "--frobnicate");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
        Result none = gpusim();
        assertEquals(2, none.code());
    }

    @Test
    void aMisspeltCommandOrOptionGetsTheNearestOne() {
        Result command = gpusim("bacth", BASELINE, "--runs", "3");
        assertEquals(2, command.code());
        assertEquals(
                "gpusim: unknown command 'bacth'; did you mean 'batch'? (see 'gpusim --help')",
                command.err().strip());
        Result far = gpusim("simulate", BASELINE);
        assertEquals(2, far.code());
        assertTrue(far.err().contains("unknown command 'simulate'; commands: run, batch, sweep"), far.err());
        Result option = gpusim("batch", BASELINE, "--rusn", "3");
        assertEquals(2, option.code());
        assertTrue(option.err().contains("unknown option '--rusn': did you mean '--runs'?"), option.err());
        Result extra = gpusim("batch", BASELINE, "--runs", "3", "--sereis");
        assertTrue(extra.err().contains("Unknown option: '--sereis'; did you mean '--series'?"), extra.err());
        Result withValue = gpusim("batch", BASELINE, "--runs", "3", "--sed=4");
        assertTrue(withValue.err().contains("did you mean '--seed'?"), withValue.err());
    }

    @Test
    void metricsSaysWhatEachMetricIsItsUnitAndWhenItIsMeasured() {
        Result all = gpusim("metrics");
        assertEquals(0, all.code(), all.err());
        for (Metric m : Metric.values()) {
            assertTrue(all.out().contains(m.id() + " ("), m.id());
        }
        Result ban = gpusim("metrics", "ban_day");
        assertTrue(ban.out().startsWith("ban_day (date)"), ban.out());
        assertTrue(ban.out().contains("measured: the day the ban takes effect"), ban.out());
        Result typo = gpusim("metrics", "ban_dya");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("did you mean 'ban_day'?"), typo.err());
        assertTrue(gpusim("--help").out().contains("gpusim metrics"), "the glossary is named in --help");
    }

    @Test
    void helpAndVersionWork() {
        Result help = gpusim("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("batch") && help.out().contains("run"), help.out());
        assertEquals(0, gpusim("batch", "--help").code());
        assertTrue(gpusim("--version").out().startsWith("gpusim "));
    }

    @Test
    void versionIsThePomVersion() throws Exception {
        Properties built = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/gpusim-version.properties")) {
            built.load(in);
        }
        Result r = gpusim("--version");
        assertEquals(0, r.code(), r.err());
        String line = r.out().strip();
        assertTrue(line.matches("gpusim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), line);
        assertEquals("gpusim " + built.getProperty("version"), line);
    }

    @Test
    void completionPrintsAShellScript() {
        Result r = gpusim("completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F"), r.out());
        for (String command : new String[] {"run", "batch", "sweep", "study", "validate"}) {
            assertTrue(r.out().contains(command), command + " missing from\n" + r.out());
        }
        assertTrue(r.out().contains("--runs"), r.out());
    }

    @Test
    void completionRefusesOptionsAndArgumentsItDoesNotTake() {
        Result r = gpusim("completion", "--bogus", "foo", "bar");
        assertEquals(2, r.code());
        assertEquals(
                "gpusim completion: Unknown options: '--bogus', 'foo', 'bar' (see 'gpusim completion --help')",
                r.err().strip());
        assertEquals("", r.out());
    }

    @Test
    void seriesWithoutAnOutputDirectoryIsAnError() {
        for (String command : new String[] {"batch", "compare"}) {
            Result r = command.equals("batch")
                    ? gpusim("batch", BASELINE, "--runs", "2", "--series")
                    : gpusim("compare", BASELINE, "--runs", "2", "--series", "--policy", "a:regulator.leak.leadDays=7");
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    "gpusim " + command + ": --series needs an output directory to write series.csv",
                    r.err().strip());
            assertEquals("", r.out());
        }
    }
}
