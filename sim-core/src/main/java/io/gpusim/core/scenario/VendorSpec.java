package io.gpusim.core.scenario;

import java.util.List;

/** The foreign GPU vendor and its export product. */
public record VendorSpec(
        @Param(description = "the vendor; must be the maker of `vendor.product`")
        String name,

        @Param(description = "the export product the vendor sells")
        String product,

        @Param(description = "shortest wafer lead time", unit = "weeks", min = 1, max = 156)
        Integer waferLeadWeeksMin,

        @Param(description = "longest wafer lead time (uniform integer draw)", unit = "weeks", min = 1, max = 156)
        Integer waferLeadWeeksMax,

        @Param(description = "piecewise-linear cap on production starts, flat outside")
        List<CapacityPoint> capacity,

        @Param(
                description = "`α`: weight of the latest week's orders in the demand forecast",
                unit = "–",
                min = 0.001,
                max = 1.0)
        Double forecastSmoothing,

        @Param(description = "planned buffer on top of lead-time forecast", unit = "weeks", min = 0, max = 104)
        Double safetyStockWeeks,

        @Param(description = "initial forecast and steady-state pipeline rate", unit = "units/week", min = 0, max = 1e8)
        Double initialOrdersPerWeek,

        @Param(description = "shipping time (also in buyers' replenishment lead)", unit = "weeks", min = 0, max = 52)
        Integer shippingWeeks,

        @Param(
                description = "`PROPORTIONAL` or `FIFO` (default `PROPORTIONAL`)",
                required = false,
                defaultValue = "PROPORTIONAL")
        AllocationRule allocation,

        @Param(description = "maximum price markup", unit = "–", min = 0, max = 10)
        Double scarcityMarkupMax,

        @Param(
                description = "backlog (weeks of orders) at which the markup is full",
                unit = "weeks",
                min = 0,
                minExclusive = true,
                max = 520)
        Double scarcityBacklogWeeks,

        @Param(description = "share of unit cost charged per written-off unit", unit = "–", min = 0.0, max = 1.0)
        Double writedownShare)
        implements java.io.Serializable {

    public VendorSpec {
        capacity = capacity == null ? null : List.copyOf(capacity);
        allocation = allocation == null ? AllocationRule.PROPORTIONAL : allocation;
    }
}
