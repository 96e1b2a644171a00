package io.gpusim.cli;

import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim batch}: Monte Carlo replications of one or more scenarios, summarised. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = "Run Monte Carlo replications of scenarios and summarise them (median, mean, 95%% CI).")
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML or JSON).")
    private List<Path> files;

    @Mixin
    private StudyFlags flags;

    @Option(names = "--until", paramLabel = "METRIC:REL_HALF_WIDTH",
            description = "Keep running blocks of --runs until the 95%% CI half-width of METRIC's mean is below "
                    + "this fraction of the mean (or --max-runs).")
    private String until;

    @Option(names = "--max-runs", defaultValue = "1000000",
            description = "Most replications per scenario with --until (default: ${DEFAULT-VALUE}).")
    private long maxRuns;

    @Override
    public Integer call() throws Exception {
        if (flags.problem() != null) {
            spec.commandLine().getErr().println("gpusim batch: " + flags.problem());
            return Main.EXIT_USAGE;
        }
        StudyDefinition.UntilSpec rule = null;
        if (until != null) {
            int colon = until.lastIndexOf(':');
            if (colon <= 0) {
                spec.commandLine().getErr().println("gpusim batch: --until " + until
                        + ": expected METRIC:REL_HALF_WIDTH");
                return Main.EXIT_USAGE;
            }
            double rel;
            try {
                rel = Double.parseDouble(until.substring(colon + 1));
            } catch (NumberFormatException e) {
                spec.commandLine().getErr().println("gpusim batch: --until " + until
                        + ": the half-width must be a number");
                return Main.EXIT_USAGE;
            }
            rule = new StudyDefinition.UntilSpec(until.substring(0, colon), rel, maxRuns);
        }
        StudyDefinition def = new StudyDefinition("batch", files.stream().map(Path::toString).toList(),
                flags.overrides(), null, null, flags.runs, flags.seed, flags.threads, rule, flags.output());
        return StudyExecution.execute(def, Path.of(""), flags.options(Commands.commandLine(spec)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
