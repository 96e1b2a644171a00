package io.gpusim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;

/** A value to put at a scenario path, and where it came from (for error messages: "--set", a study file, ...). */
public record ScenarioOverride(String path, JsonNode value, String origin) implements java.io.Serializable {

    /** Parses {@code PATH=VALUE} (the value as YAML), with origin {@code set PATH=VALUE}. */
    public static ScenarioOverride parse(String assignment) {
        return parse(assignment, "set");
    }

    /**
     * Parses {@code PATH=VALUE} (the value as YAML); errors about the value will name it as
     * {@code origin PATH=VALUE}.
     */
    public static ScenarioOverride parse(String assignment, String origin) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + assignment + "': expected PATH=VALUE");
        }
        String path = assignment.substring(0, eq).trim();
        String text = assignment.substring(eq + 1).trim();
        try {
            return new ScenarioOverride(path, ScenarioPaths.parseValue(path, text), origin + " " + assignment);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " " + assignment + ": " + e.getMessage(), e);
        }
    }
}
