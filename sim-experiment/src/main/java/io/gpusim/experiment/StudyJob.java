package io.gpusim.experiment;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Work that {@link StudyPipeline} runs into an output directory: a batch, sweep or comparison of cells, a sensitivity
 * analysis or a calibration. A job is deterministic given the replications it consumes, and consumes them through
 * the {@link StudyRunner} it is handed, in a fixed order; that is what lets the pipeline journal it and resume it
 * with the same results, on any engine.
 *
 * @param <R> what the job produces
 */
public interface StudyJob<R> {
    /** The study's name (in the manifest and the progress bar). */
    String name();

    /** Its kind in the manifest: batch, sweep, compare, sensitivity, calibration. */
    String kind();

    /** Master seed: replication i of any cell uses {@code Seeds.replicationSeed(seed, i)}. */
    long seed();

    /** Replications per cell (per evaluation for a calibration). */
    int runsPerCell();

    /** Replications the job will run (with a stopping rule or an optimiser, the most it may run). */
    long plannedRuns();

    /** The plan, in words, for a dry run. */
    String describe();

    /** A digest of everything that determines the results; two jobs with equal fingerprints give equal outputs. */
    String fingerprint();

    /** Replications the journal keeps together (2 for a comparison, whose replications come in pairs). */
    default int journalGroup() {
        return 1;
    }

    /** Whether the tidy per-replication outputs ({@code runs.csv}, {@code summary.csv}) are written. */
    default boolean tidyOutputs() {
        return true;
    }

    /** Whether {@code series.csv} is written. */
    default boolean series() {
        return false;
    }

    /** The fully resolved scenarios the job runs, by label, for the manifest. */
    Map<String, Object> manifestScenarios();

    /** SHA-256 of every scenario file that contributed values, by file. */
    Map<String, String> scenarioFiles();

    /** Design points, for {@code points.csv} and the manifest (empty when there is no design). */
    default List<DesignPoint> designPoints() {
        return List.of();
    }

    /** Runs the job: every replication through {@code runner}, results streamed to {@code out}. */
    R run(StudyRunner runner, StudyOutput out, Journal journal) throws IOException, InterruptedException;

    /** The replications that failed. */
    List<StudyResult.Failure> failures(R result);

    /** Replications run. */
    long runsTotal(R result);

    /** Writes the job's own files (beyond the tidy outputs) into the staged output, committed with the rest. */
    default void writeOutputs(CsvStudyOutput files, R result) throws IOException {}
}
