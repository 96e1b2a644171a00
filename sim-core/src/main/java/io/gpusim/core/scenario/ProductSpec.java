package io.gpusim.core.scenario;

import java.time.LocalDate;

/**
 * An accelerator sold in the market. {@code relativePerformance} is inference throughput relative to the
 * vendor's export product (H20 = 1.0); the three bandwidth/TPP figures are what threshold rules test.
 */
public record ProductSpec(
        @Param(description = "product name (unique)") String name,

        @Param(description = "seller; defines seller indices")
        String maker,

        @Param(
                description = "inference throughput relative to the export product",
                unit = "H20-eq. per unit",
                min = 0,
                minExclusive = true,
                max = 100)
        Double relativePerformance,

        @Param(description = "tested by threshold rules only", unit = "TB/s", min = 0, max = 1e3)
        Double memoryBandwidthTBps,

        @Param(description = "tested by threshold rules only", unit = "GB/s", min = 0, max = 1e5)
        Double interconnectGBps,

        @Param(description = "tested by threshold rules only", unit = "TPP", min = 0, max = 1e7)
        Double tpp,

        @Param(
                description = "vendor list price (base of the scarcity price); fixed domestic price",
                unit = "USD",
                min = 0,
                minExclusive = true,
                max = 1e7)
        Double unitPriceUsd,

        @Param(
                description = "vendor: cost charged per written-off unit; unused for domestic products",
                unit = "USD",
                min = 0,
                max = 1e7)
        Double unitCostUsd,

        @Param(description = "vendor: launch date; domestic: announced date before the slip")
        LocalDate firstAvailable)
        implements java.io.Serializable {}
