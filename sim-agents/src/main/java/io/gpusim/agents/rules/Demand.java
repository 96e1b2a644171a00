package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;

/** A buyer's compute demand: trend, growth and dated shocks. */
public final class Demand {
    private Demand() {}

    /**
     * Expected compute demand per week (H20-equivalent units):
     * {@code base * level * (1 + growth)^years * prod(1 + effect_i * min(1, (day - day_i + 1) / rampDays_i))} over
     * shocks that have started ({@code years = day / 365.2425}, {@code rampDays = 7 * rampWeeks}).
     */
    public static double expectedWeeklyDemand(
            double base,
            double level,
            double growthPerYear,
            int day,
            int[] shockDays,
            double[] shockEffects,
            int[] shockRampDays) {
        double d = base * level * Math.pow(1 + growthPerYear, day / Calendar.DAYS_PER_YEAR);
        for (int i = 0; i < shockDays.length; i++) {
            if (day >= shockDays[i]) {
                double ramp = Math.min(1.0, (double) (day - shockDays[i] + 1) / Math.max(1, shockRampDays[i]));
                d *= 1 + shockEffects[i] * ramp;
            }
        }
        return d;
    }
}
