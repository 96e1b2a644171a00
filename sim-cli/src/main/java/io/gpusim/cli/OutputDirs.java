package io.gpusim.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on an output directory before anything is run. */
final class OutputDirs {
    private OutputDirs() {
    }

    /** A one-line problem with {@code dir} as an output directory, or null when it can be used. */
    static String problem(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            return "--out " + dir + " exists and is not a directory";
        }
        Path existing = dir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isWritable(existing)) {
            return "--out " + dir + " is not writable";
        }
        return null;
    }
}
