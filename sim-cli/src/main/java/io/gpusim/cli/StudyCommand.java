package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim study}: a whole experiment from one versioned YAML file. */
@Command(
        name = "study",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Run a study file: scenarios, overrides, a design or two variants, runs, seed and outputs in "
                + "one YAML file (paths relative to the file).")
final class StudyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Study file (YAML).")
    private Path file;

    @Option(names = "--threads", description = "Worker threads (default: the file's, else available processors).")
    private Integer threads;

    @Mixin
    private Options.Output output;

    @Mixin
    private Options.Engine engine;

    @Override
    public Integer call() throws Exception {
        StudyDefinition.Loaded study = StudyDefinition.load(file);
        Path base = file.toAbsolutePath().getParent();
        try {
            return StudyExecution.execute(study.definition(), base, file + ": set", spec, output, threads, engine);
        } catch (ScenarioException e) {
            // Problems with the file's own fields are the file's; those with flags given here stay the flags'.
            List<ValidationError> located = new ArrayList<>();
            for (ValidationError v : e.errors()) {
                boolean fromFlag = v.file() == null
                        && (("output.dir".equals(v.path()) && output.out != null)
                                || ("threads".equals(v.path()) && threads != null)
                                || "engine".equals(v.path())
                                || "resume".equals(v.path())
                                || "overwrite".equals(v.path()));
                located.add(v.file() != null || fromFlag ? v : study.locate(v));
            }
            throw new ScenarioException(located);
        }
    }
}
