package io.gpusim.core.scenario;

/**
 * One buyer. Demand is in H20-equivalent units of compute per week; costs are fractions of the unit price. A buyer
 * must give its name, demand, growth and budget; the behavioural fields (noise, beliefs, stocking costs, lead
 * times, switching) may be left out and take the defaults declared on them, which are the baseline's typical
 * values.
 */
public record HyperscalerSpec(
        @Param(description = "buyer name (unique)") String name,

        @Param(
                description = "free text; a buyer that stands for several (an aggregate) names them here, so that one "
                        + "of them added as a buyer of its own is warned of",
                required = false)
        String description,

        @Param(
                description = "expected compute demand at the start date",
                unit = "H20-eq. units/week",
                min = 0,
                minExclusive = true,
                max = 1e8)
        Double demandUnitsPerWeek,

        @Param(description = "compound growth of expected demand", unit = "1/year", min = -0.9, max = 20.0)
        Double demandGrowthPerYear,

        @Param(
                description = "sd of the log of the step's demand noise",
                unit = "–",
                min = 0,
                max = 2,
                required = false,
                defaultValue = "0.1")
        Double demandNoiseSd,

        @Param(
                description = "sd of the log of the level multiplier, drawn once",
                unit = "–",
                min = 0,
                max = 2,
                required = false,
                defaultValue = "0.1")
        Double demandLevelSd,

        @Param(
                description = "whether the buyer holds anticipatory stock (default true)",
                required = false,
                defaultValue = "true")
        Boolean anticipation,

        @Param(
                description = "scale of the response to signals",
                unit = "–",
                min = 0,
                max = 100,
                required = false,
                defaultValue = "1.0")
        Double signalSensitivity,

        @Param(
                description = "sd of the log of the sensitivity multiplier, drawn once",
                unit = "–",
                min = 0,
                max = 3,
                required = false,
                defaultValue = "0.25")
        Double sensitivitySd,

        @Param(
                description = "working buffer above lead-time demand",
                unit = "weeks",
                min = 0,
                max = 104,
                required = false,
                defaultValue = "1.0")
        Double workingInventoryWeeks,

        @Param(
                description = "`u`: cost of a unit of demand left unserved, share of unit price",
                unit = "–",
                min = 0,
                minExclusive = true,
                max = 100,
                required = false,
                defaultValue = "0.5")
        Double shortageCostMultiple,

        @Param(
                description = "`h`: capital cost plus obsolescence per year, share of price",
                unit = "1/year",
                min = 0,
                minExclusive = true,
                max = 10,
                required = false,
                defaultValue = "0.5")
        Double holdingCostPerYear,

        @Param(
                description = "cap on order value committed over any 52 weeks (vendor and domestic)",
                unit = "USD",
                min = 0,
                minExclusive = true,
                max = 1e13)
        Double budgetUsdPerYear,

        @Param(
                description = "earliest requested-by date, weeks after ordering",
                unit = "weeks",
                min = 0,
                max = 104,
                required = false,
                defaultValue = "4")
        Integer minLeadWeeks,

        @Param(
                description = "effective performance a substitute needs to replace the vendor product",
                unit = "H20-eq.",
                min = 0,
                minExclusive = true,
                max = 100,
                required = false,
                defaultValue = "0.9")
        Double adequatePerformance,

        @Param(
                description = "months to move purchases onto an adequate substitute",
                unit = "months",
                min = 0,
                max = 120,
                required = false,
                defaultValue = "3.0")
        Double substituteRampMonths,

        @Param(
                description = "multiplier on domestic performance",
                unit = "–",
                min = 0.01,
                max = 1.0,
                required = false,
                defaultValue = "0.85")
        Double domesticSoftwareDiscount,

        @Param(description = "`β` of the logit", unit = "–", min = 0, max = 100, required = false, defaultValue = "3.0")
        Double switchingSensitivity)
        implements java.io.Serializable {

    /** The behavioural fields a buyer may leave out take their declared defaults (see {@link Defaults}). */
    public HyperscalerSpec {
        demandNoiseSd = Defaults.or(demandNoiseSd, HyperscalerSpec.class, "demandNoiseSd");
        demandLevelSd = Defaults.or(demandLevelSd, HyperscalerSpec.class, "demandLevelSd");
        anticipation = Defaults.or(anticipation, HyperscalerSpec.class, "anticipation");
        signalSensitivity = Defaults.or(signalSensitivity, HyperscalerSpec.class, "signalSensitivity");
        sensitivitySd = Defaults.or(sensitivitySd, HyperscalerSpec.class, "sensitivitySd");
        workingInventoryWeeks = Defaults.or(workingInventoryWeeks, HyperscalerSpec.class, "workingInventoryWeeks");
        shortageCostMultiple = Defaults.or(shortageCostMultiple, HyperscalerSpec.class, "shortageCostMultiple");
        holdingCostPerYear = Defaults.or(holdingCostPerYear, HyperscalerSpec.class, "holdingCostPerYear");
        minLeadWeeks = Defaults.or(minLeadWeeks, HyperscalerSpec.class, "minLeadWeeks");
        adequatePerformance = Defaults.or(adequatePerformance, HyperscalerSpec.class, "adequatePerformance");
        substituteRampMonths = Defaults.or(substituteRampMonths, HyperscalerSpec.class, "substituteRampMonths");
        domesticSoftwareDiscount =
                Defaults.or(domesticSoftwareDiscount, HyperscalerSpec.class, "domesticSoftwareDiscount");
        switchingSensitivity = Defaults.or(switchingSensitivity, HyperscalerSpec.class, "switchingSensitivity");
    }
}
