package io.gpusim.experiment;

import io.gpusim.core.Replicator;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ValidationError;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a study runs into a directory, whatever its kind: check the settings and the directory, hold the
 * directory for this process, journal every replication (and, to resume, replay the journal of an interrupted run),
 * write every file under a temporary name and rename it into place when complete, report progress, and write the
 * manifest. A run that fails leaves the directory as it found it: its temporary files and the journal it started are
 * removed, and so is the directory if the run created it ({@link OutputLock}). Every command and every engine goes through here, so every study can be interrupted and resumed with
 * identical outputs.
 *
 * <p>Problems with the settings are reported as {@link ScenarioException}s whose paths are the study file's field
 * names ({@code threads}, {@code engine}, {@code output.dir}, {@code resume}); a front end translates them.
 */
public final class StudyPipeline {
    private StudyPipeline() {}

    /** Who and what made the outputs, for the manifest. */
    public record Provenance(String version, String commit, List<String> commandLine) {
        public Provenance {
            commandLine = List.copyOf(commandLine);
        }
    }

    /**
     * Where and how to run.
     *
     * @param out output directory, or null for none (results are only returned)
     * @param resume finish the interrupted study journaled in {@code out}
     * @param overwrite replace the outputs of a different study that {@code out} holds (finished or interrupted)
     * @param threads local threads, or partitions per batch of tasks for a cluster engine
     * @param engine {@code local} or the name of an engine on the class path ({@code spark})
     * @param master the engine's master URL, or null
     */
    public record Settings(
            Path out,
            boolean resume,
            boolean overwrite,
            int threads,
            String engine,
            String master,
            Replicator replicator,
            Provenance provenance,
            Listener listener) {

        /** Settings that never replace another study's outputs. */
        public Settings(
                Path out,
                boolean resume,
                int threads,
                String engine,
                String master,
                Replicator replicator,
                Provenance provenance,
                Listener listener) {
            this(out, resume, false, threads, engine, master, replicator, provenance, listener);
        }
    }

    /** Told what happens while a study runs. */
    public interface Listener {
        /** Replications finished so far, of at most {@code planned}. */
        default void progress(long done, long planned) {}

        /** The process is being stopped (Ctrl-C, {@code kill}): the journal is saved and the run can be resumed. */
        default void interrupted(long done, long planned, Path journal) {}
    }

    /** What a run produced: the job's result, or none when the directory already held the finished study. */
    public record Outcome<R>(R result, boolean alreadyFinished) {}

    /** Checks the settings that do not depend on the directory's contents; all problems together. */
    public static void check(Settings s) throws ScenarioException {
        List<ValidationError> errors = new ArrayList<>();
        if (s.threads() < 1) {
            errors.add(error("threads", "must be >= 1, got " + s.threads()));
        }
        if (!TaskEngineFactory.available(s.engine())) {
            errors.add(error(
                    "engine",
                    "'" + s.engine() + "' is not available"
                            + ("spark".equals(s.engine())
                                    ? " here: run with the sim-spark jar and Spark on the class path"
                                    : "; engines: local, spark")));
        }
        if (s.out() != null) {
            String problem = OutputDirectory.problem(s.out());
            if (problem != null) {
                errors.add(error("output.dir", problem));
            }
        } else if (s.resume()) {
            errors.add(error("resume", "needs the output directory of the interrupted study"));
        }
        if (s.overwrite() && s.resume()) {
            errors.add(error(
                    "overwrite",
                    "replaces a study and resume finishes one: give one of them (resume keeps what was journaled)"));
        } else if (s.overwrite() && s.out() == null) {
            errors.add(error("overwrite", "needs an output directory"));
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
    }

    /** Runs a job as the settings say. */
    public static <R> Outcome<R> run(StudyJob<R> job, Settings s)
            throws ScenarioException, IOException, InterruptedException {
        check(s);
        Path out = s.out();
        if (out == null) {
            return new Outcome<>(execute(job, s, null, null, false, false), false);
        }
        OutputLock lock;
        try {
            lock = OutputLock.acquire(out);
        } catch (OutputLock.InUseException e) {
            throw new ScenarioException(List.of(error("output.dir", e.getMessage())));
        }
        try (lock) {
            String fingerprint = job.fingerprint();
            Journal journal;
            if (s.resume()) {
                String journaled = Journal.fingerprintIn(out);
                if (journaled == null) {
                    if (fingerprint.equals(OutputDirectory.finishedStudy(out))) {
                        return new Outcome<>(null, true);
                    }
                    throw new ScenarioException(List.of(error("resume", out + " holds no interrupted study")));
                }
                if (!journaled.equals(fingerprint)) {
                    throw new ScenarioException(List.of(error(
                            "resume",
                            "the study journaled in " + out
                                    + " differs from this one (scenario files, overrides or options changed); run it as "
                                    + "it was, or use another output directory")));
                }
            } else {
                OutputDirectory.claim(out, fingerprint, s.overwrite());
            }
            CsvStudyOutput.removeStaleTemporaries(out);
            boolean replacing = OutputDirectory.replacesFinishedStudy(out, fingerprint);
            // The journal keeps metrics, not series: a resume of a study with series recomputes everything.
            boolean fresh = !s.resume() || job.series();
            journal = fresh ? Journal.start(out, fingerprint) : Journal.resume(out, job.journalGroup());
            return new Outcome<>(execute(job, s, out, journal, fresh, replacing), false);
        }
    }

    /**
     * Runs the job and writes its outputs. When it fails (not when the process is being stopped, whose journal the
     * interrupt hook keeps for a resume), a journal it started ({@code freshJournal}) is removed with the temporary
     * files, so that the directory is left as it was found; a journal it resumed was there before, and is kept. A
     * failure to write after replications ran keeps the journal too, and says so: the replications are not lost.
     */
    private static <R> R execute(
            StudyJob<R> job, Settings s, Path out, Journal journal, boolean freshJournal, boolean replacing)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        Thread hook = journal == null ? null : interruptHook(job, s, out, journal);
        boolean succeeded = false;
        boolean keepJournal = false;
        try (TaskEngine engine = TaskEngineFactory.create(s.engine(), s.master(), s.threads());
                CsvStudyOutput files = out == null ? null : new CsvStudyOutput(out, job.tidyOutputs(), job.series())) {
            long planned = job.plannedRuns();
            StudyRunner runner =
                    new StudyRunner(engine, s.replicator(), done -> s.listener().progress(done, planned));
            R result = job.run(runner, files == null ? StudyOutput.NONE : files, journal);
            if (files != null) {
                files.failures(job.failures(result));
                files.points(job.designPoints());
                job.writeOutputs(files, result);
                files.manifest(manifest(job, result, s, started));
                files.commit();
                journal.delete();
                if (replacing) {
                    // the finished study this one replaces: what this one did not put in place (its other tables,
                    // charts, report) goes now that this one is complete
                    OutputDirectory.removeStudyExcept(out, files.fileNames());
                }
                engine.studyWritten(out);
            }
            succeeded = true;
            return result;
        } catch (IOException e) {
            // A study that fails to write (a full disk, say) after replications ran keeps them for a resume.
            if (journal != null && journal.size() > 0) {
                keepJournal = true;
                throw new IOException(
                        e.getMessage() + "; the " + journal.size() + " replications done are kept in "
                                + out.resolve(Journal.FILE) + ": mend the cause and --resume finishes the study",
                        e);
            }
            throw e;
        } finally {
            boolean stopping = false;
            if (hook != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    stopping = true; // the hook is already running, and keeps the journal
                }
            }
            if (journal != null) {
                if (!succeeded && !stopping && freshJournal && !keepJournal) {
                    try {
                        journal.delete();
                    } catch (IOException e) {
                        // the failure that brought us here is the one to report
                    }
                } else {
                    journal.close();
                }
            }
        }
    }

    /** On Ctrl-C or {@code kill -TERM}: save the journal, remove half-written files, tell the listener. */
    private static Thread interruptHook(StudyJob<?> job, Settings s, Path out, Journal journal) {
        Thread hook = new Thread(
                () -> {
                    try {
                        journal.flush();
                        journal.close();
                        CsvStudyOutput.removeStaleTemporaries(out);
                    } catch (IOException e) {
                        // the listener still hears how far the study got
                    }
                    s.listener().interrupted(journal.size(), job.plannedRuns(), out.resolve(Journal.FILE));
                },
                "gpusim-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static <R> Manifest manifest(StudyJob<R> job, R result, Settings s, Instant started) {
        List<Map<String, Object>> points = new ArrayList<>();
        for (DesignPoint p : job.designPoints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("point", p.index());
            m.putAll(p.values());
            points.add(m);
        }
        Provenance p = s.provenance();
        return new Manifest(
                p.version(),
                p.commit(),
                p.commandLine(),
                job.name(),
                job.kind(),
                job.fingerprint(),
                job.scenarioFiles(),
                job.manifestScenarios(),
                points,
                job.seed(),
                job.runsPerCell(),
                job.runsTotal(result),
                s.threads(),
                started.toString(),
                Instant.now().toString(),
                Manifest.runningJava(),
                job.failures(result).size());
    }

    private static ValidationError error(String field, String message) {
        return new ValidationError(null, 0, 0, field, message);
    }
}
