package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed study, or a command that wrote nothing, leaves the file system as it found it. */
class OutputCleanupTest {
    @TempDir
    Path dir;

    private static List<String> names(Path d) throws IOException {
        try (Stream<Path> files = Files.list(d)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aDirectoryTheLockCreatedIsRemovedWhenReleasedEmpty() throws IOException {
        Path out = dir.resolve("a").resolve("b");
        OutputLock.acquire(out).close();
        assertFalse(Files.exists(dir.resolve("a")), "both directories the lock created are gone");
        assertTrue(Files.isDirectory(dir));
    }

    @Test
    void aDirectoryThatExistedOrHoldsFilesIsKept() throws IOException {
        Path existing = Files.createDirectory(dir.resolve("existing"));
        OutputLock.acquire(existing).close();
        assertEquals(List.of(), names(existing), "an empty directory that was there is kept, without the lock file");

        Path fresh = dir.resolve("fresh").resolve("out");
        try (OutputLock lock = OutputLock.acquire(fresh)) {
            Files.writeString(fresh.resolve("runs.csv"), "x\n");
        }
        assertEquals(List.of("runs.csv"), names(fresh), "a directory with outputs is kept");
    }

    @Test
    void aProcessStoppedWhileItHoldsANewDirectoryLeavesNoneBehind() throws Exception {
        Path out = dir.resolve("a").resolve("b");
        OutputLock lock = OutputLock.acquire(out);
        Files.writeString(out.resolve(".runs.csv123.tmp"), "half a file");
        assertTrue(Runtime.getRuntime().removeShutdownHook(lock.hook()), "the hook is registered while it is held");
        stop(lock);
        assertFalse(Files.exists(dir.resolve("a")), "half-written files, lock file and directories are gone");
        lock.close();
        assertFalse(Runtime.getRuntime().removeShutdownHook(lock.hook()), "closing unregisters the hook");
    }

    @Test
    void aProcessStoppedWhileItHoldsADirectoryKeepsAJournalAndWhatWasThere() throws Exception {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        try (OutputLock lock = OutputLock.acquire(out)) {
            Files.writeString(out.resolve(Journal.FILE), "journal\n");
            Files.writeString(out.resolve(".summary.csv123.tmp"), "half a file");
            Runtime.getRuntime().removeShutdownHook(lock.hook());
            stop(lock);
            assertEquals(List.of(Journal.FILE, "notes.txt"), names(out), "what a resume needs, and what was there");
        }
        Path fresh = dir.resolve("fresh");
        try (OutputLock lock = OutputLock.acquire(fresh)) {
            Files.writeString(fresh.resolve(Journal.FILE), "journal\n");
            Runtime.getRuntime().removeShutdownHook(lock.hook());
            stop(lock);
            assertEquals(List.of(Journal.FILE), names(fresh), "a new directory with a journal is kept");
        }
    }

    /** Runs the lock's shutdown hook as the JVM does when the process is stopped. */
    private static void stop(OutputLock lock) throws InterruptedException {
        Thread hook = lock.hook();
        hook.start();
        hook.join();
    }

    @Test
    void aFailedStudyLeavesNoDirectoryItCreated() {
        Path out = dir.resolve("new").resolve("out");
        IOException e = assertThrows(IOException.class, () -> StudyPipeline.run(new FailingJob(), settings(out)));
        assertEquals("disk full", e.getMessage());
        assertFalse(Files.exists(dir.resolve("new")), "the directories, the journal and the lock file are gone");
    }

    @Test
    void aFailedStudyLeavesAnExistingDirectoryAsItWas() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        assertThrows(IOException.class, () -> StudyPipeline.run(new FailingJob(), settings(out)));
        assertEquals(List.of("notes.txt"), names(out), "only what was there: no journal, lock or half-written file");
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aStudyThatFailsToWriteAfterReplicationsRanKeepsThemForAResume() throws IOException {
        Path out = dir.resolve("out");
        IOException e = assertThrows(IOException.class, () -> StudyPipeline.run(new FailingJob(1), settings(out)));
        assertEquals(
                "disk full; the 1 replications done are kept in " + out.resolve(Journal.FILE)
                        + ": mend the cause and --resume finishes the study",
                e.getMessage());
        assertEquals(List.of(Journal.FILE), names(out), "the journal, and no lock or half-written file");
        String journal = Files.readString(out.resolve(Journal.FILE));
        assertTrue(journal.contains("\n0,0,7,!"), "the replication is in it: " + journal);
    }

    @Test
    void aCommitThatCannotReplaceAFileRenamesNoneOfThem() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createDirectories(out.resolve("summary.csv").resolve("inside"));
        try (CsvStudyOutput files = new CsvStudyOutput(out, false)) {
            FileSystemException e = assertThrows(FileSystemException.class, files::commit);
            assertEquals(out.resolve("summary.csv") + ": is a directory, not a file", e.getMessage());
        }
        assertEquals(List.of("summary.csv"), names(out), "runs.csv and the others were not renamed into place");
    }

    @Test
    void aDirectoryWhereAnOutputFileGoesIsAProblemBeforeAnythingRuns() throws IOException {
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createDirectory(out.resolve("runs.csv"));
        assertEquals(
                out.resolve("runs.csv") + " is a directory, where gpusim writes a file", OutputDirectory.problem(out));
    }

    private static StudyPipeline.Settings settings(Path out) {
        return new StudyPipeline.Settings(
                out,
                false,
                1,
                "local",
                null,
                (scenario, seed) -> {
                    throw new AssertionError("no replication runs");
                },
                new StudyPipeline.Provenance("test", "none", List.of()),
                new StudyPipeline.Listener() {});
    }

    /**
     * A study whose work fails once its journal and output files are open, as when a disk fills up, after journaling
     * {@code done} replications.
     */
    private static final class FailingJob implements StudyJob<Void> {
        private final int done;

        FailingJob() {
            this(0);
        }

        FailingJob(int done) {
            this.done = done;
        }

        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String kind() {
            return "batch";
        }

        @Override
        public long seed() {
            return 1;
        }

        @Override
        public int runsPerCell() {
            return 1;
        }

        @Override
        public long plannedRuns() {
            return 1;
        }

        @Override
        public String describe() {
            return "failing";
        }

        @Override
        public String fingerprint() {
            return "failing";
        }

        @Override
        public Map<String, Object> manifestScenarios() {
            return Map.of();
        }

        @Override
        public Map<String, String> scenarioFiles() {
            return Map.of();
        }

        @Override
        public Void run(StudyRunner runner, StudyOutput out, Journal journal) throws IOException {
            for (int i = 0; i < done; i++) {
                journal.record(0, new Replication(i, 7, null, new IllegalStateException("broken")));
            }
            throw new IOException("disk full");
        }

        @Override
        public List<StudyResult.Failure> failures(Void result) {
            return List.of();
        }

        @Override
        public long runsTotal(Void result) {
            return 0;
        }
    }
}
