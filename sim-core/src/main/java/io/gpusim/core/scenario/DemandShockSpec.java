package io.gpusim.core.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A dated, persistent change in compute demand: from {@code date} demand is multiplied by
 * {@code 1 + effect * min(1, (daysSince + 1) / (7 * rampWeeks))}. An empty {@code buyers} list means every hyperscaler.
 */
public record DemandShockSpec(String name, LocalDate date, Double effect, Integer rampWeeks, List<String> buyers) implements java.io.Serializable {
    public DemandShockSpec {
        rampWeeks = rampWeeks == null ? 1 : rampWeeks;
        buyers = buyers == null ? List.of() : List.copyOf(buyers);
    }
}
