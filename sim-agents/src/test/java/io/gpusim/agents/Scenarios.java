package io.gpusim.agents;

import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The shipped scenario files, for tests. */
final class Scenarios {
    private Scenarios() {}

    static Scenario load(String name) {
        try {
            return ScenarioLoader.load(Path.of("..", "scenarios", name + ".yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A shipped scenario with assignments ({@code path=value}, as {@code --set} takes them) applied in order. */
    static Scenario with(String name, Stream<String> assignments) throws Exception {
        return ScenarioTemplate.load(Path.of("..", "scenarios", name + ".yaml"))
                .with(assignments.map(a -> ScenarioOverride.parse(a, "set")).toList());
    }
}
