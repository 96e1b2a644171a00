package io.gpusim.core.scenario;

import java.time.LocalDate;

/** The calendar of a run: first and last simulated day, and the length of one step. */
public record SimulationSpec(
        @Param(description = "day 0") LocalDate startDate,
        @Param(description = "last simulated day") LocalDate endDate,

        @Param(description = "`Δ` (default 7)", unit = "days", min = 1, max = 91, required = false, defaultValue = "7")
        Integer stepDays)
        implements java.io.Serializable {
    public static final int DEFAULT_STEP_DAYS = 7;

    /**
     * The most steps a horizon may have: 38 years of weekly steps, five and a half of daily ones. Every step of every
     * series is kept for the fan charts, so a horizon of centuries in days would take more memory than a machine has.
     */
    public static final int MAX_STEPS = 2_000;

    public SimulationSpec {
        stepDays = stepDays == null ? DEFAULT_STEP_DAYS : stepDays;
    }
}
