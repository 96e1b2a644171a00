package io.gpusim.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall time of whole {@code gpusim} processes, as a script that calls the command line in a loop sees it: JVM start,
 * class loading, reading the scenario, the runs and the output. Each measurement starts a fresh process and waits
 * for it; standard output is discarded, a process that fails stops the measurement with its last error line, and
 * one still running when this JVM is stopped (Ctrl-C) is stopped too.
 */
public final class ProcessTiming {
    private final List<String> launcher;

    /** Times processes started by {@code launcher} followed by a command's arguments. */
    public ProcessTiming(List<String> launcher) {
        if (launcher.isEmpty()) {
            throw new IllegalArgumentException("no command to start gpusim with");
        }
        this.launcher = List.copyOf(launcher);
    }

    /**
     * The way to start gpusim again as this process was started: the launcher script named by the system property
     * {@code gpusim.launcher} when the launcher set it (so its class-data sharing and options count), else this
     * JVM's executable, its options and class path, and {@code mainClass}.
     */
    public static ProcessTiming likeThisProcess(String mainClass) {
        String script = System.getProperty("gpusim.launcher");
        if (script != null && Files.isExecutable(Path.of(script))) {
            return new ProcessTiming(List.of(script));
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            // A child that recorded a class-data archive of its own would overwrite this process's.
            if (!option.startsWith("-XX:ArchiveClassesAtExit")) {
                command.add(option);
            }
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return new ProcessTiming(command);
    }

    /** The command line this timing starts, before a command's arguments. */
    public List<String> launcher() {
        return launcher;
    }

    /**
     * Runs the command {@code times} times, one process after another, and returns each one's wall time in seconds.
     *
     * @throws IOException when a process cannot be started or exits with a non-zero code (the message carries the
     *     last line it wrote to standard error)
     */
    public double[] wallSeconds(List<String> arguments, int times) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(arguments);
        double[] seconds = new double[times];
        Path errors = Files.createTempFile("gpusim-bench", ".err");
        try {
            for (int i = 0; i < times; i++) {
                ProcessBuilder builder = new ProcessBuilder(command)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(errors.toFile());
                long t0 = System.nanoTime();
                int code = waitFor(builder.start());
                seconds[i] = (System.nanoTime() - t0) / 1e9;
                if (code != 0) {
                    throw new IOException(
                            "'" + String.join(" ", arguments) + "' exited with " + code + ": " + lastLine(errors));
                }
            }
        } finally {
            Files.deleteIfExists(errors);
        }
        return seconds;
    }

    /** Waits for a process; when this JVM is stopped meanwhile (Ctrl-C), the process is stopped with it. */
    private static int waitFor(Process process) throws InterruptedException {
        Thread stop = new Thread(process::destroyForcibly);
        Runtime.getRuntime().addShutdownHook(stop);
        try {
            return process.waitFor();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stop);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run: the process is being stopped
            }
        }
    }

    private static String lastLine(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (!lines.get(i).isBlank()) {
                return lines.get(i).strip();
            }
        }
        return "no message";
    }
}
