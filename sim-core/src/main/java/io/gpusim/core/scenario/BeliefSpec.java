package io.gpusim.core.scenario;

/**
 * How public signals move a hyperscaler's belief about the hazard that the vendor product becomes unavailable.
 * The perceived hazard (per year) is {@code prior + sensitivity * sum(weight(kind) * exp(-age / decay))}, floored
 * at zero; a signal's weight is per year of hazard it adds when fresh.
 */
public record BeliefSpec(
        Double priorHazardPerYear,
        Double controlRoundWeight,
        Double leakWeight,
        Double banWeight,
        Double reversalWeight,
        Double decayMonths,
        Double planningHorizonMonths) implements java.io.Serializable {
}
