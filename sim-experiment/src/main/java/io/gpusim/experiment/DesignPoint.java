package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** One point of a design: its index and the value of each varied path (in parameter order). */
public record DesignPoint(int index, Map<String, JsonNode> values) {
    /** The point's label in outputs: its index. */
    public String label() {
        return Integer.toString(index);
    }
}
