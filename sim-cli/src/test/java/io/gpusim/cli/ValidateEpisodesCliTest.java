package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpusim validate-episodes} end to end: one episode fitted, one held out. */
class ValidateEpisodesCliTest {
    /** {@code validate-episodes} fitting the H20 unit cost to the baseline (base) and holding out the late ban. */
    static String[] episodes(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "validate-episodes",
                "--pair",
                "base:" + CliTest.BASELINE + "=" + CalibrateCliTest.TARGETS,
                "--pair",
                "late:" + CalibrateCliTest.LATE + "=" + CalibrateCliTest.TARGETS,
                "--fit",
                "base",
                "--vary",
                "products[0].unitCostUsd=3000:8000"));
        args.addAll(List.of(more));
        return args.toArray(new String[0]);
    }

    @TempDir
    Path dir;

    @Test
    void fitsOneEpisodeAndChecksBothAgainstTheirFigures() throws Exception {
        Path out = dir.resolve("episodes");
        CliTest.Result r = gpusim(episodes(
                "--runs", "6", "--check-runs", "20", "--max-evals", "12", "--threads", "2", "--out", out.toString()));
        assertEquals(0, r.code(), r.err());
        List<String> rows = Files.readAllLines(out.resolve("validation.csv"));
        assertEquals(
                "episode,role,metric,target_median,target_low,target_high,model_median,model_p05,model_p95,in_band",
                rows.get(0));
        assertEquals(1 + 2 * 6, rows.size());
        int met = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertEquals(f[0].equals("base") ? "in-sample" : "held-out", f[1], row);
            double median = Double.parseDouble(f[6]);
            double p05 = Double.parseDouble(f[7]);
            double p95 = Double.parseDouble(f[8]);
            assertTrue(p05 <= median && median <= p95, "the 90% band holds the median: " + row);
            boolean expected = f[3].isEmpty()
                    ? Double.parseDouble(f[4]) <= median && median <= Double.parseDouble(f[5])
                    : p05 <= Double.parseDouble(f[3]) && Double.parseDouble(f[3]) <= p95;
            assertEquals(Boolean.toString(expected), f[9], "in_band by the documented rule: " + row);
            met += f[0].equals("late") && expected ? 1 : 0;
        }
        assertTrue(
                rows.stream().anyMatch(l -> l.startsWith("base,in-sample,ban_day,") && l.endsWith(",true")),
                "the baseline's ban day is in the reported band: " + rows);
        assertTrue(
                rows.stream()
                        .anyMatch(
                                l -> l.startsWith("late,held-out,ban_day,,365.0,394.0,456.0,") && l.endsWith(",false")),
                "the late ban (day 456) is outside the reported band: " + rows);
        assertTrue(r.out().contains("held-out: " + met + " of 6 targets in band"), r.out());
        assertTrue(r.out().contains("late     held-out   ban_day"), r.out());

        List<String> fit = Files.readAllLines(out.resolve("calibration.csv"));
        assertEquals("scenario,metric,target_median,target_low,target_high,model_median,distance", fit.get(0));
        assertEquals(7, fit.size(), "only the fitted episode's targets: " + fit);
        assertTrue(fit.subList(1, 7).stream().allMatch(l -> l.startsWith("base,")), fit.toString());
        for (String f : List.of("calibrated-base.yaml", "calibrated-late.yaml")) {
            CliTest.Result valid = gpusim("validate", out.resolve(f).toString());
            assertEquals(0, valid.code(), valid.err());
        }
        assertTrue(Files.readString(out.resolve("calibrated-late.yaml")).startsWith("# Episode late (held-out)"));
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        assertTrue(summary.stream().anyMatch(l -> l.startsWith("late,0,ban_day,20,")), "the check's summary");
        assertFalse(Files.exists(out.resolve("journal.txt")));
    }

    @Test
    void anEpisodesTargetsAreCheckedLikeCalibrationTargets() throws Exception {
        Path twice = dir.resolve("twice.yaml");
        Files.writeString(
                twice,
                Files.readString(Path.of(CalibrateCliTest.TARGETS))
                        .replace("metric: ban_day", "metric: requested_units"));
        Path out = dir.resolve("out");
        CliTest.Result r = gpusim(
                "validate-episodes",
                "--pair",
                "base:" + CliTest.BASELINE + "=" + CalibrateCliTest.TARGETS,
                "--pair",
                "late:" + CalibrateCliTest.LATE + "=" + twice,
                "--fit",
                "base",
                "--vary",
                "products[0].unitCostUsd=3000:8000",
                "--out",
                out.toString());
        assertEquals(2, r.code());
        assertEquals(
                twice + ":11:13: targets[3].metric: 'requested_units' has a target already (targets[0])",
                r.err().strip());
        assertFalse(Files.exists(out), "nothing is run or written");
    }
}
