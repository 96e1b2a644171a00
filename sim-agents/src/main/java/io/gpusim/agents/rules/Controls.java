package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.Product;
import io.gpusim.core.params.LicenceParams;
import io.gpusim.core.params.RegulatorParams;

/** The export-control authority's timing and decision rules. */
public final class Controls {
    /** Weeks of recent vendor orders the hazard rule compares with their longer-run rate. */
    public static final int ORDER_WINDOW_WEEKS = 13;
    /** Weeks of vendor orders over which the hazard rule takes their longer-run rate. */
    public static final int BASELINE_WINDOW_WEEKS = 52;

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

    /**
     * Visible stockpiling: vendor orders over the last {@code recentSteps} steps over their average over the last
     * {@code longRunSteps}, both as rates per step and both ending with the step before {@code step}; 1 when there
     * are fewer than {@code longRunSteps} steps of history or no orders. {@code ordersByStep} holds the orders placed
     * in each step.
     */
    public static double orderSurge(double[] ordersByStep, int step, int recentSteps, int longRunSteps) {
        int last = step - 1;
        if (last + 1 < longRunSteps) {
            return 1.0;
        }
        double r = 0;
        double l = 0;
        for (int s = last - longRunSteps + 1; s <= last; s++) {
            l += ordersByStep[s];
            if (s > last - recentSteps) {
                r += ordersByStep[s];
            }
        }
        return l <= 0 ? 1.0 : (r / recentSteps) / (l / longRunSteps);
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
        return new LicenceTerms(
                l.feeShare(),
                l.feePassThrough(),
                l.approvalDays(),
                l.denialProbability(),
                capUnitsPerStep(l, day, stepDays),
                l.excluded());
    }

    /**
     * The cap per step of a licence regime on a day: {@code capUnitsPerMonth * stepDays / DPM}, or {@code capShare *
     * base(day) * stepDays / DPM} with the base the other market's volume, or +infinity when uncapped.
     */
    public static double capUnitsPerStep(LicenceParams l, int day, int stepDays) {
        double perMonth = !Double.isNaN(l.capShare())
                ? l.capShare() * Curves.interpolate(l.capBaseDays(), l.capBaseUnitsPerMonth(), day)
                : l.capUnitsPerMonth();
        return Double.isInfinite(perMonth) ? Double.POSITIVE_INFINITY : perMonth * stepDays / Calendar.DAYS_PER_MONTH;
    }
}
