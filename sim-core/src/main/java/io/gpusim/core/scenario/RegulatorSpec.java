package io.gpusim.core.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * The export-control authority. {@code history} lists earlier control rounds (public signals, usually before the
 * scenario starts).
 */
public record RegulatorSpec(
        List<LocalDate> history,
        BanMode mode,
        LocalDate banDate,
        HazardSpec hazard,
        ThresholdSpec thresholds,
        LeakSpec leak,
        Integer graceDays,
        ReversalSpec reversal) implements java.io.Serializable {

    public RegulatorSpec {
        history = history == null ? List.of() : List.copyOf(history);
        mode = mode == null ? BanMode.NONE : mode;
        graceDays = graceDays == null ? 0 : graceDays;
    }

    /** Stochastic ban decision: probability per step {@code 1 - exp(-lambda * stepDays / 365.2425)}. */
    public record HazardSpec(
            Double baseHazardPerYear,
            Double leakRatePerYear,
            Double leakBoost,
            Double stockpileSensitivity,
            Integer rulemakingWeeks) implements java.io.Serializable {
    }

    /** Performance limits; a product exceeding any of them is banned on the rule date. */
    public record ThresholdSpec(Double maxMemoryBandwidthTBps, Double maxInterconnectGBps, Double maxTpp) implements java.io.Serializable {
    }

    /** A leak of the coming ban, {@code leadDays} before it, with the given probability. */
    public record LeakSpec(Double probability, Integer leadDays) implements java.io.Serializable {
    }

    /** The ban is lifted {@code afterDays} after it takes effect, with the given probability. */
    public record ReversalSpec(Double probability, Integer afterDays) implements java.io.Serializable {
    }
}
