package io.gpusim.core.scenario;

/**
 * One buyer. Demand is in H20-equivalent units of compute per week; costs are fractions of the unit price.
 */
public record HyperscalerSpec(
        String name,
        Double demandUnitsPerWeek,
        Double demandGrowthPerYear,
        Double demandNoiseSd,
        Double demandLevelSd,
        Boolean anticipation,
        Double signalSensitivity,
        Double sensitivitySd,
        Double workingInventoryWeeks,
        Double shortageCostMultiple,
        Double holdingCostPerYear,
        Double budgetUsdPerYear,
        Integer minLeadWeeks,
        Double adequatePerformance,
        Double substituteRampMonths,
        Double domesticSoftwareDiscount,
        Double switchingSensitivity) implements java.io.Serializable {

    public HyperscalerSpec {
        anticipation = anticipation == null ? Boolean.TRUE : anticipation;
    }
}
