package io.gpusim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code gpusim compare}: two variants with common random numbers, compared pair by pair. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Compare two scenarios (or a scenario and policy variants of it) with common random numbers: "
                + "replication i of each uses the same seed. Reports paired differences B - A with 95%% CIs and "
                + "P(B > A).")
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "SCENARIO", description = "A and B, or one scenario with --policy.")
    private List<Path> files;

    @Option(
            names = "--policy",
            paramLabel = "NAME:PATH=VALUE,...",
            converter = Policy.class,
            description = "A variant of the scenario: a name and overrides. One policy is compared with the "
                    + "scenario as it is; two policies are compared with each other.")
    private List<StudyDefinition.VariantSpec> policies = new ArrayList<>();

    @Mixin
    private Options.Study flags;

    /**
     * {@code NAME:PATH=VALUE,...}: a named variant of the scenario. The name must not be blank, and each path is set
     * once: a second value for it would silently replace the first.
     */
    static final class Policy implements ITypeConverter<StudyDefinition.VariantSpec> {
        @Override
        public StudyDefinition.VariantSpec convert(String value) {
            int colon = value.indexOf(':');
            if (colon < 0 || value.substring(0, colon).isBlank()) {
                throw new TypeConversionException("'" + value + "': expected NAME:PATH=VALUE,...");
            }
            String name = value.substring(0, colon).trim();
            List<ScenarioOverride> given = new ArrayList<>();
            for (String assignment : value.substring(colon + 1).split(",", -1)) {
                given.add(Converters.override(assignment.trim(), "--policy"));
            }
            Converters.Twice twice = Converters.givenTwice(given);
            if (twice != null) {
                throw new TypeConversionException(
                        "policy '" + name + "' sets " + twice.path() + " twice " + twice.both() + "; give it once");
            }
            Map<String, JsonNode> set = new LinkedHashMap<>();
            given.forEach(o -> set.put(o.path(), o.value()));
            return new StudyDefinition.VariantSpec(name, null, set);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<StudyDefinition.VariantSpec> variants = new ArrayList<>();
        if (files.size() > 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give two scenario files, or one with --policy; got " + files.size() + " scenario files");
        }
        if (files.size() == 2) {
            if (!policies.isEmpty()) {
                throw new ParameterException(
                        spec.commandLine(), "give two scenarios or one scenario with --policy, not both");
            }
            variants.add(new StudyDefinition.VariantSpec(null, files.get(0).toString(), Map.of()));
            variants.add(new StudyDefinition.VariantSpec(null, files.get(1).toString(), Map.of()));
        } else {
            if (policies.isEmpty() || policies.size() > 2) {
                throw new ParameterException(
                        spec.commandLine(), "with one scenario give one or two --policy NAME:PATH=VALUE,...");
            }
            if (policies.size() == 1) {
                // The scenario as it is, labelled with its own name as in every other command's outputs.
                variants.add(new StudyDefinition.VariantSpec(null, null, Map.of()));
            }
            variants.addAll(policies);
        }
        List<String> scenarios = files.size() == 1 ? List.of(files.get(0).toString()) : List.of();
        StudyDefinition def = new StudyDefinition(
                "compare",
                scenarios,
                flags.overrides.asMap(),
                null,
                variants,
                flags.runs,
                flags.model.seed,
                null,
                null,
                flags.outputSpec());
        return StudyExecution.execute(def, Path.of(""), "--set", spec, flags.output, flags.model.threads, flags.engine);
    }
}
