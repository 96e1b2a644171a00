package io.gpusim.cli;

import io.gpusim.experiment.DesignType;
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

/** {@code gpusim sweep}: a design over scenario parameters, with replications at every point. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a design over parameters (grid, Monte Carlo, Latin hypercube or Sobol), --runs at each "
                + "point, with common random numbers across points.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path file;

    @Option(names = "--vary", required = true, paramLabel = "PATH=v1,v2,...|PATH=lo:hi",
            description = "A parameter to vary: listed values, or a range of numbers or dates (repeatable).")
    private List<String> vary;

    @Option(names = "--design", defaultValue = "grid",
            description = "grid, mc, lhs or sobol (default: ${DEFAULT-VALUE}).")
    private String design;

    @Option(names = "--points", description = "Grid: levels per range (default 3); others: points (default 16).")
    private Integer points;

    @Mixin
    private StudyFlags flags;

    @Override
    public Integer call() throws Exception {
        if (flags.problem() != null) {
            spec.commandLine().getErr().println("gpusim sweep: " + flags.problem());
            return Main.EXIT_USAGE;
        }
        DesignType type;
        try {
            type = DesignType.valueOf(design.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("gpusim sweep: --design " + design
                    + ": expected grid, mc, lhs or sobol");
            return Main.EXIT_USAGE;
        }
        StudyDefinition def = new StudyDefinition("sweep", List.of(file.toString()), flags.overrides(),
                new StudyDefinition.DesignSpec(type, vary, points), null, flags.runs, flags.seed, flags.threads, null,
                flags.output());
        return StudyExecution.execute(def, Path.of(""), flags.options(Commands.commandLine(spec)),
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
