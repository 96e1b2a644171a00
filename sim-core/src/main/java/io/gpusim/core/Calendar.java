package io.gpusim.core;

import io.gpusim.core.scenario.SimulationSpec;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Maps calendar dates to simulation steps. Day 0 is the start date; step {@code s} covers days
 * {@code [s * stepDays, (s + 1) * stepDays)}; the step index is the model's clock ({@code MarketModel.step()}).
 */
public final class Calendar {
    /** Mean days per month of the Gregorian calendar (365.2425 / 12). */
    public static final double DAYS_PER_MONTH = 30.436875;
    /** Mean days per year of the Gregorian calendar. */
    public static final double DAYS_PER_YEAR = 365.2425;
    /** Mean weeks per month, {@code DAYS_PER_MONTH / 7} (about 4.348). */
    public static final double WEEKS_PER_MONTH = DAYS_PER_MONTH / 7.0;

    private final LocalDate start;
    private final LocalDate end;
    private final int stepDays;
    private final int steps;

    public Calendar(LocalDate start, LocalDate end, int stepDays) {
        if (!end.isAfter(start) || stepDays < 1) {
            throw new IllegalArgumentException("bad calendar " + start + ".." + end + " step " + stepDays);
        }
        this.start = start;
        this.end = end;
        this.stepDays = stepDays;
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        this.steps = (int) ((days + stepDays - 1) / stepDays);
    }

    public static Calendar of(SimulationSpec spec) {
        return new Calendar(spec.startDate(), spec.endDate(), spec.stepDays());
    }

    public LocalDate start() {
        return start;
    }

    public LocalDate end() {
        return end;
    }

    public int stepDays() {
        return stepDays;
    }

    /** Number of steps in the horizon. */
    public int steps() {
        return steps;
    }

    /** Length of a step in weeks (rates in scenarios are per week). */
    public double stepWeeks() {
        return stepDays / 7.0;
    }

    /** Days from the start date (negative before it). */
    public int dayOf(LocalDate date) {
        return (int) ChronoUnit.DAYS.between(start, date);
    }

    /** The step containing this day (may be negative or beyond the horizon). */
    public int stepOfDay(int day) {
        return Math.floorDiv(day, stepDays);
    }

    public int stepOf(LocalDate date) {
        return stepOfDay(dayOf(date));
    }

    /** First day of a step. */
    public int firstDayOf(int step) {
        return step * stepDays;
    }

    public LocalDate dateOfStep(int step) {
        return start.plusDays((long) step * stepDays);
    }

    public LocalDate dateOfDay(int day) {
        return start.plusDays(day);
    }

    /** Steps spanned by a number of weeks, rounded to the nearest step and at least {@code min}. */
    public int stepsForWeeks(double weeks, int min) {
        return stepsForDays(weeks * 7.0, min);
    }

    /** Steps spanned by a number of days, rounded to the nearest step and at least {@code min}. */
    public int stepsForDays(double days, int min) {
        return Math.max(min, (int) Math.round(days / stepDays));
    }

    /** The reference step of the scenario's weekly rates, in days. */
    public static final int WEEK_DAYS = 7;

    /**
     * A smoothing weight given per week as the weight per step that smooths the same over a week:
     * {@code 1 - (1 - alpha)^(stepDays / 7)} (the weekly weight itself at weekly steps).
     */
    public double smoothingPerStep(double alphaPerWeek) {
        if (stepDays == WEEK_DAYS) {
            return alphaPerWeek;
        }
        return 1.0 - Math.pow(1.0 - alphaPerWeek, stepDays / (double) WEEK_DAYS);
    }

    /**
     * The log-scale standard deviation per step of mean-one log-normal noise given per week, such that a week's
     * worth of independent steps has the relative variance of one weekly draw: {@code exp(s^2) - 1 = (exp(sw^2) - 1)
     * * 7 / stepDays} (the weekly value itself at weekly steps).
     */
    public double lognormalSdPerStep(double sdPerWeek) {
        if (stepDays == WEEK_DAYS || sdPerWeek == 0) {
            return sdPerWeek;
        }
        return Math.sqrt(Math.log1p(Math.expm1(sdPerWeek * sdPerWeek) * WEEK_DAYS / stepDays));
    }
}
