package io.gpusim.cli;

import io.gpusim.experiment.Journal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * While a study writes to an output directory, Ctrl-C (SIGINT) or {@code kill -TERM} flushes the journal, removes
 * half-written files and says how to resume.
 */
final class Interrupts {
    private final Thread hook;

    Interrupts(Journal journal, Path outDir, long plannedRuns, List<String> commandLine, PrintWriter err) {
        this.hook = new Thread(() -> {
            try {
                journal.flush();
                journal.close();
                io.gpusim.experiment.CsvStudyOutput.removeStaleTemporaries(outDir);
            } catch (IOException e) {
                err.println("gpusim: could not save the journal: " + e.getMessage());
            }
            String again = commandLine.stream().filter(a -> !a.equals("--resume")).collect(Collectors.joining(" "));
            err.println("gpusim: interrupted after " + journal.size() + " of " + plannedRuns
                    + " replications (saved in " + outDir.resolve(Journal.FILE) + "); finish with:");
            err.println("  " + again + " --resume");
            err.flush();
        }, "gpusim-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The study ended normally: no message at exit. */
    void done() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is already running
        }
    }
}
