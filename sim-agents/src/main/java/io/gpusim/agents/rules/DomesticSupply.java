package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;
import io.gpusim.core.params.DomesticParams;

/** The domestic chipmaker's roadmap delays and capacity. */
public final class DomesticSupply {
    /** Finished-goods buffer the maker keeps above its backlog, in weeks of output. */
    public static final double BUFFER_WEEKS = 2.0;

    private DomesticSupply() {}

    /** Launch delay in months: {@code max(0, mean + sd * z)} for a standard normal draw {@code z}. */
    public static double launchDelayMonths(double mean, double sd, double z) {
        return Math.max(0.0, mean + sd * z);
    }

    /**
     * Units per week the maker can finish: the lesser of good dies per week divided by dies per unit, and the
     * units its memory supply supports.
     */
    public static double weeklyCapacity(
            double waferStartsPerWeek, double diesPerWafer, double yield, double diesPerUnit, double hbmUnitsPerWeek) {
        return Math.min(waferStartsPerWeek * diesPerWafer * yield / diesPerUnit, hbmUnitsPerWeek);
    }

    /**
     * Units the maker can finish in a step starting on {@code day}: weekly capacity with the yield from the ramp
     * and wafers and memory grown geometrically at their yearly rates since the start
     * ({@code years = day / 365.2425}).
     */
    public static double capacityPerStep(DomesticParams spec, int day, double stepWeeks) {
        double years = day / Calendar.DAYS_PER_YEAR;
        double yield = Curves.interpolate(spec.yieldDays(), spec.yields(), day);
        double wafers = spec.waferStartsPerWeek() * Math.pow(1 + spec.waferGrowthPerYear(), years);
        double hbm = spec.hbmUnitsPerWeek() * Math.pow(1 + spec.hbmGrowthPerYear(), years);
        return weeklyCapacity(wafers, spec.diesPerWafer(), yield, spec.diesPerUnit(), hbm) * stepWeeks;
    }
}
