package io.gpusim.core.params;

/**
 * How public signals move buyers' perceived hazard of a ban (see {@code BeliefSpec}): weights are hazard per year
 * added by a fresh signal, fading with an e-folding time of {@code decayMonths}.
 */
public record BeliefParams(
        double priorHazardPerYear,
        double controlRoundWeight,
        double leakWeight,
        double banWeight,
        double reversalWeight,
        double decayMonths,
        double planningHorizonMonths) {}
