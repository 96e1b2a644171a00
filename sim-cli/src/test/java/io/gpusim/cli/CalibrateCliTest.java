package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCliTest {
    static final String TARGETS =
            Path.of("..", "scenarios", "targets-h20-2025.yaml").toString();

    @TempDir
    Path dir;

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
}
