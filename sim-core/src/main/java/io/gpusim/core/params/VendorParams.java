package io.gpusim.core.params;

import io.gpusim.core.scenario.AllocationRule;

/**
 * The foreign vendor (see {@code VendorSpec}): its export product's index, wafer lead time range in weeks, the
 * capacity curve (units per month at days from the start, interpolated and flat outside), forecasting, safety
 * stock, shipping, allocation, scarcity pricing and write-down share.
 */
public record VendorParams(
        String name,
        int product,
        int waferLeadWeeksMin,
        int waferLeadWeeksMax,
        double[] capacityDays,
        double[] capacityUnitsPerMonth,
        double forecastSmoothing,
        double safetyStockWeeks,
        double initialOrdersPerWeek,
        int shippingWeeks,
        AllocationRule allocation,
        double scarcityMarkupMax,
        double scarcityBacklogWeeks,
        double writedownShare) {}
