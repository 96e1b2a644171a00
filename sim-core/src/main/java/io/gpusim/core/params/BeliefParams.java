package io.gpusim.core.params;

/**
 * How public signals move buyers' perceived hazard of a ban (see {@code BeliefSpec}): weights are hazard per year
 * added by a fresh signal, fading with an e-folding time of {@code decayMonths}. News about one foreign product
 * moves beliefs about the others by {@code crossProductWeight}; an import rule adds {@code importRuleWeight}.
 */
public record BeliefParams(
        double priorHazardPerYear,
        double controlRoundWeight,
        double leakWeight,
        double banWeight,
        double reversalWeight,
        double decayMonths,
        double planningHorizonMonths,
        double crossProductWeight,
        double importRuleWeight) {}
