package io.gpusim.cli;

import io.gpusim.experiment.OutputDirectory;
import io.gpusim.report.Discovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim discover}: scenario discovery (PRIM) on a sweep's outputs. */
@Command(
        name = "discover",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Find the boxes of input space where an outcome happens (PRIM) in a sweep's output: writes "
                + "SWEEP_DIR/boxes.csv and prints the chosen box in words.")
final class DiscoverCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SWEEP_DIR", description = "Output directory of a sweep.")
    private Path dir;

    @Option(names = "--metric", required = true, description = "The metric that defines the outcome.")
    private String metric;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Threshold threshold;

    static final class Threshold {
        @Option(names = "--above", description = "Cases: metric >= X.")
        Double above;

        @Option(names = "--below", description = "Cases: metric <= X.")
        Double below;
    }

    @Option(names = "--peel", defaultValue = "0.05", description = "Share peeled per step (default: ${DEFAULT-VALUE}).")
    private double peel;

    @Option(
            names = "--min-coverage",
            defaultValue = "0.5",
            description = "Choose the densest box covering at least this share of cases (default: ${DEFAULT-VALUE}).")
    private double minCoverage;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        if (!Files.isDirectory(dir)) {
            err.println("gpusim discover: " + dir + " is not a directory");
            return Main.EXIT_USAGE;
        }
        if (!(peel > 0 && peel < 0.5) || !(minCoverage >= 0 && minCoverage <= 1)) {
            err.println("gpusim discover: --peel must be in (0, 0.5) and --min-coverage in [0, 1]");
            return Main.EXIT_USAGE;
        }
        boolean above = threshold.above != null;
        double x = above ? threshold.above : threshold.below;
        if (!Double.isFinite(x)) {
            String option = above ? "--above" : "--below";
            err.println("gpusim discover: " + option + " must be a finite number, got '"
                    + spec.commandLine()
                            .getParseResult()
                            .matchedOption(option)
                            .originalStringValues()
                            .get(0) + "'");
            return Main.EXIT_USAGE;
        }
        Discovery.Result result = Discovery.run(dir, metric, above, x, peel, minCoverage);
        Discovery.write(dir.resolve(OutputDirectory.BOXES), result.rows());
        spec.commandLine().getOut().println(result.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
