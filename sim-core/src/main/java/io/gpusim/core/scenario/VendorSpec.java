package io.gpusim.core.scenario;

import java.util.List;

/** The foreign GPU vendor and its export product. */
public record VendorSpec(
        String name,
        String product,
        Integer waferLeadWeeksMin,
        Integer waferLeadWeeksMax,
        List<CapacityPoint> capacity,
        Double forecastSmoothing,
        Double safetyStockWeeks,
        Double initialOrdersPerWeek,
        Integer shippingWeeks,
        AllocationRule allocation,
        Double scarcityMarkupMax,
        Double scarcityBacklogWeeks,
        Double writedownShare) implements java.io.Serializable {

    public VendorSpec {
        capacity = capacity == null ? null : List.copyOf(capacity);
        allocation = allocation == null ? AllocationRule.PROPORTIONAL : allocation;
    }
}
