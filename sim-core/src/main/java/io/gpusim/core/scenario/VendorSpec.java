package io.gpusim.core.scenario;

import java.util.List;

/**
 * A foreign GPU vendor: its export products (the first, {@code product}, and any {@code products} beside it, all
 * made on the vendor's capacity), production planning, allocation, pricing and write-downs, and how it responds to
 * controls.
 */
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
        Double writedownShare,

        @Param(
                description = "further products the vendor sells into the market, sharing its capacity",
                required = false,
                defaultValue = "[]")
        List<String> products,

        @Param(
                description = "compliant parts the vendor designs when a product of its is banned",
                required = false,
                defaultValue = "[]")
        List<RedesignSpec> redesigns,

        @Param(description = "stop starting production of a product whose orders collapse", required = false)
        HaltSpec halt,

        @Param(
                description = "sell written-down stock outside the market at a discount (a release of reserves)",
                required = false)
        ReleaseSpec reserveRelease)
        implements java.io.Serializable {

    public VendorSpec {
        capacity = capacity == null ? null : List.copyOf(capacity);
        products = products == null ? List.of() : List.copyOf(products);
        redesigns = redesigns == null ? List.of() : List.copyOf(redesigns);
        allocation = allocation == null ? AllocationRule.PROPORTIONAL : allocation;
    }

    /** Whether the vendor's name is the scenario's domestic maker's. */
    boolean domesticName(Scenario s) {
        return name != null && s.domestic() != null && name.equals(s.domestic().name());
    }

    /** Products the vendor sells, its lead product first. */
    public List<String> allProducts() {
        List<String> all = new java.util.ArrayList<>();
        all.add(product);
        all.addAll(products);
        return all;
    }

    /**
     * A compliant part: {@code designWeeks} after controls on {@code banned} are announced, the vendor launches
     * {@code product} (a product of the scenario, usually with figures just under the rule's limits).
     */
    public record RedesignSpec(
            @Param(description = "the vendor's product whose ban starts the design")
            String banned,

            @Param(description = "the compliant product (listed in `products` of the scenario)")
            String product,

            @Param(description = "weeks from the ban's announcement to the launch", unit = "weeks", min = 0, max = 520)
            Integer designWeeks)
            implements java.io.Serializable {}

    /**
     * Production of a product stops (no new starts) while its orders over the last {@code weeks} weeks are below
     * {@code orderShare} of its demand forecast.
     */
    public record HaltSpec(
            @Param(
                    description = "orders, as a share of the forecast, below which production stops",
                    unit = "–",
                    min = 0,
                    max = 1)
            Double orderShare,

            @Param(description = "weeks of orders the vendor looks at", unit = "weeks", min = 1, max = 104)
            Integer weeks)
            implements java.io.Serializable {}

    /**
     * After a write-down, {@code share} of the written-off finished units are sold outside the market, {@code
     * afterWeeks} later, at {@code priceShare} of the list price.
     */
    public record ReleaseSpec(
            @Param(description = "share of written-off finished units sold elsewhere", unit = "–", min = 0, max = 1)
            Double share,

            @Param(description = "their price, as a share of the list price", unit = "–", min = 0, max = 10)
            Double priceShare,

            @Param(description = "weeks from the write-down to the sale", unit = "weeks", min = 0, max = 520)
            Integer afterWeeks)
            implements java.io.Serializable {}
}
