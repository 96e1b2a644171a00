package io.gpusim.core.params;

/**
 * One hyperscaler's parameters (see {@code HyperscalerSpec} and docs/MODEL.md, section 3.3.3). Demand is in
 * H20-equivalent units of compute per week; costs are fractions of the unit price.
 */
public record BuyerParams(
        String name,
        double demandUnitsPerWeek,
        double demandGrowthPerYear,
        double demandNoiseSd,
        double demandLevelSd,
        boolean anticipation,
        double signalSensitivity,
        double sensitivitySd,
        double workingInventoryWeeks,
        double shortageCostMultiple,
        double holdingCostPerYear,
        double budgetUsdPerYear,
        int minLeadWeeks,
        double adequatePerformance,
        double substituteRampMonths,
        double domesticSoftwareDiscount,
        double switchingSensitivity) {}
