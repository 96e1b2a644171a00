package io.gpusim.core.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * The domestic chipmaker: a roadmap of products with uncertain delays, a yield ramp, and capacity limited by
 * good dies and by memory (HBM) supply.
 */
public record DomesticMakerSpec(
        @Param(description = "the domestic maker; must be the maker of its roadmap products")
        String name,

        @Param(description = "the products on the roadmap, in launch order")
        List<RoadmapEntry> roadmap,

        @Param(description = "share of good dies, piecewise linear, flat outside")
        List<YieldPoint> yieldCurve,

        @Param(description = "wafer starts at the start date", unit = "wafers/week", min = 0, max = 1e7)
        Double waferStartsPerWeek,

        @Param(description = "growth of wafer starts", unit = "1/year", min = -0.9, max = 20.0)
        Double waferGrowthPerYear,

        @Param(description = "candidate dies per wafer", unit = "dies", min = 0, minExclusive = true, max = 1e4)
        Double diesPerWafer,

        @Param(
                description = "dies per accelerator (all roadmap products)",
                unit = "dies",
                min = 0,
                minExclusive = true,
                max = 64)
        Double diesPerUnit,

        @Param(
                description = "accelerators the memory supply supports at the start date",
                unit = "units/week",
                min = 0,
                max = 1e8)
        Double hbmUnitsPerWeek,

        @Param(description = "growth of memory supply", unit = "1/year", min = -0.9, max = 20.0)
        Double hbmGrowthPerYear,

        @Param(
                description = "shipping time (also in buyers' domestic replenishment lead)",
                unit = "weeks",
                min = 0,
                max = 52)
        Integer shippingWeeks)
        implements java.io.Serializable {

    public DomesticMakerSpec {
        roadmap = roadmap == null ? null : List.copyOf(roadmap);
        yieldCurve = yieldCurve == null ? null : List.copyOf(yieldCurve);
    }

    /**
     * A planned launch: the product's {@code firstAvailable} date is the announced date; the actual launch is that
     * date plus {@code max(0, Normal(delayMeanMonths, delaySdMonths))} months.
     */
    public record RoadmapEntry(
            @Param(description = "a product on the roadmap, in launch order")
            String product,

            @Param(description = "mean slip after `firstAvailable`", unit = "months", min = -120.0, max = 120.0)
            Double delayMeanMonths,

            @Param(description = "sd of the slip (truncated at 0)", unit = "months", min = 0, max = 120)
            Double delaySdMonths)
            implements java.io.Serializable {}

    /** A point of the yield ramp (share of good dies), linearly interpolated and held flat outside. */
    public record YieldPoint(
            @Param(description = "date of the point (dates increase along the curve)")
            LocalDate date,

            @Param(description = "share of good dies at that date", unit = "share", min = 0.0, max = 1.0)
            Double yield)
            implements java.io.Serializable {}
}
