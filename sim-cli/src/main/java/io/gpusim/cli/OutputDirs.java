package io.gpusim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on an output directory before anything is run. */
final class OutputDirs {
    private OutputDirs() {
    }

    /** A one-line problem with {@code dir} as an output directory, or null when it can be used. */
    static String problem(Path dir) {
        return problem("--out", dir);
    }

    /** As {@link #problem(Path)}, naming where the directory was given ("--out", "output.dir"). */
    static String problem(String given, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return given + " " + dir + " exists and is not a directory";
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return given + " " + dir + " cannot be created (" + existing + " is not a directory)";
        }
        if (!Files.isWritable(existing)) {
            return given + " " + dir + " is not writable";
        }
        return null;
    }

    /** The fingerprint of the finished study whose manifest a directory holds, or null. */
    static String finishedStudy(Path dir) {
        Path manifest = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifest)) {
            return null;
        }
        try {
            var node = io.gpusim.core.scenario.ScenarioLoader.jsonMapper().readTree(manifest.toFile());
            var fp = node.get("studyFingerprint");
            return fp == null ? "unknown" : fp.asText();
        } catch (java.io.IOException e) {
            return "unreadable";
        }
    }
}
