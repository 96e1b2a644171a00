package io.gpusim.core.params;

/**
 * A dated, persistent change in demand: from {@code day} (days from the scenario start) demand is multiplied by
 * {@code 1 + effect * min(1, (daysSince + 1) / rampDays)}, for the buyers it {@linkplain #appliesTo applies to}.
 */
public record ShockParams(String name, int day, double effect, int rampDays, boolean[] buyers) {
    /** Whether the shock moves buyer {@code b}'s demand. */
    public boolean appliesTo(int b) {
        return buyers[b];
    }
}
