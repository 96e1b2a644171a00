package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim validate}: check scenario files and print every error. */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Check scenario files; print every error as FILE:LINE:COL: PATH: message (exit 2 on any), and "
                + "every warning as FILE:LINE:COL: PATH: warning: message (exit 0).")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario files (YAML or JSON).")
    private List<Path> files;

    @Override
    public Integer call() throws ScenarioException {
        // Each file on its own: the valid ones are said to be, beside the errors of the others.
        List<ValidationError> errors = new ArrayList<>();
        for (Path f : files) {
            try {
                Scenarios.warn(spec.commandLine().getErr(), List.of(ScenarioTemplate.load(f)));
                spec.commandLine().getOut().println(f + ": ok");
            } catch (ScenarioException e) {
                errors.addAll(e.errors());
            }
        }
        spec.commandLine().getOut().flush();
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return 0;
    }
}
