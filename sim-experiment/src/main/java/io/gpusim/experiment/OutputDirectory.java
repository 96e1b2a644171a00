package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ValidationError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Checks on an output directory before anything is run or written. */
public final class OutputDirectory {
    /** The folder of charts in an output directory. */
    public static final String PLOTS = "plots";

    /** The HTML report of an output directory. */
    public static final String REPORT = "report.html";

    private OutputDirectory() {}

    /** A one-line problem with {@code dir} as an output directory, or null when it can be used. */
    public static String problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " exists and is not a directory";
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return dir + " cannot be created (" + existing + " is not a directory)";
        }
        if (!Files.isWritable(existing)) {
            return dir + " is not writable";
        }
        return null;
    }

    /**
     * Removes the files a study writes into {@code dir} (its outputs, journal, charts and report) so that another study
     * can replace it without leaving any of them behind; files gpusim does not write are kept.
     */
    public static void removeStudy(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    if (Files.isRegularFile(f)
                            && CsvStudyOutput.isOutputFile(f.getFileName().toString())) {
                        Files.delete(f);
                    }
                }
            }
        }
        Files.deleteIfExists(dir.resolve(Journal.FILE));
        Files.deleteIfExists(dir.resolve(REPORT));
        Path plots = dir.resolve(PLOTS);
        if (Files.isDirectory(plots)) {
            try (var files = Files.list(plots)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (Files.isRegularFile(f) && (name.endsWith(".png") || name.endsWith(".svg"))) {
                        Files.delete(f);
                    }
                }
            }
            try (var left = Files.list(plots)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(plots);
                }
            }
        }
        CsvStudyOutput.removeStaleTemporaries(dir);
    }

    /**
     * Makes {@code dir} ready for the outputs of the study with {@code fingerprint}: nothing changes when it holds no
     * study (finished or interrupted) or this one; a different study's files are removed with {@code overwrite} and
     * refused without. Outputs that are no study's, such as those of one run, pass a null fingerprint, so that any
     * study the directory holds is a different one.
     *
     * @throws ScenarioException (field {@code output.dir}) when {@code dir} holds a different study and
     *     {@code overwrite} is false
     */
    public static void claim(Path dir, String fingerprint, boolean overwrite) throws ScenarioException, IOException {
        String journaled = Journal.fingerprintIn(dir);
        String other = journaled != null ? journaled : finishedStudy(dir);
        if (other == null || other.equals(fingerprint)) {
            return;
        }
        if (!overwrite) {
            throw new ScenarioException(List.of(new ValidationError(
                    null,
                    0,
                    0,
                    "output.dir",
                    dir + " holds a different study; use another directory, or --overwrite to replace it")));
        }
        removeStudy(dir);
    }

    /** The fingerprint of the finished study whose manifest a directory holds, or null. */
    public static String finishedStudy(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            var fp = ScenarioLoader.jsonMapper().readTree(manifest.toFile()).get("studyFingerprint");
            return fp == null ? "unknown" : fp.asText();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
