package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.experiment.Journal;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real child JVM is killed in the middle of a batch; rerunning the same command with --resume finishes only the
 * missing replications and gives byte-identical outputs to an uninterrupted run.
 */
class KillResumeTest {
    static final String[] STUDY = {"batch", CliTest.BASELINE, Path.of("..", "scenarios", "late-ban.yaml").toString(),
        "--runs", "25000", "--seed", "5", "--threads", "2", "--quiet"};

    @TempDir
    Path dir;

    private Process start(Path out) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(STUDY));
        cmd.addAll(List.of("--out", out.toString()));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child-" + out.getFileName() + ".log").toFile()).start();
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
        String[] out = new String[STUDY.length + more.length];
        System.arraycopy(STUDY, 0, out, 0, STUDY.length);
        System.arraycopy(more, 0, out, STUDY.length, more.length);
        return out;
    }

    private void assertSameOutputs(Path a, Path b) throws Exception {
        for (String f : new String[] {"runs.csv", "summary.csv", "failures.csv"}) {
            assertEquals(Files.readString(a.resolve(f)), Files.readString(b.resolve(f)), f);
        }
        try (var files = Files.list(b)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("failures.csv", "manifest.json", "runs.csv", "summary.csv"), names,
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
    void resumeRefusesAnotherStudy() throws Exception {
        Path out = dir.resolve("o");
        Process child = start(out);
        awaitJournal(child, out, 500);
        child.destroyForcibly();
        child.waitFor(30, TimeUnit.SECONDS);
        CliTest.Result other = gpusim("batch", CliTest.BASELINE, "--runs", "40000", "--seed", "6", "--out",
                out.toString(), "--resume", "--quiet");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("differs from this one"), other.err());
        CliTest.Result fresh = gpusim("batch", CliTest.BASELINE, "--runs", "10", "--out", out.toString(), "--quiet");
        assertEquals(2, fresh.code(), "a directory holding another study is refused");
        assertTrue(fresh.err().contains("holds a different study"), fresh.err());
        assertTrue(new File(out.toFile(), Journal.FILE).exists(), "the journal is left alone");
    }
}
