package io.gpusim.core.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * The export-control authority. {@code history} lists earlier control rounds (public signals, usually before the
 * scenario starts).
 */
public record RegulatorSpec(
        @Param(
                description = "dates of earlier control rounds, published as `CONTROL_ROUND` events",
                required = false,
                defaultValue = "[]")
        List<LocalDate> history,

        @Param(
                description = "`NONE`, `DATE`, `HAZARD` or `THRESHOLD` (default `NONE`)",
                required = false,
                defaultValue = "NONE")
        BanMode mode,

        @Param(description = "announcement day of the ban (`DATE`, `THRESHOLD`)", required = false)
        LocalDate banDate,

        @Param(description = "stochastic ban decision (`HAZARD`)", required = false)
        HazardSpec hazard,

        @Param(description = "performance limits (`THRESHOLD`)", required = false)
        ThresholdSpec thresholds,

        @Param(description = "a leak of the coming ban", required = false)
        LeakSpec leak,

        @Param(
                description = "days from announcement to effect (default 0)",
                unit = "days",
                min = 0,
                max = 3650,
                required = false,
                defaultValue = "0")
        Integer graceDays,

        @Param(description = "the ban is lifted some time after it takes effect", required = false)
        ReversalSpec reversal,

        @Param(
                description = "foreign products the `DATE` or `HAZARD` ban covers (default the primary product)",
                required = false,
                defaultValue = "[]",
                ifEmpty = "list at least one product, or leave the field out for the primary product")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) // written out only when given: an empty list is an error
        List<String> banProducts,

        @Param(
                description = "licence regimes: products exportable under conditions (fees, caps, approvals)",
                required = false,
                defaultValue = "[]")
        List<LicenceSpec> licences)
        implements java.io.Serializable {

    public RegulatorSpec {
        history = history == null ? List.of() : List.copyOf(history);
        banProducts = banProducts == null ? List.of() : List.copyOf(banProducts);
        licences = licences == null ? List.of() : List.copyOf(licences);
        mode = mode == null ? BanMode.NONE : mode;
        graceDays = graceDays == null ? 0 : graceDays;
    }

    /** Stochastic ban decision: probability per step {@code 1 - exp(-lambda * stepDays / 365.2425)}. */
    public record HazardSpec(
            @Param(description = "base decision hazard (`HAZARD`)", unit = "1/year", min = 0, max = 50)
            Double baseHazardPerYear,

            @Param(description = "rate of leaks while undecided", unit = "1/year", min = 0, max = 52)
            Double leakRatePerYear,

            @Param(description = "hazard added per leak so far", unit = "1/year", min = 0, max = 50)
            Double leakBoost,

            @Param(description = "hazard added per unit of order surge above 1", unit = "1/year", min = 0, max = 50)
            Double stockpileSensitivity,

            @Param(description = "weeks from decision to announcement", unit = "weeks", min = 0, max = 104)
            Integer rulemakingWeeks)
            implements java.io.Serializable {}

    /** Performance limits; a product exceeding any of them is banned on the rule date. */
    public record ThresholdSpec(
            @Param(
                    description = "limit on memory bandwidth (`THRESHOLD`)",
                    unit = "TB/s",
                    min = 0,
                    minExclusive = true,
                    required = false)
            Double maxMemoryBandwidthTBps,

            @Param(description = "limit on interconnect", unit = "GB/s", min = 0, minExclusive = true, required = false)
            Double maxInterconnectGBps,

            @Param(
                    description = "limit on total processing performance",
                    unit = "TPP",
                    min = 0,
                    minExclusive = true,
                    required = false)
            Double maxTpp)
            implements java.io.Serializable {}

    /** A leak of the coming ban, {@code leadDays} before it, with the given probability. */
    public record LeakSpec(
            @Param(description = "chance the coming ban leaks", unit = "probability", min = 0.0, max = 1.0)
            Double probability,

            @Param(description = "leak this many days before the announcement", unit = "days", min = 0, max = 3650)
            Integer leadDays)
            implements java.io.Serializable {}

    /** The ban is lifted {@code afterDays} after it takes effect, with the given probability. */
    public record ReversalSpec(
            @Param(description = "chance the ban is lifted", unit = "probability", min = 0.0, max = 1.0)
            Double probability,

            @Param(description = "days from effect to lifting", unit = "days", min = 1, max = 3650)
            Integer afterDays)
            implements java.io.Serializable {}
}
