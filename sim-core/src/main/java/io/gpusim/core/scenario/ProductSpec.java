package io.gpusim.core.scenario;

import java.time.LocalDate;

/**
 * An accelerator sold in the market. {@code relativePerformance} is inference throughput relative to the
 * vendor's export product (H20 = 1.0); the three bandwidth/TPP figures are what threshold rules test.
 */
public record ProductSpec(
        String name,
        String maker,
        Double relativePerformance,
        Double memoryBandwidthTBps,
        Double interconnectGBps,
        Double tpp,
        Double unitPriceUsd,
        Double unitCostUsd,
        LocalDate firstAvailable) implements java.io.Serializable {
}
