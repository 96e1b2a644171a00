package io.gpusim.core.params;

/**
 * A licence regime for one foreign product (see {@code LicenceSpec}), dates as days from the start ({@code
 * untilDay} is {@code Integer.MAX_VALUE} when open-ended). The monthly cap is {@code capUnitsPerMonth} when given,
 * else {@code capShare} times the {@code capBase} curve at the day, else none (+infinity). {@code excluded[b]} marks
 * buyers vetted out.
 */
public record LicenceParams(
        int product,
        int fromDay,
        int untilDay,
        double feeShare,
        double feePassThrough,
        int approvalDays,
        double denialProbability,
        double capUnitsPerMonth,
        double capShare,
        double[] capBaseDays,
        double[] capBaseUnitsPerMonth,
        boolean[] excluded) {

    /** Whether the regime is in force on {@code day}. */
    public boolean covers(int day) {
        return day >= fromDay && day <= untilDay;
    }
}
