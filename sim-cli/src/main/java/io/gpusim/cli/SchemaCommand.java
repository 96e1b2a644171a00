package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code gpusim schema}: the JSON Schema of the scenario format. */
@Command(
        name = "schema",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Print the JSON Schema of the scenario format (generated from the scenario types).")
final class SchemaCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        spec.commandLine()
                .getOut()
                .println(ScenarioLoader.jsonMapper()
                        .writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ScenarioSchema.generate()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
