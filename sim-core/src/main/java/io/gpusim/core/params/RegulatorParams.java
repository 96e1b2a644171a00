package io.gpusim.core.params;

import io.gpusim.core.scenario.BanMode;
import java.util.List;

/**
 * The export-control authority (see {@code RegulatorSpec}). Every section is present: a missing leak or reversal is
 * one with probability 0, a missing threshold a limit of +infinity (it never binds), and {@code banDay} is the
 * announcement day in {@code DATE} and {@code THRESHOLD} modes (0, and unused, otherwise). {@code banProducts} are the
 * products a {@code DATE} or {@code HAZARD} ban covers (the primary product unless the scenario lists others);
 * {@code licences} the licence regimes, in scenario order.
 */
public record RegulatorParams(
        List<Integer> controlRoundDays,
        BanMode mode,
        int banDay,
        int graceDays,
        double leakProbability,
        int leakLeadDays,
        double reversalProbability,
        int reversalAfterDays,
        Hazard hazard,
        Thresholds thresholds,
        int[] banProducts,
        List<LicenceParams> licences) {

    public RegulatorParams {
        controlRoundDays = List.copyOf(controlRoundDays);
        licences = List.copyOf(licences);
    }

    /** The stochastic ban decision of {@code HAZARD} mode (all zero in other modes). */
    public record Hazard(
            double baseHazardPerYear,
            double leakRatePerYear,
            double leakBoost,
            double stockpileSensitivity,
            int rulemakingWeeks) {}

    /** Performance limits of {@code THRESHOLD} mode; +infinity where the scenario sets none. */
    public record Thresholds(double maxMemoryBandwidthTBps, double maxInterconnectGBps, double maxTpp) {}
}
