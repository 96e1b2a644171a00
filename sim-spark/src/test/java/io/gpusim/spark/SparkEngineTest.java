package io.gpusim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.agents.Simulation;
import io.gpusim.cli.Main;
import io.gpusim.experiment.CsvStudyOutput;
import io.gpusim.experiment.Study;
import io.gpusim.experiment.StudyDefinition;
import io.gpusim.experiment.StudyRunner;
import io.gpusim.experiment.TaskEngine;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The Spark engine gives byte-identical outputs to the local engine, whatever the partitioning. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkEngineTest {
    static final String BASELINE = Path.of("..", "scenarios", "h20-2025.yaml").toString();
    static final String LATE = Path.of("..", "scenarios", "late-ban.yaml").toString();

    SparkSession spark;

    @TempDir
    Path dir;

    @BeforeAll
    void startSpark() {
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("gpusim-test")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
    }

    @AfterAll
    void stopSpark() {
        spark.stop();
    }

    private static int gpusim(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, err.toString());
        return code;
    }

    private static void assertSame(Path a, Path b, String... files) throws Exception {
        for (String f : files) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
    }

    @Test
    void batchOnSparkMatchesTheLocalRunner() throws Exception {
        Path local = dir.resolve("local");
        Path onSpark = dir.resolve("spark");
        gpusim("batch", BASELINE, LATE, "--runs", "300", "--seed", "4", "--out", local.toString(), "--quiet");
        gpusim(
                "batch",
                BASELINE,
                LATE,
                "--runs",
                "300",
                "--seed",
                "4",
                "--out",
                onSpark.toString(),
                "--quiet",
                "--engine",
                "spark",
                "--master",
                "local[2]");
        assertSame(local, onSpark, "runs.csv", "summary.csv", "failures.csv");
        var parquet = spark.read().parquet(onSpark.resolve("runs.parquet").toString());
        assertEquals(600, parquet.count());
        assertEquals(4 + io.gpusim.core.metrics.Metric.values().length, parquet.columns().length);
        assertEquals(373.0, parquet.select("ban_day").first().getDouble(0));
    }

    @Test
    void sweepOnSparkMatchesTheLocalRunner() throws Exception {
        Path local = dir.resolve("local-sweep");
        Path onSpark = dir.resolve("spark-sweep");
        String[] sweep = {
            "sweep",
            BASELINE,
            "--vary",
            "regulator.banDate=2024-12-01:2025-06-01",
            "--design",
            "sobol",
            "--points",
            "6",
            "--runs",
            "40",
            "--quiet"
        };
        gpusim(concat(sweep, "--out", local.toString()));
        gpusim(concat(sweep, "--out", onSpark.toString(), "--engine", "spark", "--master", "local[2]"));
        assertSame(local, onSpark, "runs.csv", "summary.csv", "points.csv");
    }

    @Test
    void sensitivityCalibrationAndTheEpisodeCheckOnSparkMatchTheLocalRunner() throws Exception {
        String targets = Path.of("..", "scenarios", "targets-h20-2025.yaml").toString();
        String[][] analyses = {
            {
                "sensitivity",
                BASELINE,
                "--vary",
                "beliefs.leakWeight=1:6",
                "--vary",
                "vendor.safetyStockWeeks=2:12",
                "--base-points",
                "8",
                "--runs",
                "5",
                "--bootstrap",
                "30",
                "--quiet"
            },
            {
                "calibrate",
                BASELINE,
                "--targets",
                targets,
                "--vary",
                "products[0].unitCostUsd=3000:8000",
                "--runs",
                "8",
                "--max-evals",
                "30",
                "--quiet"
            },
            {
                "calibrate",
                "--pair",
                BASELINE + "=" + targets,
                "--pair",
                "late:" + LATE + "=" + targets,
                "--vary",
                "products[0].unitCostUsd=3000:8000",
                "--runs",
                "6",
                "--max-evals",
                "15",
                "--quiet"
            },
            {
                "validate-episodes",
                "--pair",
                "base:" + BASELINE + "=" + targets,
                "--pair",
                "late:" + LATE + "=" + targets,
                "--fit",
                "base",
                "--vary",
                "products[0].unitCostUsd=3000:8000",
                "--runs",
                "6",
                "--max-evals",
                "12",
                "--check-runs",
                "20",
                "--quiet"
            }
        };
        for (int i = 0; i < analyses.length; i++) {
            String[] analysis = analyses[i];
            Path local = dir.resolve("local-" + i);
            Path onSpark = dir.resolve("spark-" + i);
            gpusim(concat(analysis, "--out", local.toString()));
            gpusim(concat(analysis, "--out", onSpark.toString(), "--engine", "spark", "--master", "local[2]"));
            switch (i) {
                case 0 -> assertSame(local, onSpark, "sensitivity.csv", "runs.csv", "summary.csv", "points.csv");
                case 1 -> assertSame(local, onSpark, "calibration.csv", "calibrated.yaml", "failures.csv");
                case 2 ->
                    assertSame(
                            local,
                            onSpark,
                            "calibration.csv",
                            "calibrated-h20-2025.yaml",
                            "calibrated-late.yaml",
                            "failures.csv");
                default ->
                    assertSame(
                            local,
                            onSpark,
                            "validation.csv",
                            "calibration.csv",
                            "calibrated-base.yaml",
                            "calibrated-late.yaml",
                            "runs.csv",
                            "summary.csv",
                            "failures.csv");
            }
        }
    }

    @Test
    void partitioningChangesNothing() throws Exception {
        StudyDefinition def = new StudyDefinition("p", List.of(BASELINE), null, null, null, 101, 9L, null, null, null);
        Study study = def.resolve(Path.of(""));
        String first = null;
        for (int partitions : new int[] {1, 2, 7}) {
            Path out = dir.resolve("p" + partitions);
            try (TaskEngine engine = new SparkEngine(spark, partitions);
                    CsvStudyOutput files = new CsvStudyOutput(out, false)) {
                new StudyRunner(engine, Simulation.replicator(false), n -> {}).run(study, files);
                files.commit();
            }
            String runs = Files.readString(out.resolve("runs.csv")) + Files.readString(out.resolve("summary.csv"));
            if (first == null) {
                first = runs;
            } else {
                assertEquals(first, runs, partitions + " partitions");
            }
        }
        assertTrue(first.lines().count() > 101);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
