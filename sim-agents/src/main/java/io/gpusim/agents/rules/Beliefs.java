package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.params.BeliefParams;

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

    /**
     * Hazard per year a fresh public event adds to the belief about foreign product {@code about}: a control round
     * adds its weight to every product; a leak, a reversal (or licence) and an import rule add theirs to the product
     * they concern, and {@code crossProductWeight} of it to the others (an import rule without a product concerns
     * all); a ban announced on another product adds the ban weight (on the product itself nothing: it is settled);
     * effects and launches add nothing.
     */
    public static double signalWeight(EventKind kind, int eventProduct, int about, BeliefParams beliefs) {
        double reach = eventProduct < 0 || eventProduct == about ? 1.0 : beliefs.crossProductWeight();
        return switch (kind) {
            case CONTROL_ROUND -> beliefs.controlRoundWeight();
            case LEAK -> beliefs.leakWeight() * reach;
            case BAN_ANNOUNCED -> eventProduct == about ? 0.0 : beliefs.banWeight();
            case REVERSAL, LICENCE -> beliefs.reversalWeight() * reach;
            case IMPORT_RULE -> beliefs.importRuleWeight() * reach;
            case BAN_EFFECTIVE, LAUNCH -> 0.0;
        };
    }
}
