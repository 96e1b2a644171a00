package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** A shipped scenario with {@code path=value} overrides applied, as the validator judges it. */
record OverriddenScenario(Path file) {

    private static List<ScenarioOverride> overrides(String... assignments) {
        return Arrays.stream(assignments)
                .map(a -> ScenarioOverride.parse(a, "set"))
                .toList();
    }

    /** The errors of the overridden scenario, each as {@code path: message}; fails when it is valid. */
    List<String> errors(String... assignments) throws ScenarioException {
        ScenarioTemplate t = ScenarioTemplate.load(file);
        List<ScenarioOverride> o = overrides(assignments);
        ScenarioException e = assertThrows(ScenarioException.class, () -> t.with(o));
        return e.errors().stream().map(err -> err.path() + ": " + err.message()).toList();
    }

    /** Fails unless the scenario with one override gets exactly these errors, in this order. */
    void rejects(String assignment, String... expected) throws ScenarioException {
        assertEquals(List.of(expected), errors(assignment), assignment);
    }

    /** Fails unless the overridden scenario is valid. */
    void valid(String... assignments) throws ScenarioException {
        ScenarioTemplate t = ScenarioTemplate.load(file);
        List<ScenarioOverride> o = overrides(assignments);
        assertDoesNotThrow(() -> t.with(o));
    }
}
