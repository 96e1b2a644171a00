package io.gpusim.cli;

import io.gpusim.agents.Simulation;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.experiment.StudyJob;
import io.gpusim.experiment.StudyPipeline;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Runs a job through the experiment layer's pipeline for a command: settings, progress bar, interrupt message. */
final class Pipelines {
    private Pipelines() {}

    /**
     * Runs (or, with {@code --dry-run}, describes) a job into {@code out} as the output flags say. Returns the
     * outcome, or null after a dry run or when the output directory already held the finished study (said on stdout).
     */
    static <R> StudyPipeline.Outcome<R> run(
            StudyJob<R> job,
            CommandSpec spec,
            Path out,
            Options.Output output,
            int threads,
            Options.Engine engine,
            boolean recordSeries)
            throws ScenarioException, IOException, InterruptedException {
        if (engine.master != null && "local".equals(engine.engine)) {
            throw new ParameterException(spec.commandLine(), "--master needs --engine spark");
        }
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> commandLine = Commands.commandLine(spec);
        boolean bar = !output.quiet && Terminal.stderrIsTerminal();
        try (ProgressBar progress = bar
                ? new ProgressBarBuilder()
                        .setTaskName(job.name())
                        .setInitialMax(job.plannedRuns())
                        .setStyle(ProgressBarStyle.ASCII)
                        .showSpeed()
                        .setUpdateIntervalMillis(250)
                        .build()
                : null) {
            StudyPipeline.Listener listener = new StudyPipeline.Listener() {
                @Override
                public void progress(long done, long planned) {
                    if (progress != null) {
                        progress.stepTo(done);
                    }
                }

                @Override
                public void interrupted(long done, long planned, Path journal) {
                    String again = commandLine.stream()
                            .filter(a -> !a.equals("--resume") && !a.equals("--overwrite"))
                            .collect(Collectors.joining(" "));
                    err.println("gpusim: interrupted after " + done + " of " + planned + " replications (saved in "
                            + journal + "); finish with:");
                    err.println("  " + again + " --resume");
                    err.flush();
                }
            };
            StudyPipeline.Settings settings = new StudyPipeline.Settings(
                    out,
                    output.resume,
                    output.overwrite,
                    threads,
                    engine.engine,
                    engine.master,
                    Simulation.replicator(recordSeries),
                    new StudyPipeline.Provenance(Version.current(), Version.commit(), commandLine),
                    listener);
            if (output.dryRun) {
                StudyPipeline.check(settings);
                stdout.print(job.describe());
                stdout.flush();
                return null;
            }
            StudyPipeline.Outcome<R> outcome = StudyPipeline.run(job, settings);
            if (outcome.alreadyFinished()) {
                stdout.println("gpusim: " + out + " already holds this finished study; nothing to resume");
                stdout.flush();
                return null;
            }
            return outcome;
        }
    }

    /** Prints the failed replications to stderr; returns the exit code (0, or 1 when any failed). */
    static int reportFailures(List<io.gpusim.experiment.StudyResult.Failure> failures, PrintWriter err) {
        for (io.gpusim.experiment.StudyResult.Failure f : failures) {
            err.printf(
                    java.util.Locale.ROOT,
                    "gpusim: %s%s replication %d (seed %d) failed: %s%n",
                    f.scenario(),
                    f.point().isEmpty() ? "" : " point " + f.point(),
                    f.run(),
                    f.seed(),
                    f.error());
        }
        err.flush();
        return failures.isEmpty() ? 0 : Main.EXIT_RUN_FAILED;
    }
}
