package io.gpusim.core.metrics;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What each metric means to a reader of the outputs: a short label, its unit, and when in a run it is measured.
 * {@link Metric} holds the output name and the definition as computed; this holds what a table, chart or report
 * needs to make a number explain itself. Metrics counted in days from the scenario's start ({@link Kind#DAY}) are
 * shown as dates to people and stay numbers in CSV files.
 */
public final class MetricGlossary {
    /** How a metric's values read. */
    public enum Kind {
        /** An amount in its unit. */
        AMOUNT,
        /** A day counted from the scenario's start date: shown as a date. */
        DAY
    }

    /** The values a metric can take. */
    public enum Range {
        /** Any number. */
        ANY,
        /** Zero or more: counts, amounts of money, durations, rates, days from the start. */
        NON_NEGATIVE,
        /** A share, from 0 to 1. */
        SHARE;

        /** Whether a value lies in the range. */
        public boolean contains(double v) {
            return switch (this) {
                case ANY -> true;
                case NON_NEGATIVE -> v >= 0;
                case SHARE -> v >= 0 && v <= 1;
            };
        }

        /** The range in words ("0 or more", "from 0 to 1"). */
        public String describe() {
            return switch (this) {
                case ANY -> "any number";
                case NON_NEGATIVE -> "0 or more";
                case SHARE -> "from 0 to 1";
            };
        }
    }

    /**
     * One metric's entry.
     *
     * @param label a few words for titles and verdicts ("stockpile at the ban")
     * @param unit the unit of its values ("units", "USD", "months", "share", "date")
     * @param when when in a run it is measured
     * @param range the values it can take
     */
    public record Entry(Metric metric, String label, String unit, String when, Kind kind, Range range) {
        /** The metric's definition as computed ({@link Metric#description()}). */
        public String meaning() {
            return metric.description();
        }

        /** Whether the values are days from the start, shown as dates. */
        public boolean isDay() {
            return kind == Kind.DAY;
        }
    }

    private static final String AT_BAN =
            "on the day the ban takes effect (announcement plus grace days); empty " + "without a ban";
    private static final String RUSH = "rush orders placed before the ban (before the end of the run without one)";
    private static final String RUN = "summed over the whole run";

    private static final Map<Metric, Entry> ENTRIES = new EnumMap<>(Metric.class);

    static {
        amount(Metric.REQUESTED_UNITS, "rush request", "units", RUSH);
        amount(Metric.REQUESTED_VALUE_USD, "value of the rush request", "USD", RUSH + ", at their order prices");
        amount(
                Metric.REQUESTED_MONTHS,
                "rush request in months of demand",
                "months",
                RUSH + "; demand over the 4 weeks before the ban");
        amount(
                Metric.DELIVERED_UNITS_BEFORE_BAN,
                "rush units shipped before the ban",
                "units",
                "shipped up to the day the ban takes effect");
        amount(Metric.SHIPPED_SHARE, "share of the rush request shipped", "share (0-1)", "at the ban");
        amount(Metric.STOCKPILE_UNITS_AT_BAN, "stockpile at the ban", "units", AT_BAN);
        amount(
                Metric.STOCKPILE_MONTHS_AT_BAN,
                "stockpile at the ban in months of demand",
                "months",
                AT_BAN + "; demand over the 4 weeks before it");
        day(
                Metric.BAN_DAY,
                "ban takes effect",
                "the day the ban takes effect (its announcement plus any grace days), not the announcement; "
                        + "empty without a ban");
        amount(
                Metric.DELIVERY_SHORTFALL_MONTHS,
                "time cut from the open rush orders",
                "months",
                "at the ban: how long before their requested-by dates the undelivered rush units were cut off");
        amount(
                Metric.VENDOR_WRITEDOWN_USD,
                "vendor write-down",
                "USD",
                "charged when the ban takes effect, for finished goods and work in process the vendor holds then");
        amount(
                Metric.VENDOR_LOST_REVENUE_USD,
                "vendor backlog cancelled",
                "USD",
                "cancelled when the ban takes effect, at order prices");
        amount(
                Metric.SUBSTITUTE_SHARE_END,
                "domestic share at the end",
                "share (0-1)",
                "the last quarter (91 days) of the run");
        amount(Metric.UNMET_DEMAND_UNITS, "demand left unserved", "H20-eq. units", RUN);
        amount(Metric.VENDOR_REVENUE_USD, "vendor revenue", "USD", RUN + " (paid on shipment)");
        amount(Metric.DOMESTIC_REVENUE_USD, "domestic maker revenue", "USD", RUN + " (paid on shipment)");
        amount(Metric.VENDOR_UNITS_SHIPPED, "vendor units shipped", "units", RUN);
        amount(Metric.DOMESTIC_UNITS_SHIPPED, "domestic units shipped", "units", RUN);
        amount(
                Metric.PEAK_HAZARD,
                "peak perceived ban hazard",
                "1/year",
                "the highest step of the run (mean over the hyperscalers)");
        day(Metric.LEAK_DAY, "first leak", "the day of the first leak of the coming ban; empty when none");
        amount(Metric.GOVERNMENT_FEE_USD, "licence fees to the exporting government", "USD", RUN + ", every vendor");
        amount(
                Metric.VENDOR_NET_REVENUE_USD,
                "vendor revenue net of fees",
                "USD",
                RUN + ": paid on shipment, less licence fees, plus written-down stock sold after all",
                Range.ANY); // fees can exceed what was paid
        amount(Metric.FOREIGN_UNITS_SHIPPED, "foreign units shipped", "units", RUN + ", every foreign product");
        amount(Metric.UNITS_BLOCKED_AT_IMPORT, "units stopped at customs", "units", RUN + ", every foreign product");
        amount(Metric.ORDERS_DENIED_UNITS, "units refused a licence", "units", RUN + ", every foreign product");
        amount(
                Metric.DOMESTIC_SHARE_UNITS,
                "domestic share of units shipped",
                "share (0-1)",
                RUN + "; domestic over all units shipped to hyperscalers");
        amount(
                Metric.RESERVE_RELEASE_USD,
                "write-down released",
                "USD",
                RUN + ": the charge on written-down units sold after all, in the market or elsewhere");
        amount(
                Metric.VENDOR_WRITEDOWN_FINISHED_UNITS,
                "finished goods written off",
                "units",
                "when the ban takes effect (0 without a ban)");
        amount(
                Metric.VENDOR_WRITEDOWN_WIP_UNITS,
                "work in process written off",
                "units",
                "when the ban takes effect (0 without a ban)");
        amount(
                Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS,
                "production committed after the announcement",
                "units",
                "from the step the ban is announced to the day it takes effect (0 without grace days)");
    }

    private MetricGlossary() {}

    /** An amount: a share when its unit says so, else 0 or more. */
    private static void amount(Metric m, String label, String unit, String when) {
        amount(m, label, unit, when, unit.startsWith("share") ? Range.SHARE : Range.NON_NEGATIVE);
    }

    private static void amount(Metric m, String label, String unit, String when, Range range) {
        ENTRIES.put(m, new Entry(m, label, unit, when, Kind.AMOUNT, range));
    }

    /** A day counted from the start: never before it. */
    private static void day(Metric m, String label, String when) {
        ENTRIES.put(m, new Entry(m, label, "date", when, Kind.DAY, Range.NON_NEGATIVE));
    }

    /** Whether the glossary has an entry of its own for the metric (every metric should). */
    public static boolean has(Metric m) {
        return ENTRIES.containsKey(m);
    }

    /** The metric's entry; a metric without one reads as its output name, its definition, no unit. */
    public static Entry of(Metric m) {
        Entry e = ENTRIES.get(m);
        return e != null ? e : new Entry(m, m.id().replace('_', ' '), "–", "", Kind.AMOUNT, Range.ANY);
    }

    /** The entry of the metric with this output name ({@link Metric#byId}, which suggests near names). */
    public static Entry of(String id) {
        return of(Metric.byId(id));
    }

    /** The date a day-metric value stands for (rounded to the nearest day), or null for NaN. */
    public static LocalDate date(double day, LocalDate start) {
        return Double.isNaN(day) || start == null ? null : start.plusDays(Math.round(day));
    }
}
