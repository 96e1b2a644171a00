package io.gpusim.core.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * The domestic chipmaker: a roadmap of products with uncertain delays, a yield ramp, and capacity limited by
 * good dies and by memory (HBM) supply.
 */
public record DomesticMakerSpec(
        String name,
        List<RoadmapEntry> roadmap,
        List<YieldPoint> yieldCurve,
        Double waferStartsPerWeek,
        Double waferGrowthPerYear,
        Double diesPerWafer,
        Double diesPerUnit,
        Double hbmUnitsPerWeek,
        Double hbmGrowthPerYear,
        Integer shippingWeeks) implements java.io.Serializable {

    public DomesticMakerSpec {
        roadmap = roadmap == null ? null : List.copyOf(roadmap);
        yieldCurve = yieldCurve == null ? null : List.copyOf(yieldCurve);
    }

    /**
     * A planned launch: the product's {@code firstAvailable} date is the announced date; the actual launch is that
     * date plus {@code max(0, Normal(delayMeanMonths, delaySdMonths))} months.
     */
    public record RoadmapEntry(String product, Double delayMeanMonths, Double delaySdMonths) implements java.io.Serializable {
    }

    /** A point of the yield ramp (share of good dies), linearly interpolated and held flat outside. */
    public record YieldPoint(LocalDate date, Double yield) implements java.io.Serializable {
    }
}
