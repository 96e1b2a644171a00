package io.gpusim.cli;

import io.gpusim.experiment.DesignType;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim sweep}: a design over scenario parameters, with replications at every point. */
@Command(
        name = "sweep",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Run a design over parameters (grid, Monte Carlo, Latin hypercube or Sobol), --runs at each "
                + "point, with common random numbers across points.")
final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path file;

    @Option(
            names = "--vary",
            required = true,
            paramLabel = "PATH=v1,v2,...|PATH=lo:hi",
            converter = Converters.Vary.class,
            description = "A parameter to vary: listed values, or a range of numbers or dates (repeatable). A "
                    + "whole-number field's range has whole ends and gives only whole values.")
    private List<Parameter> vary;

    @Option(
            names = "--design",
            defaultValue = "grid",
            completionCandidates = DesignType.Names.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private DesignType design;

    @Option(names = "--points", description = "Grid: levels per range (default 3); others: points (default 16).")
    private Integer points;

    @Mixin
    private Options.Study flags;

    @Override
    public Integer call() throws Exception {
        List<String> specs = vary.stream().map(Parameter::spec).toList();
        StudyDefinition def = new StudyDefinition(
                "sweep",
                List.of(file.toString()),
                flags.overrides.asMap(),
                new StudyDefinition.DesignSpec(design, specs, points),
                null,
                flags.runs,
                flags.model.seed,
                null,
                null,
                flags.outputSpec());
        return StudyExecution.execute(def, Path.of(""), "--set", spec, flags.output, flags.model.threads, flags.engine);
    }
}
