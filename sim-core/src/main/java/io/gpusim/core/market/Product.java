package io.gpusim.core.market;

import io.gpusim.core.scenario.ProductSpec;

/** A product resolved for one run: its index in the ledger, its seller's index and its fixed attributes. */
public record Product(
        int index,
        String name,
        int seller,
        String maker,
        double relativePerformance,
        double memoryBandwidthTBps,
        double interconnectGBps,
        double tpp,
        double listPriceUsd,
        double unitCostUsd,
        int firstAvailableDay) {

    public static Product of(int index, int seller, ProductSpec spec, int firstAvailableDay) {
        return new Product(
                index,
                spec.name(),
                seller,
                spec.maker(),
                spec.relativePerformance(),
                spec.memoryBandwidthTBps(),
                spec.interconnectGBps(),
                spec.tpp(),
                spec.unitPriceUsd(),
                spec.unitCostUsd(),
                firstAvailableDay);
    }
}
