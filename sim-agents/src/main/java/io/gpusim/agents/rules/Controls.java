package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.Product;
import io.gpusim.core.params.LicenceParams;
import io.gpusim.core.params.RegulatorParams;

/** The export-control authority's timing and decision rules. */
public final class Controls {
    private Controls() {}

    /** Day the ban takes effect: the announcement plus the grace period. */
    public static int effectiveDay(int announceDay, int graceDays) {
        return announceDay + graceDays;
    }

    /** Day of a leak {@code leadDays} before the announcement, never before today. */
    public static int leakDay(int announceDay, int leadDays, int today) {
        return Math.max(today, announceDay - leadDays);
    }

    /** Probability that an event of hazard {@code lambda} per year happens within a step of {@code stepDays}. */
    public static double stepProbability(double hazardPerYear, int stepDays) {
        return 1.0 - Math.exp(-hazardPerYear * stepDays / Calendar.DAYS_PER_YEAR);
    }

    /**
     * The regulator's hazard of deciding a ban, per year: a base rate, plus a boost per leak so far (a leak shows
     * the question is on the table), plus a response to visible stockpiling, measured as the ratio of recent vendor
     * orders to their longer-run average above 1.
     */
    public static double decisionHazard(
            double base, double leakBoost, int leaks, double stockpileSensitivity, double orderSurge) {
        return base + leakBoost * leaks + stockpileSensitivity * Math.max(0.0, orderSurge - 1.0);
    }

    /** Whether a product exceeds any of the threshold rule's limits (a missing limit is +infinity: never binds). */
    public static boolean exceedsThresholds(Product p, RegulatorParams.Thresholds t) {
        return p.memoryBandwidthTBps() > t.maxMemoryBandwidthTBps()
                || p.interconnectGBps() > t.maxInterconnectGBps()
                || p.tpp() > t.maxTpp();
    }

    /**
     * The terms of a licence regime on a day: fee, pass-through, approval delay, denial chance, vetted-out buyers,
     * and the cap per step, {@code capUnitsPerMonth * stepDays / DPM}, or {@code capShare * base(day) * stepDays /
     * DPM} with the base the other market's volume, or +infinity.
     */
    public static LicenceTerms licenceTerms(LicenceParams l, int day, int stepDays) {
        double perMonth = !Double.isNaN(l.capShare())
                ? l.capShare() * Curves.interpolate(l.capBaseDays(), l.capBaseUnitsPerMonth(), day)
                : l.capUnitsPerMonth();
        double cap =
                Double.isInfinite(perMonth) ? Double.POSITIVE_INFINITY : perMonth * stepDays / Calendar.DAYS_PER_MONTH;
        return new LicenceTerms(
                l.feeShare(), l.feePassThrough(), l.approvalDays(), l.denialProbability(), cap, l.excluded());
    }
}
