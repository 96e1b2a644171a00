package io.gpusim.core.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A dated, persistent change in compute demand: from {@code date} demand is multiplied by
 * {@code 1 + effect * min(1, (daysSince + 1) / (7 * rampWeeks))}. Without {@code buyers} it applies to every hyperscaler.
 */
public record DemandShockSpec(
        @Param(description = "label (list items merge on it)")
        String name,

        @Param(description = "start of the shock") LocalDate date,

        @Param(description = "persistent relative change in demand once ramped", unit = "–", min = -0.95, max = 10.0)
        Double effect,

        @Param(
                description = "weeks to reach the full effect (default 1)",
                unit = "weeks",
                min = 1,
                max = 520,
                required = false,
                defaultValue = "1")
        Integer rampWeeks,

        @Param(
                description = "hyperscalers affected (default all)",
                required = false,
                defaultValue = "[]",
                ifEmpty = "list at least one hyperscaler, or leave the field out for all")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) // written out only when given: an empty list is an error
        List<String> buyers)
        implements java.io.Serializable {
    public DemandShockSpec {
        rampWeeks = rampWeeks == null ? 1 : rampWeeks;
        buyers = buyers == null ? List.of() : List.copyOf(buyers);
    }
}
