package io.gpusim.core.scenario;

/**
 * How public signals move a hyperscaler's belief about the hazard that the vendor product becomes unavailable.
 * The perceived hazard (per year) is {@code prior + sensitivity * sum(weight(kind) * exp(-age / decay))}, floored
 * at zero; a signal's weight is per year of hazard it adds when fresh.
 */
public record BeliefSpec(
        @Param(description = "perceived hazard with no news", unit = "1/year", min = 0, max = 50)
        Double priorHazardPerYear,

        @Param(description = "hazard added by a fresh control round", unit = "1/year", min = 0, max = 50)
        Double controlRoundWeight,

        @Param(description = "hazard added by a fresh leak", unit = "1/year", min = 0, max = 50)
        Double leakWeight,

        @Param(description = "hazard added when another product is banned", unit = "1/year", min = 0, max = 50)
        Double banWeight,

        @Param(description = "hazard added by a reversal (negative lowers it)", unit = "1/year", min = -50, max = 50)
        Double reversalWeight,

        @Param(
                description = "e-folding time of a signal's weight",
                unit = "months",
                min = 0,
                minExclusive = true,
                max = 600)
        Double decayMonths,

        @Param(
                description = "horizon of the ban probability; cap on expected time to ban",
                unit = "months",
                min = 0,
                minExclusive = true,
                max = 120)
        Double planningHorizonMonths,

        @Param(
                description = "share of a product's news (leak, licence, reversal) that moves beliefs about the other "
                        + "foreign products",
                unit = "–",
                min = 0,
                max = 1,
                required = false,
                defaultValue = "1")
        Double crossProductWeight,

        @Param(
                description = "hazard added when the importing country announces a rule against foreign parts",
                unit = "1/year",
                min = 0,
                max = 50,
                required = false,
                defaultValue = "0")
        Double importRuleWeight)
        implements java.io.Serializable {

    public BeliefSpec {
        crossProductWeight = crossProductWeight == null ? 1.0 : crossProductWeight;
        importRuleWeight = importRuleWeight == null ? 0.0 : importRuleWeight;
    }
}
