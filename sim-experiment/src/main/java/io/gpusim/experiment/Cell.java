package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.scenario.Scenario;
import java.util.Map;

/**
 * One scenario to replicate in a study: a scenario file (with overrides) at one design point, or one variant of a
 * comparison. {@code scenario} and {@code point} are its labels in every output.
 */
public record Cell(String scenarioLabel, String pointLabel, Scenario scenario, Map<String, JsonNode> pointValues)
        implements java.io.Serializable {}
