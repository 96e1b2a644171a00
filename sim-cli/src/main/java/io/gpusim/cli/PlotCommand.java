package io.gpusim.cli;

import io.gpusim.report.Charts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim plot}: PNG and SVG charts from a batch, sweep, compare or sensitivity output directory. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        description = "Draw charts (PNG and SVG, in DIR/plots) from an output directory: fan charts of the series "
                + "(with --series output) with the ban marked, histograms of key metrics, paired differences, "
                + "sensitivity indices.")
final class PlotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            description = "An output directory of batch, sweep, compare, " + "study or sensitivity.")
    private Path dir;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("gpusim plot: " + dir + " is not a directory");
            return Main.EXIT_USAGE;
        }
        List<Path> files = Charts.plotAll(dir);
        if (files.isEmpty()) {
            spec.commandLine()
                    .getErr()
                    .println("gpusim plot: nothing to draw in " + dir
                            + " (expected series.csv, runs.csv, compare.csv or sensitivity.csv)");
            return Main.EXIT_USAGE;
        }
        for (Path f : files) {
            spec.commandLine().getOut().println(f);
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
