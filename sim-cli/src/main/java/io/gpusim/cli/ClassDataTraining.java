package io.gpusim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workload the launcher records its class-data sharing archive from: the everyday commands (run, batch with
 * files written, validate, the metric glossary) on one scenario, with their output thrown away. Recording from this
 * rather than from whichever command happens to come first after a build means every later command maps the classes
 * of the model, the statistics and the writers, not only those of, say, {@code validate}.
 *
 * <p>Usage: {@code java -XX:DumpLoadedClassList=LIST -cp gpusim.jar io.gpusim.cli.ClassDataTraining SCENARIO}, then
 * {@code java -Xshare:dump -XX:SharedClassListFile=LIST -XX:SharedArchiveFile=ARCHIVE -cp gpusim.jar}. Exits 0 when
 * every command succeeded, else 1 (and the launcher then keeps no archive).
 */
public final class ClassDataTraining {
    private ClassDataTraining() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: ClassDataTraining SCENARIO");
            System.exit(Main.EXIT_USAGE);
        }
        System.exit(train(args[0]) ? 0 : 1);
    }

    /** Runs the everyday commands on {@code scenario}; returns whether each exited with 0. */
    static boolean train(String scenario) throws IOException {
        Path dir = Files.createTempDirectory("gpusim-cds");
        try {
            String out = dir.resolve("batch").toString();
            List<List<String>> commands = List.of(
                    List.of("run", scenario, "--seed", "1"),
                    List.of("batch", scenario, "--runs", "2", "--threads", "1", "--out", out, "--series", "--quiet"),
                    List.of("validate", scenario),
                    List.of("metrics"));
            PrintWriter discard = new PrintWriter(Writer.nullWriter());
            boolean ok = true;
            for (List<String> command : commands) {
                ok &= Main.execute(discard, discard, command.toArray(String[]::new)) == 0;
            }
            return ok;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
