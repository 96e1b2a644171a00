package io.gpusim.cli;

import io.gpusim.core.metrics.Metric;
import io.gpusim.report.Charts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim plot}: PNG and SVG charts from a batch, sweep, compare or sensitivity output directory. */
@Command(
        name = "plot",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Draw charts (PNG and SVG, in DIR/plots) from an output directory: fan charts of the series "
                + "(with --series output) with the ban marked, histograms of metrics, the paired differences of a "
                + "comparison and sensitivity indices, every bar labelled, scenarios named, units on the axes.")
final class PlotCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "DIR",
            description = "An output directory of batch, sweep, compare, " + "study or sensitivity.")
    private Path dir;

    @Option(
            names = "--metrics",
            split = ",",
            paramLabel = "METRIC",
            description = "The metrics to draw: histograms, the bars of a comparison, sensitivity charts (default: "
                    + "requested_units, stockpile_units_at_ban, shipped_share, vendor_writedown_usd; a comparison "
                    + "draws every metric). See gpusim metrics.")
    private List<String> metrics;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            spec.commandLine().getErr().println("gpusim plot: " + dir + " is not a directory");
            return Main.EXIT_USAGE;
        }
        if (metrics != null) {
            // an unknown name is an error naming the nearest one; "," splits into no names, refused as "" is
            for (String m : metrics.isEmpty() ? List.of("") : metrics) {
                Metric.byId(m);
            }
        }
        List<Path> files = Charts.plotAll(dir, metrics);
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
