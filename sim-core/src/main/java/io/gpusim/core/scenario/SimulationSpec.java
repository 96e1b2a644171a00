package io.gpusim.core.scenario;

import java.time.LocalDate;

/** The calendar of a run: first and last simulated day, and the length of one step. */
public record SimulationSpec(LocalDate startDate, LocalDate endDate, Integer stepDays) implements java.io.Serializable {
    public static final int DEFAULT_STEP_DAYS = 7;

    public SimulationSpec {
        stepDays = stepDays == null ? DEFAULT_STEP_DAYS : stepDays;
    }
}
