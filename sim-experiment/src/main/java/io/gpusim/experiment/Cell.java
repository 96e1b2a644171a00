package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.scenario.Scenario;
import java.util.Map;

/**
 * One scenario to replicate in a study: a scenario file (with overrides) at one design point, or one variant of a
 * comparison. {@code scenario} and {@code point} are its labels in every output; a cell outside a sweep is point
 * {@link #NO_POINT}, so that every output row has a point and grouping by scenario and point keeps every row.
 */
public record Cell(String scenarioLabel, String pointLabel, Scenario scenario, Map<String, JsonNode> pointValues)
        implements java.io.Serializable {
    /** The point label of a cell that is not a design point (a batch's scenario, a side of a comparison). */
    public static final String NO_POINT = "0";

    /** A cell that is not a design point: one scenario as it is, labelled {@code label}, point {@link #NO_POINT}. */
    public static Cell of(String label, Scenario scenario) {
        return new Cell(label, NO_POINT, scenario, Map.of());
    }

    /** Whether the cell is a design point of a sweep (it has varied values). */
    public boolean isDesignPoint() {
        return !pointValues.isEmpty();
    }

    /** The cell as people read it: the scenario label, and the point for a design point. */
    public String displayLabel() {
        return isDesignPoint() ? scenarioLabel + " point " + pointLabel : scenarioLabel;
    }
}
