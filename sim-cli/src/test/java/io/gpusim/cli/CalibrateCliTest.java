package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCliTest {
    static final String TARGETS =
            Path.of("..", "scenarios", "targets-h20-2025.yaml").toString();
    static final String LATE = Path.of("..", "scenarios", "late-ban.yaml").toString();

    @TempDir
    Path dir;

    /**
     * {@code calibrate} of the baseline and the late ban (named late, at half weight) jointly, on the H20's unit
     * cost, then {@code more}.
     */
    static String[] joint(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "calibrate",
                "--pair",
                CliTest.BASELINE + "=" + TARGETS,
                "--pair",
                "late:" + LATE + "=" + TARGETS + "@0.5",
                "--vary",
                "products[0].unitCostUsd=3000:8000"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @Test
    void fitsTheReportedFiguresAndWritesAValidScenario() throws Exception {
        Path out = dir.resolve("cal");
        CliTest.Result r = gpusim(
                "calibrate",
                CliTest.BASELINE,
                "--targets",
                TARGETS,
                "--vary",
                "products[0].unitCostUsd=3000:8000",
                "--runs",
                "12",
                "--max-evals",
                "60",
                "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("products[0].unitCostUsd"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("metric,target_median,target_low,target_high,model_median,distance", rows.get(0));
        assertEquals(1 + 6, rows.size());
        CliTest.Result valid = gpusim("validate", out.resolve("calibrated.yaml").toString());
        assertEquals(0, valid.code(), valid.err());
        String writedown = rows.stream()
                .filter(l -> l.startsWith("vendor_writedown_usd"))
                .findFirst()
                .orElseThrow();
        double median = Double.parseDouble(writedown.split(",")[4]);
        assertEquals(5.5e9, median, 0.3e9, "the unit cost is fitted to the reported charge: " + writedown);
    }

    @Test
    void badTargetsAreReportedWithTheirPlace() throws Exception {
        Path bad = dir.resolve("t.yaml");
        Files.writeString(
                bad,
                "targets:\n  - metric: requested_units\n    median: 1\n    band: [1, 2]\n"
                        + "  - metric: nothing\n    median: 3\n");
        CliTest.Result r =
                gpusim("calibrate", CliTest.BASELINE, "--targets", bad.toString(), "--vary", "beliefs.leakWeight=1:6");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("targets[0]: give exactly one of median or band"), r.err());
        assertTrue(r.err().contains("targets[1].metric: unknown metric 'nothing'"), r.err());
        assertTrue(r.err().startsWith(bad + ":"), r.err());
    }

    @Test
    void anInfiniteTargetIsAnErrorAndNothingIsFittedOrWritten() throws Exception {
        Path t = dir.resolve("t2.yaml");
        Files.writeString(
                t,
                Files.readString(Path.of("..", "scenarios", "targets-h20-2025.yaml"))
                        .replace("median: 1000000", "median: 1e400"));
        Path out = dir.resolve("inf");
        CliTest.Result r = gpusim(
                "calibrate",
                CliTest.BASELINE,
                "--targets",
                t.toString(),
                "--runs",
                "2",
                "--max-evals",
                "10",
                "--vary",
                "beliefs.leakWeight=1:5",
                "--out",
                out.toString());
        assertEquals(2, r.code());
        assertEquals(
                t + ":6:13: targets[0].median: must be a finite number, not Infinity",
                r.err().strip());
        assertEquals("", r.out(), "no fit is reported");
        assertFalse(Files.exists(out), "nothing is written");
    }

    /** The files of an output directory but its manifest (which holds the command line), by name. */
    static Map<String, String> outputs(Path out) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (var list = Files.list(out)) {
            for (Path f : list.toList()) {
                if (!f.getFileName().toString().equals("manifest.json")) {
                    files.put(f.getFileName().toString(), Files.readString(f));
                }
            }
        }
        return files;
    }

    @Test
    void onePairIsTheSingleFitByteForByte() throws Exception {
        String[] fit = {"--vary", "products[0].unitCostUsd=3000:8000", "--runs", "4", "--max-evals", "12"};
        Path single = dir.resolve("single");
        Path pair = dir.resolve("pair");
        List<String> a = new ArrayList<>(List.of("calibrate", CliTest.BASELINE, "--targets", TARGETS));
        List<String> b = new ArrayList<>(List.of("calibrate", "--pair", CliTest.BASELINE + "=" + TARGETS));
        a.addAll(List.of(fit));
        b.addAll(List.of(fit));
        CliTest.Result r1 = gpusim(CliTest.with(a, "--out", single.toString()));
        CliTest.Result r2 = gpusim(CliTest.with(b, "--out", pair.toString()));
        assertEquals(0, r1.code(), r1.err());
        assertEquals(0, r2.code(), r2.err());
        assertEquals(r1.out(), r2.out());
        assertEquals(outputs(single), outputs(pair));
        assertEquals(
                List.of("calibrated.yaml", "calibration.csv", "failures.csv"),
                List.copyOf(outputs(pair).keySet()));
    }

    @Test
    void aJointFitReportsEveryScenarioAndWritesEachCalibratedScenario() throws Exception {
        Path out = dir.resolve("joint");
        CliTest.Result r = gpusim(joint("--runs", "4", "--max-evals", "12", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("in each of 2 scenarios"), r.out());
        List<String> rows = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("scenario,metric,target_median,target_low,target_high,model_median,distance", rows.get(0));
        assertEquals(1 + 2 * 6, rows.size());
        assertEquals(6, rows.stream().filter(l -> l.startsWith("h20-2025,")).count(), rows.toString());
        assertEquals(6, rows.stream().filter(l -> l.startsWith("late,")).count(), rows.toString());
        assertEquals(
                List.of("calibrated-h20-2025.yaml", "calibrated-late.yaml", "calibration.csv", "failures.csv"),
                List.copyOf(outputs(out).keySet()));
        double objective = 0;
        for (String row : rows.subList(1, rows.size())) {
            objective += Double.parseDouble(row.substring(row.lastIndexOf(',') + 1));
        }
        String printed = r.out()
                .lines()
                .filter(l -> l.startsWith("objective "))
                .findFirst()
                .orElseThrow();
        assertEquals(
                Double.parseDouble(printed.split(" ")[1].replace(",", "")),
                objective,
                1e-3 * objective,
                "the objective is the sum of the distances, the late pair's at half weight: " + printed);
        String[] late = rows.stream()
                .filter(l -> l.startsWith("late,requested_units,"))
                .findFirst()
                .orElseThrow()
                .split(",");
        double miss = (Double.parseDouble(late[5]) - 1e6) / 1e6;
        assertEquals(0.5 * miss * miss, Double.parseDouble(late[6]), 1e-15, "the pair's weight scales its distances");
        for (String f : List.of("calibrated-h20-2025.yaml", "calibrated-late.yaml")) {
            CliTest.Result valid = gpusim("validate", out.resolve(f).toString());
            assertEquals(0, valid.code(), valid.err());
        }
        assertTrue(Files.readString(out.resolve("calibrated-late.yaml")).contains("name: \"late-ban\""));
    }
}
