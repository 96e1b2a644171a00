package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ValidationError;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** Checks on an output directory before anything is run or written. */
public final class OutputDirectory {
    /** The folder of charts in an output directory. */
    public static final String PLOTS = "plots";

    /** The HTML report of an output directory. */
    public static final String REPORT = "report.html";

    /** The boxes a scenario discovery found in a sweep's directory. */
    public static final String BOXES = "boxes.csv";

    /** The problem with an output directory given as an empty path. */
    public static final String EMPTY_PATH = "must name a directory, not an empty path";

    /** What {@link #finishedStudy} says of a directory with output files but no manifest. */
    public static final String UNRECORDED = "no manifest";

    private OutputDirectory() {}

    /**
     * A one-line problem with {@code dir} as an output directory, or null when it can be used; a directory where an
     * output file would go is one. Beyond the permission bits (which a superuser passes, and which say nothing of
     * read-only or virtual file systems such as {@code /proc}), the file system is asked: what is missing of
     * {@code dir} is created and a file written in it, then both are removed, so nothing is left behind either way.
     */
    public static String problem(Path dir) {
        if (dir.toString().isBlank()) {
            return EMPTY_PATH; // an empty path is the working directory: never a place named on purpose
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return dir + " exists and is not a directory";
        }
        for (String name : CsvStudyOutput.OUTPUT_FILES) {
            if (Files.isDirectory(dir.resolve(name))) {
                return dir.resolve(name) + " is a directory, where gpusim writes a file";
            }
        }
        Path absolute = dir.toAbsolutePath().normalize();
        Path existing = nearestExisting(absolute);
        if (existing == null || !Files.isDirectory(existing)) {
            return dir + " cannot be created (" + existing + " is not a directory)";
        }
        if (!Files.isWritable(existing)) {
            return dir + " is not writable";
        }
        try {
            Files.createDirectories(absolute);
        } catch (IOException e) {
            return dir + " cannot be created: " + reason(e);
        }
        try {
            Files.delete(Files.createTempFile(absolute, ".gpusim-probe", ".tmp"));
            return null;
        } catch (IOException e) {
            return dir + " is not writable: " + reason(e);
        } finally {
            removeCreated(absolute, existing);
        }
    }

    /** The nearest of an absolute path and its parents that exists, or null when none does. */
    static Path nearestExisting(Path absolute) {
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /**
     * Removes the directories from {@code dir} up to, not including, {@code existing}: those created since
     * {@code existing} was found to be the nearest existing one. Stops at the first that is not empty.
     */
    static void removeCreated(Path dir, Path existing) {
        for (Path p = dir; p != null && !p.equals(existing); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                return; // another process put something there: it is no longer only the probe's
            }
        }
    }

    /** What the file system said, in a few words ("no such file or directory", "operation not permitted"). */
    private static String reason(IOException e) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file or directory";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason();
        } else {
            reason = String.valueOf(e.getMessage());
        }
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }

    /**
     * Removes the files a study writes into {@code dir} (its outputs, journal, charts, report and discovered boxes),
     * so that another study
     * can replace it without leaving any of them behind; files gpusim does not write are kept.
     */
    public static void removeStudy(Path dir) throws IOException {
        removeStudyExcept(dir, Set.of());
    }

    /**
     * As {@link #removeStudy}, keeping the output files named in {@code keep}: what a study that replaced another
     * has just put in place.
     */
    public static void removeStudyExcept(Path dir, Set<String> keep) throws IOException {
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (Files.isRegularFile(f) && CsvStudyOutput.isOutputFile(name) && !keep.contains(name)) {
                        Files.delete(f);
                    }
                }
            }
        }
        Files.deleteIfExists(dir.resolve(Journal.FILE));
        Files.deleteIfExists(dir.resolve(REPORT));
        Files.deleteIfExists(dir.resolve(BOXES));
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
     * study (finished or interrupted) or this one; a different study is refused without {@code overwrite}. With it,
     * the other study's journal goes (this study's takes its place) but its outputs, charts and report stay until
     * this study has put its own in place ({@link #replacesFinishedStudy}, {@link #removeStudyExcept}): a study that
     * fails or is stopped leaves the finished one it was to replace as it was. The outputs of one run carry a
     * fingerprint of their own in their manifest (kind {@link Manifest#ONE_RUN}), so that a study and a run, or two
     * different runs, never share a directory unasked.
     *
     * @return whether {@code dir} holds a different study, which {@code overwrite} is replacing
     * @throws ScenarioException (field {@code output.dir}) when {@code dir} holds a different study and
     *     {@code overwrite} is false
     */
    public static boolean claim(Path dir, String fingerprint, boolean overwrite) throws ScenarioException, IOException {
        String journaled = Journal.fingerprintIn(dir);
        String other = journaled != null ? journaled : finishedStudy(dir);
        if (other == null || other.equals(fingerprint)) {
            return false;
        }
        if (!overwrite) {
            String held = other.equals(UNRECORDED)
                    ? " holds " + String.join(", ", outputFiles(dir)) + " with no manifest.json: the outputs of no "
                            + "study recorded there; use another directory, or --overwrite to replace them"
                    : " holds a different study; use another directory, or --overwrite to replace it";
            throw new ScenarioException(List.of(new ValidationError(null, 0, 0, "output.dir", dir + held)));
        }
        Files.deleteIfExists(dir.resolve(Journal.FILE));
        return true;
    }

    /** The names of the output files (of the names gpusim writes) that {@code dir} holds, sorted. */
    private static List<String> outputFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .filter(CsvStudyOutput::isOutputFile)
                    .sorted()
                    .toList();
        }
    }

    /**
     * Whether {@code dir} holds the finished outputs of a study other than the one with {@code fingerprint} (which a
     * study claimed with {@code overwrite}, or resumed after such a claim, is replacing).
     */
    public static boolean replacesFinishedStudy(Path dir, String fingerprint) throws IOException {
        String finished = finishedStudy(dir);
        return finished != null && !finished.equals(fingerprint);
    }

    /**
     * The fingerprint of the finished study whose manifest a directory holds; {@link #UNRECORDED} when it holds files
     * of the names gpusim writes but no manifest (an older gpusim's, or someone else's: not to be replaced unasked);
     * null when it holds neither.
     */
    public static String finishedStudy(Path dir) throws IOException {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return outputFiles(dir).isEmpty() ? null : UNRECORDED;
        }
        try {
            var fp = ScenarioLoader.jsonMapper().readTree(manifest.toFile()).get("studyFingerprint");
            return fp == null ? "unknown" : fp.asText();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
