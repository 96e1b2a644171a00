package io.gpusim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim validate}: check scenario files and print every error. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check scenario files; print every error as FILE:LINE:COL: PATH: message; exit 2 on any.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--verbose", description = "Stack traces with errors.")
    private boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML or JSON).")
    private List<Path> files;

    @Override
    public Integer call() {
        if (Scenarios.loadAll(files, spec.commandLine().getErr()) == null) {
            return Main.EXIT_USAGE;
        }
        for (Path f : files) {
            spec.commandLine().getOut().println(f + ": ok");
        }
        spec.commandLine().getOut().flush();
        return 0;
    }
}
