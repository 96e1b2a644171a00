package io.gpusim.agents;

import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Path;

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
}
