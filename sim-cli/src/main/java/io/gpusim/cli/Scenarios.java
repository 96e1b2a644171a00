package io.gpusim.cli;

import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ValidationError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads scenario files for commands. */
final class Scenarios {
    private Scenarios() {}

    /** Loads every file, or reports every problem of all of them together. */
    static List<Scenario> loadAll(List<Path> files) throws ScenarioException {
        List<Scenario> out = new ArrayList<>();
        List<ValidationError> errors = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(ScenarioLoader.load(f));
            } catch (ScenarioException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return out;
    }
}
