package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;

/** A buyer's belief about the hazard that the vendor product becomes unavailable, and what follows from it. */
public final class Beliefs {
    private Beliefs() {}

    /**
     * Perceived hazard per year that the vendor product becomes unavailable:
     * {@code max(0, prior + sensitivity * sum(weight_k * exp(-ageMonths_k / decayMonths)))} over public signals.
     */
    public static double perceivedHazard(double prior, double sensitivity, double signal) {
        return Math.max(0.0, prior + sensitivity * signal);
    }

    /** Probability of a ban within the planning horizon under a constant hazard: {@code 1 - exp(-h * H / 12)}. */
    public static double banProbability(double hazardPerYear, double horizonMonths) {
        return 1.0 - Math.exp(-hazardPerYear * horizonMonths / 12.0);
    }

    /**
     * Days until the buyer expects the ban: the mean of an exponential time to ban under its hazard,
     * {@code 1 / hazard} years, capped at the planning horizon.
     */
    public static double expectedDaysToBan(double hazardPerYear, double horizonMonths) {
        double cap = horizonMonths * Calendar.DAYS_PER_MONTH;
        return hazardPerYear <= 0 ? cap : Math.min(cap, Calendar.DAYS_PER_YEAR / hazardPerYear);
    }

    /** Factor by which a signal fades over one step: {@code exp(-stepDays / (DPM * decayMonths))}. */
    public static double signalDecay(int stepDays, double decayMonths) {
        return Math.exp(-stepDays / Calendar.DAYS_PER_MONTH / decayMonths);
    }
}
