package io.gpusim.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A temporary directory beside the files it prepares, removed with the files in it when closed, and also when the
 * process is stopped meanwhile (Ctrl-C, {@code kill}) by a shutdown hook registered for as long as it exists.
 */
final class StagingDirectory implements AutoCloseable {
    private final Path path;
    private final Thread hook;

    private StagingDirectory(Path path) {
        this.path = path;
        this.hook = new Thread(() -> remove(path), "gpusim-staging-cleanup");
    }

    /** Creates a temporary directory in {@code dir} whose name starts with {@code prefix}. */
    static StagingDirectory create(Path dir, String prefix) throws IOException {
        StagingDirectory staging = new StagingDirectory(Files.createTempDirectory(dir, prefix));
        Runtime.getRuntime().addShutdownHook(staging.hook);
        return staging;
    }

    /** The directory. */
    Path path() {
        return path;
    }

    /** The shutdown hook that removes the directory if the process stops before {@link #close()}. */
    Thread hook() {
        return hook;
    }

    /** Unregisters the shutdown hook and removes the directory and the files in it. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running, and removes the directory
            return;
        }
        remove(path);
    }

    /** Removes a directory and the files in it; what cannot be removed stays, and nothing refers to it. */
    static void remove(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // already gone, or not ours to remove any more
        }
    }
}
