package io.gpusim.cli;

import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim batch}: Monte Carlo replications of one or more scenarios, summarised. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Run Monte Carlo replications of scenarios and summarise them (median, mean, 95%% CI).")
final class BatchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML or JSON).")
    private List<Path> files;

    @Mixin
    private Options.Study flags;

    @Option(
            names = "--until",
            paramLabel = "METRIC:REL_HALF_WIDTH",
            converter = Converters.Until.class,
            description = "Keep running blocks of --runs until the 95%% CI half-width of METRIC's mean is below "
                    + "this fraction of the mean (or --max-runs).")
    private StudyDefinition.UntilSpec until;

    @Option(
            names = "--max-runs",
            defaultValue = "1000000",
            description = "Most replications per scenario with --until (default: ${DEFAULT-VALUE}).")
    private long maxRuns;

    @Override
    public Integer call() throws Exception {
        if (until == null && spec.commandLine().getParseResult().hasMatchedOption("--max-runs")) {
            throw new ParameterException(
                    spec.commandLine(), "--max-runs needs --until (it caps the replications --until adds)");
        }
        StudyDefinition.UntilSpec rule =
                until == null ? null : new StudyDefinition.UntilSpec(until.metric(), until.relHalfWidth(), maxRuns);
        StudyDefinition def = new StudyDefinition(
                "batch",
                files.stream().map(Path::toString).toList(),
                flags.overrides.asMap(),
                null,
                null,
                flags.runs,
                flags.model.seed,
                null,
                rule,
                flags.outputSpec());
        return StudyExecution.execute(def, Path.of(""), "--set", spec, flags.output, flags.model.threads, flags.engine);
    }
}
