package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim study}: a whole experiment from one versioned YAML file. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = "Run a study file: scenarios, overrides, a design or two variants, runs, seed and outputs in "
                + "one YAML file (paths relative to the file).")
final class StudyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "Study file (YAML).")
    private Path file;

    @Option(names = "--dry-run", description = "Print the plan (cells x runs) and stop.")
    private boolean dryRun;

    @Option(names = "--threads", description = "Worker threads (default: the file's, else available processors).")
    private Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: the file's output.dir).")
    private Path out;

    @Option(names = "--quiet", description = "No progress bar.")
    private boolean quiet;

    @Option(names = "--resume", description = "Finish an interrupted run of this study.")
    private boolean resume;

    @Option(names = "--verbose", description = "Stack traces with errors.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        StudyDefinition def;
        try {
            def = StudyDefinition.load(file);
        } catch (ScenarioException e) {
            for (ValidationError v : e.errors()) {
                spec.commandLine().getErr().println(v);
            }
            return Main.EXIT_USAGE;
        }
        Path base = file.toAbsolutePath().getParent();
        return StudyExecution.execute(def, base, new StudyExecution.Options(out, threads, quiet, dryRun, resume,
                Commands.commandLine(spec), file + ": set", "local", null), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
