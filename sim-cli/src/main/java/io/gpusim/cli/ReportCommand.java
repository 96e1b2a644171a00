package io.gpusim.cli;

import io.gpusim.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim report}: one self-contained HTML page from an output directory. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Write DIR/report.html: the manifest, summary, comparison and sensitivity tables and every "
                + "chart embedded, in one file to open or send.")
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "An output directory.")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(dir.resolve("summary.csv")) && !Files.isRegularFile(dir.resolve("sensitivity.csv"))) {
            spec.commandLine().getErr().println("gpusim report: " + dir + " holds no study output (summary.csv)");
            return Main.EXIT_USAGE;
        }
        spec.commandLine().getOut().println(Report.write(dir));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
