package io.gpusim.experiment;

import java.util.List;
import java.util.Map;

/**
 * Provenance of a study's outputs, written as {@code manifest.json}.
 *
 * @param scenarioFiles SHA-256 of every scenario file that contributed values
 * @param scenarios the fully resolved scenario of every cell (label: scenario)
 */
public record Manifest(
        String gpusimVersion,
        String gitCommit,
        List<String> commandLine,
        String study,
        String kind,
        String studyFingerprint,
        Map<String, String> scenarioFiles,
        Map<String, Object> scenarios,
        List<Map<String, Object>> designPoints,
        long masterSeed,
        int runsPerCell,
        long runsTotal,
        int threads,
        String started,
        String finished,
        String javaVersion,
        long failedRuns) {

    /** The kind of the outputs of one replication ({@code gpusim run --out}), which are no study's. */
    public static final String ONE_RUN = "run";

    /** The Java that ran the study, as the manifest records it: vendor and version. */
    public static String runningJava() {
        return System.getProperty("java.vendor") + " " + System.getProperty("java.version");
    }
}
