package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.experiment.Journal;
import io.gpusim.experiment.OutputDirectory;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A real child JVM is killed in the middle of a batch; rerunning the same command with --resume finishes only the
 * missing replications and gives byte-identical outputs to an uninterrupted run.
 */
class KillResumeTest {
    static final String[] STUDY = {
        "batch",
        CliTest.BASELINE,
        Path.of("..", "scenarios", "late-ban.yaml").toString(),
        "--runs",
        "25000",
        "--seed",
        "5",
        "--threads",
        "2",
        "--quiet"
    };

    @TempDir
    Path dir;

    /** A Sobol analysis and a calibration long enough to be interrupted (about 40,000 replications each). */
    static final String[] SENSITIVITY = {
        "sensitivity",
        CliTest.BASELINE,
        "--vary",
        "beliefs.leakWeight=1:6",
        "--vary",
        "vendor.safetyStockWeeks=2:12",
        "--base-points",
        "32",
        "--runs",
        "300",
        "--bootstrap",
        "50",
        "--seed",
        "3",
        "--threads",
        "2",
        "--quiet"
    };

    static final String[] CALIBRATION = {
        "calibrate",
        CliTest.BASELINE,
        "--targets",
        CalibrateCliTest.TARGETS,
        "--vary",
        "beliefs.leakWeight=1:6",
        "--vary",
        "products[0].unitCostUsd=3000:8000",
        "--runs",
        "400",
        "--max-evals",
        "100",
        "--seed",
        "3",
        "--threads",
        "2",
        "--quiet"
    };

    /** A joint calibration to two scenarios (about 6,000 replications). */
    static final String[] JOINT_CALIBRATION =
            CalibrateCliTest.joint("--runs", "100", "--max-evals", "30", "--seed", "3", "--threads", "2", "--quiet");

    /** An episode check whose fit (about 800 replications) is short, so the kill falls in the check (6,000). */
    static final String[] EPISODES = ValidateEpisodesCliTest.episodes(
            "--runs", "40", "--max-evals", "20", "--check-runs", "3000", "--seed", "3", "--threads", "2", "--quiet");

    private Process start(Path out) throws Exception {
        return start(STUDY, out);
    }

    private Process start(String[] study, Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        cmd.addAll(List.of(study));
        cmd.addAll(List.of("--out", out.toString()));
        return new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(
                        dir.resolve("child-" + out.getFileName() + ".log").toFile())
                .start();
    }

    /** Waits until the child has journaled at least {@code lines} replications; fails if it finished first. */
    private static void awaitJournal(Process child, Path out, long lines) throws Exception {
        Path journal = out.resolve(Journal.FILE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the child finished before it could be interrupted");
            if (Files.exists(journal)) {
                try (var s = Files.lines(journal)) {
                    if (s.count() > lines) {
                        return;
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the child journaled nothing in 60 s");
    }

    private static String[] with(String... more) {
        return with(STUDY, more);
    }

    private static String[] with(String[] study, String... more) {
        String[] out = new String[study.length + more.length];
        System.arraycopy(study, 0, out, 0, study.length);
        System.arraycopy(more, 0, out, study.length, more.length);
        return out;
    }

    private void assertSameOutputs(Path a, Path b) throws Exception {
        for (String f :
                new String[] {"runs.csv", "summary.csv", "failures.csv", "products.csv", "products_summary.csv"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        try (var files = Files.list(b)) {
            List<String> names =
                    files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(
                    List.of(
                            "failures.csv",
                            "manifest.json",
                            "products.csv",
                            "products_summary.csv",
                            "runs.csv",
                            "summary.csv"),
                    names,
                    "no journal or temporary file is left");
        }
    }

    @Test
    void sigkillThenResumeMatchesAnUninterruptedRun() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, gpusim(with("--out", reference.toString())).code());

        Path killed = dir.resolve("killed");
        Process child = start(killed);
        awaitJournal(child, killed, 3000);
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(killed.resolve(Journal.FILE)));
        assertTrue(!Files.exists(killed.resolve("runs.csv")), "no finished-looking output after a kill");

        CliTest.Result resumed = gpusim(with("--out", killed.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertSameOutputs(reference, killed);
    }

    @Test
    void sigtermSavesTheJournalAndSaysHowToResume() throws Exception {
        Path reference = dir.resolve("reference");
        assertEquals(0, gpusim(with("--out", reference.toString())).code());

        Path stopped = dir.resolve("stopped");
        Process child = start(stopped);
        awaitJournal(child, stopped, 2000);
        child.destroy(); // SIGTERM
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("child-stopped.log"));
        assertTrue(log.contains("interrupted after") && log.contains("--resume"), log);

        CliTest.Result resumed = gpusim(with("--out", stopped.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertSameOutputs(reference, stopped);
    }

    @Test
    void anOverwriteStoppedBeforeItFinishesLeavesTheStudyItWasToReplace() throws Exception {
        Path out = dir.resolve("replace");
        CliTest.succeeds(
                "sweep",
                CliTest.BASELINE,
                "--runs",
                "3",
                "--vary",
                "beliefs.leakWeight=1,2",
                "--out",
                out.toString(),
                "--quiet");
        byte[] manifest = Files.readAllBytes(out.resolve("manifest.json"));
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        byte[] points = Files.readAllBytes(out.resolve("points.csv"));

        Process child = start(with("--overwrite"), out);
        awaitJournal(child, out, 500);
        child.destroyForcibly(); // SIGKILL: nothing of the process runs after this
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertArrayEquals(manifest, Files.readAllBytes(out.resolve("manifest.json")), "the sweep's manifest stays");
        assertArrayEquals(runs, Files.readAllBytes(out.resolve("runs.csv")), "and its outputs");
        assertArrayEquals(points, Files.readAllBytes(out.resolve("points.csv")));
        assertTrue(Files.exists(out.resolve(Journal.FILE)), "beside the journal of the study replacing it");

        CliTest.Result resumed = gpusim(with("--out", out.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertFalse(Files.exists(out.resolve("points.csv")), "once it is complete, the sweep's own files go");
        assertFalse(Files.exists(out.resolve(Journal.FILE)));
        assertFalse(Arrays.equals(manifest, Files.readAllBytes(out.resolve("manifest.json"))), "the new manifest");
        assertTrue(Files.exists(out.resolve("runs.csv")));
    }

    @Test
    void resumeRefusesAnotherStudy() throws Exception {
        Path out = dir.resolve("o");
        Process child = start(out);
        awaitJournal(child, out, 500);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        CliTest.Result other = gpusim(
                "batch",
                CliTest.BASELINE,
                "--runs",
                "40000",
                "--seed",
                "6",
                "--out",
                out.toString(),
                "--resume",
                "--quiet");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("differs from this one"), other.err());
        CliTest.Result fresh = gpusim("batch", CliTest.BASELINE, "--runs", "10", "--out", out.toString(), "--quiet");
        assertEquals(2, fresh.code(), "a directory holding another study is refused");
        assertTrue(fresh.err().contains("holds a different study"), fresh.err());
        assertTrue(fresh.err().contains("--overwrite"), "the way out is named: " + fresh.err());
        assertTrue(new File(out.toFile(), Journal.FILE).exists(), "the journal is left alone");
        CliTest.Result both =
                gpusim("batch", CliTest.BASELINE, "--runs", "10", "--out", out.toString(), "--resume", "--overwrite");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("--overwrite replaces a study and resume finishes one"), both.err());
        CliTest.Result replaced =
                gpusim("batch", CliTest.BASELINE, "--runs", "10", "--out", out.toString(), "--overwrite", "--quiet");
        assertEquals(0, replaced.code(), replaced.err());
        assertFalse(new File(out.toFile(), Journal.FILE).exists(), "the other study's journal is gone");
        assertEquals(11, Files.readAllLines(out.resolve("runs.csv")).size(), "the new study's outputs");
    }

    @Test
    void aJournalLineRepeatedIsRefusedNamingTheLine() throws Exception {
        Path out = dir.resolve("dup");
        String[] batch = {"batch", CliTest.BASELINE, "--runs", "10", "--out", out.toString(), "--quiet"};
        CliTest.succeeds(batch);
        byte[] runs = Files.readAllBytes(out.resolve("runs.csv"));
        // the journal of this study, stopped after two replications (failed ones, the shortest lines), the second
        // line a copy of the first
        Path journal = out.resolve(Journal.FILE);
        String failed = "0,0,1,!SimulationException: stopped\n";
        Files.writeString(journal, "gpusim-journal v1 " + OutputDirectory.finishedStudy(out) + "\n" + failed + failed);
        String[] resume = Arrays.copyOf(batch, batch.length + 1);
        resume[batch.length] = "--resume";
        CliTest.Result r = gpusim(resume);
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "gpusim batch: " + journal + ":3: run 0 where run 1 was expected (a line repeated or missing); the"
                        + " journal is damaged, so the study cannot be resumed (run it again without --resume)\n",
                r.err());
        assertArrayEquals(runs, Files.readAllBytes(out.resolve("runs.csv")), "the outputs are left as they were");
        assertTrue(Files.exists(journal), "and the journal too");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sensitivity", "calibrate", "calibrate-joint", "validate-episodes"})
    void analysesResumeToTheOutputsOfAnUninterruptedRun(String command) throws Exception {
        String[] study = switch (command) {
            case "sensitivity" -> SENSITIVITY;
            case "calibrate" -> CALIBRATION;
            case "calibrate-joint" -> JOINT_CALIBRATION;
            default -> EPISODES;
        };
        Path reference = dir.resolve("reference");
        CliTest.Result full = gpusim(with(study, "--out", reference.toString()));
        assertEquals(0, full.code(), full.err());

        Path killed = dir.resolve("killed");
        Process child = start(study, killed);
        awaitJournal(child, killed, 2000);
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        CliTest.Result resumed = gpusim(with(study, "--out", killed.toString(), "--resume"));
        assertEquals(0, resumed.code(), resumed.err());
        assertEquals(full.out(), resumed.out(), "the same printed results");
        List<String> names;
        try (var files = Files.list(reference)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("manifest.json"))
                    .sorted()
                    .toList();
        }
        String mainOutput = switch (command) {
            case "sensitivity" -> "sensitivity.csv";
            case "calibrate" -> "calibrated.yaml";
            case "calibrate-joint" -> "calibrated-late.yaml";
            default -> "validation.csv";
        };
        assertTrue(names.contains(mainOutput), names.toString());
        for (String name : names) {
            assertEquals(Files.readString(reference.resolve(name)), Files.readString(killed.resolve(name)), name);
        }
        try (var files = Files.list(killed)) {
            assertEquals(names.size() + 1, files.count(), "no journal, lock or temporary file is left");
        }
    }

    @Test
    void aDirectoryInUseIsRefusedAtOnce() throws Exception {
        Path out = dir.resolve("busy");
        Process child = start(out);
        awaitJournal(child, out, 200);
        CliTest.Result second = gpusim(with("--out", out.toString()));
        CliTest.Result other = gpusim(
                "sensitivity",
                CliTest.BASELINE,
                "--vary",
                "beliefs.leakWeight=1:6",
                "--base-points",
                "2",
                "--runs",
                "1",
                "--out",
                out.toString(),
                "--quiet");
        CliTest.Result run = gpusim("run", CliTest.BASELINE, "--out", out.toString());
        CliTest.Result overwrite =
                gpusim("batch", CliTest.BASELINE, "--runs", "3", "--out", out.toString(), "--overwrite", "--quiet");
        assertTrue(child.isAlive(), "the first study is still running");
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        for (CliTest.Result r : List.of(second, other, run, overwrite)) {
            assertEquals(2, r.code(), r.err());
            assertTrue(
                    r.err().contains(out + " is in use by another gpusim study (process " + child.pid() + ")"),
                    r.err());
        }
    }
}
