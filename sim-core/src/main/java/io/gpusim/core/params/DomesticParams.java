package io.gpusim.core.params;

/**
 * The domestic chipmaker (see {@code DomesticMakerSpec}): its roadmap as product indices with launch-delay
 * distributions (months), the yield ramp (yields at days from the start), and wafer, die and memory capacity.
 */
public record DomesticParams(
        String name,
        int[] roadmapProducts,
        double[] delayMeanMonths,
        double[] delaySdMonths,
        double[] yieldDays,
        double[] yields,
        double waferStartsPerWeek,
        double waferGrowthPerYear,
        double diesPerWafer,
        double diesPerUnit,
        double hbmUnitsPerWeek,
        double hbmGrowthPerYear,
        int shippingWeeks) {

    /** Number of products on the roadmap. */
    public int roadmapSize() {
        return roadmapProducts.length;
    }
}
