package io.gpusim.core.params;

import io.gpusim.core.scenario.AllocationRule;

/**
 * A foreign vendor (see {@code VendorSpec}): the indices of its export products (its lead product first), wafer
 * lead time range in weeks, the capacity curve it shares among them (units per month at days from the start,
 * interpolated and flat outside), forecasting, safety stock, shipping, allocation, scarcity pricing, write-down
 * share, and its responses to controls: compliant redesigns, a production halt when orders collapse (an order share
 * of 0 never halts), and the release of written-down reserves (a share of 0 sells nothing).
 */
public record VendorParams(
        String name,
        int[] products,
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
        double writedownShare,
        Redesign[] redesigns,
        double haltOrderShare,
        int haltWeeks,
        double releaseShare,
        double releasePriceShare,
        int releaseAfterWeeks) {

    /** The vendor's lead product (the scenario's primary product for the primary vendor). */
    public int product() {
        return products[0];
    }

    /** A compliant part: {@code designWeeks} after controls on {@code banned} are announced, {@code product} launches. */
    public record Redesign(int banned, int product, int designWeeks) {}
}
