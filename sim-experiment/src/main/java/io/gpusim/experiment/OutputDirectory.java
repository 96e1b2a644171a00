package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on an output directory before anything is run or written. */
public final class OutputDirectory {
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
