package io.gpusim.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds an output directory for one running study: an exclusive lock on {@code .gpusim.lock} in it, which also
 * names the process. The operating system drops the lock when the process ends, however it ends, so a crash never
 * leaves a directory locked; a second study that asks for the directory meanwhile is refused at once. A directory
 * the lock created is removed again when it is released empty, so a command that fails leaves no directory behind;
 * and when the process is stopped (Ctrl-C, {@code kill}) while it holds the directory, a shutdown hook removes the
 * half-written files, the lock file and, if nothing else is left in it (such as a study's journal), the directory.
 */
public final class OutputLock implements AutoCloseable {
    /** The lock file's name. */
    public static final String FILE = ".gpusim.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    /** The directory (absolute) and the nearest of its parents that existed before the lock was taken. */
    private final Path dir;

    private final Path existed;

    private final Thread hook;

    private OutputLock(Path file, FileChannel channel, FileLock lock, Path dir, Path existed) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.dir = dir;
        this.existed = existed;
        this.hook = new Thread(this::stopped, "gpusim-output-cleanup");
    }

    /** Thrown when another live process (or another study in this one) holds the directory. */
    public static final class InUseException extends IOException {
        private static final long serialVersionUID = 1L;

        InUseException(String message) {
            super(message);
        }
    }

    /**
     * Creates the directory if needed and locks it for this process. What it creates of the directory is removed by
     * {@link #close()} if nothing was left in it; on failure here it is removed at once.
     *
     * @throws InUseException when another study holds it, naming the directory and that process
     */
    public static OutputLock acquire(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath().normalize();
        Path existed = OutputDirectory.nearestExisting(absolute);
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            OutputDirectory.removeCreated(absolute, existed);
            throw e;
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new InUseException("output directory " + dir + " is in use by another gpusim study (process " + holder
                    + "); wait for it to finish or choose another directory");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(false);
        OutputLock held = new OutputLock(file, channel, lock, absolute, existed);
        Runtime.getRuntime().addShutdownHook(held.hook);
        return held;
    }

    /** The shutdown hook that cleans up after a process stopped while it holds the directory. */
    Thread hook() {
        return hook;
    }

    /** When the process is stopped: what a study's own hook keeps (its journal) stays, the rest goes. */
    private void stopped() {
        try {
            CsvStudyOutput.removeStaleTemporaries(dir);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // what cannot be removed stays; the operating system drops the lock itself
        }
        OutputDirectory.removeCreated(dir, existed);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buf = ByteBuffer.allocate(64);
            int n = channel.read(buf, 0);
            String pid = n <= 0 ? "" : new String(buf.array(), 0, n, StandardCharsets.UTF_8).trim();
            return pid.isEmpty() ? "unknown" : pid;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Releases the directory and removes the lock file; then the directories {@link #acquire} created are removed if
     * they are empty (a command that wrote nothing there, or removed what it wrote after a failure). A directory that
     * existed before, or that holds anything, is kept.
     */
    @Override
    public void close() throws IOException {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running too; both only remove what is there
        }
        try {
            Files.deleteIfExists(file);
        } finally {
            lock.release();
            channel.close();
        }
        OutputDirectory.removeCreated(dir, existed);
    }
}
