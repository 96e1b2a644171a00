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
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim compare}: two variants with common random numbers, compared pair by pair. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare two scenarios (or a scenario and policy variants of it) with common random numbers: "
                + "replication i of each uses the same seed. Reports paired differences B - A with 95%% CIs and "
                + "P(B > A).")
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..2", paramLabel = "SCENARIO", description = "A and B, or one scenario with --policy.")
    private List<Path> files;

    @Option(names = "--policy", paramLabel = "NAME:PATH=VALUE,...",
            description = "A variant of the scenario: a name and overrides. One policy is compared with the "
                    + "scenario as it is; two policies are compared with each other.")
    private List<String> policies = new ArrayList<>();

    @Mixin
    private StudyFlags flags;

    @Override
    public Integer call() throws Exception {
        if (flags.problem() != null) {
            spec.commandLine().getErr().println("gpusim compare: " + flags.problem());
            return Main.EXIT_USAGE;
        }
        var err = spec.commandLine().getErr();
        List<StudyDefinition.VariantSpec> variants = new ArrayList<>();
        if (files.size() == 2) {
            if (!policies.isEmpty()) {
                err.println("gpusim compare: give two scenarios or one scenario with --policy, not both");
                return Main.EXIT_USAGE;
            }
            variants.add(new StudyDefinition.VariantSpec(null, files.get(0).toString(), Map.of()));
            variants.add(new StudyDefinition.VariantSpec(null, files.get(1).toString(), Map.of()));
        } else {
            if (policies.isEmpty() || policies.size() > 2) {
                err.println("gpusim compare: with one scenario give one or two --policy NAME:PATH=VALUE,...");
                return Main.EXIT_USAGE;
            }
            if (policies.size() == 1) {
                variants.add(new StudyDefinition.VariantSpec("base", null, Map.of()));
            }
            for (String p : policies) {
                int colon = p.indexOf(':');
                if (colon <= 0) {
                    err.println("gpusim compare: --policy " + p + ": expected NAME:PATH=VALUE,...");
                    return Main.EXIT_USAGE;
                }
                Map<String, JsonNode> set = new LinkedHashMap<>();
                for (String assignment : p.substring(colon + 1).split(",")) {
                    ScenarioOverride o;
                    try {
                        o = ScenarioOverride.parse(assignment.trim());
                    } catch (IllegalArgumentException e) {
                        err.println("gpusim compare: --policy " + p + ": '" + assignment.trim()
                                + "' is not PATH=VALUE (expected NAME:PATH=VALUE,...)");
                        return Main.EXIT_USAGE;
                    }
                    set.put(o.path(), o.value());
                }
                variants.add(new StudyDefinition.VariantSpec(p.substring(0, colon), null, set));
            }
        }
        List<String> scenarios = files.size() == 1 ? List.of(files.get(0).toString()) : List.of();
        StudyDefinition def = new StudyDefinition("compare", scenarios, flags.overrides(), null,
                variants, flags.runs, flags.seed, flags.threads, null, flags.output());
        return StudyExecution.execute(def, Path.of(""), flags.options(Commands.commandLine(spec)),
                spec.commandLine().getOut(), err);
    }
}
