package io.gpusim.core.scenario;

/**
 * One buyer. Demand is in H20-equivalent units of compute per week; costs are fractions of the unit price.
 */
public record HyperscalerSpec(
        @Param(description = "buyer name (unique)") String name,

        @Param(
                description = "expected compute demand at the start date",
                unit = "H20-eq. units/week",
                min = 0,
                minExclusive = true,
                max = 1e8)
        Double demandUnitsPerWeek,

        @Param(description = "compound growth of expected demand", unit = "1/year", min = -0.9, max = 20.0)
        Double demandGrowthPerYear,

        @Param(description = "sd of the log of the step's demand noise", unit = "–", min = 0, max = 2)
        Double demandNoiseSd,

        @Param(description = "sd of the log of the level multiplier, drawn once", unit = "–", min = 0, max = 2)
        Double demandLevelSd,

        @Param(
                description = "whether the buyer holds anticipatory stock (default true)",
                required = false,
                defaultValue = "true")
        Boolean anticipation,

        @Param(description = "scale of the response to signals", unit = "–", min = 0, max = 100)
        Double signalSensitivity,

        @Param(description = "sd of the log of the sensitivity multiplier, drawn once", unit = "–", min = 0, max = 3)
        Double sensitivitySd,

        @Param(description = "working buffer above lead-time demand", unit = "weeks", min = 0, max = 104)
        Double workingInventoryWeeks,

        @Param(
                description = "`u`: cost of a unit of demand left unserved, share of unit price",
                unit = "–",
                min = 0,
                minExclusive = true,
                max = 100)
        Double shortageCostMultiple,

        @Param(
                description = "`h`: capital cost plus obsolescence per year, share of price",
                unit = "1/year",
                min = 0,
                minExclusive = true,
                max = 10)
        Double holdingCostPerYear,

        @Param(
                description = "cap on order value committed over any 52 weeks (vendor and domestic)",
                unit = "USD",
                min = 0,
                minExclusive = true,
                max = 1e13)
        Double budgetUsdPerYear,

        @Param(description = "earliest requested-by date, weeks after ordering", unit = "weeks", min = 0, max = 104)
        Integer minLeadWeeks,

        @Param(
                description = "effective performance a substitute needs to replace the vendor product",
                unit = "H20-eq.",
                min = 0,
                minExclusive = true,
                max = 100)
        Double adequatePerformance,

        @Param(
                description = "months to move purchases onto an adequate substitute",
                unit = "months",
                min = 0,
                max = 120)
        Double substituteRampMonths,

        @Param(description = "multiplier on domestic performance", unit = "–", min = 0.01, max = 1.0)
        Double domesticSoftwareDiscount,

        @Param(description = "`β` of the logit", unit = "–", min = 0, max = 100)
        Double switchingSensitivity)
        implements java.io.Serializable {

    public HyperscalerSpec {
        anticipation = anticipation == null ? Boolean.TRUE : anticipation;
    }
}
