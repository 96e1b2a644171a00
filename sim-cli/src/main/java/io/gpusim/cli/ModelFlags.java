package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.experiment.Parameter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the analysis commands that evaluate the model at parameter values: seed, threads, overrides. */
final class ModelFlags {
    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario field (repeatable).")
    List<String> set = new ArrayList<>();

    int threadCount() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** The --set values, parsed. */
    List<ScenarioOverride> overrides() {
        List<ScenarioOverride> base = new ArrayList<>();
        for (String s : set) {
            base.add(ScenarioOverride.parse(s));
        }
        return base;
    }

    /** --vary values, parsed. */
    static List<Parameter> parameters(List<String> vary) {
        List<Parameter> params = new ArrayList<>();
        for (String v : vary) {
            params.add(Parameter.parse(v));
        }
        return params;
    }
}
