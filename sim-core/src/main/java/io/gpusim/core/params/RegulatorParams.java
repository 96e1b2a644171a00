package io.gpusim.core.params;

import io.gpusim.core.scenario.BanMode;
import java.util.List;

/**
 * The export-control authority (see {@code RegulatorSpec}). Every section is present: a missing leak or reversal is
 * one with probability 0, a missing threshold a limit of +infinity (it never binds), and {@code banDay} is the
 * announcement day in {@code DATE} and {@code THRESHOLD} modes (0, and unused, otherwise).
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
        Thresholds thresholds) {

    public RegulatorParams {
        controlRoundDays = List.copyOf(controlRoundDays);
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
