package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the paired differences of a comparison come from: for each metric whose 95% interval of the mean difference
 * excludes 0, the parts the model's outputs split it into, so a surprising sign can be traced to a mechanism. A
 * write-down is units written off at the ban times their cost, split into finished goods and work in process (and
 * the production committed between the announcement and the effect); a share, into its numerator and denominator;
 * a revenue, into units and price; anything measured at the ban, into the shift of the ban's day. Everything is
 * computed from the comparison's rows, so it can be redone from {@code compare.csv}.
 */
public final class Explain {
    private final Map<String, CompareRow> rows = new LinkedHashMap<>();
    private final LocalDate startA;
    private final LocalDate startB;

    private Explain(List<CompareRow> rows, LocalDate startA, LocalDate startB) {
        rows.forEach(r -> this.rows.put(r.metric(), r));
        this.startA = startA;
        this.startB = startB;
    }

    /**
     * The explanation of a comparison of B against A, one entry per significant metric (its lines after the first
     * indented), the ban's day first, then in metric order; empty when no difference is significant.
     *
     * @param startA the start date of A's scenario, to show ban days as dates (null: as days)
     */
    public static List<String> of(List<CompareRow> rows, LocalDate startA, LocalDate startB) {
        return new Explain(rows, startA, startB).lines();
    }

    /** The explanation as printed text: a heading and the entries, or nothing when no difference is significant. */
    public static String text(List<CompareRow> rows, String a, String b, LocalDate startA, LocalDate startB) {
        List<String> lines = of(rows, startA, startB);
        if (lines.isEmpty()) {
            return "";
        }
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder(nl)
                .append("explain: the differences whose 95% interval excludes 0, ")
                .append(b)
                .append(" - ")
                .append(a)
                .append(", traced to their parts (means over the pairs)")
                .append(nl);
        for (String line : lines) {
            sb.append("  ").append(line.replace("\n", nl + "  ")).append(nl);
        }
        return sb.toString();
    }

    /** Whether the mean difference of a metric is significant: its 95% interval excludes 0. */
    public static boolean significant(CompareRow r) {
        return r != null
                && r.diffCiLow() != null
                && r.diffCiHigh() != null
                && r.diffMean() != null
                && r.n() >= 2
                && (r.diffCiLow() > 0 || r.diffCiHigh() < 0);
    }

    private List<String> lines() {
        List<String> out = new ArrayList<>();
        // The ban's day first: a shift in it is the cause of much else.
        List<Metric> order = new ArrayList<>(List.of(Metric.values()));
        order.remove(Metric.BAN_DAY);
        order.add(0, Metric.BAN_DAY);
        for (Metric m : order) {
            CompareRow r = rows.get(m.id());
            if (!significant(r)) {
                continue;
            }
            String entry = entry(m, r);
            if (entry != null) {
                out.add(entry);
            }
        }
        return out;
    }

    private String entry(Metric m, CompareRow r) {
        String head = m.id() + ": " + change(m, r);
        return switch (m) {
            case BAN_DAY ->
                head + ": the ban takes effect " + dateOrDay(r.meanB(), startB) + " instead of "
                        + dateOrDay(r.meanA(), startA) + "; every metric measured at the ban moves with it";
            case VENDOR_WRITEDOWN_USD -> writedown(head, r);
            case SHIPPED_SHARE -> ratio(head, Metric.DELIVERED_UNITS_BEFORE_BAN, m);
            case STOCKPILE_MONTHS_AT_BAN -> ratio(head, Metric.STOCKPILE_UNITS_AT_BAN, m);
            case REQUESTED_MONTHS -> ratio(head, Metric.REQUESTED_UNITS, m);
            case VENDOR_REVENUE_USD -> revenue(head, r, Metric.VENDOR_UNITS_SHIPPED);
            case DOMESTIC_REVENUE_USD -> revenue(head, r, Metric.DOMESTIC_UNITS_SHIPPED);
            case UNMET_DEMAND_UNITS ->
                parts(
                        head + ": what shipping served instead",
                        Metric.VENDOR_UNITS_SHIPPED,
                        Metric.DOMESTIC_UNITS_SHIPPED);
            case VENDOR_LOST_REVENUE_USD ->
                parts(
                        head + ": the backlog left at the ban",
                        Metric.REQUESTED_VALUE_USD,
                        Metric.DELIVERED_UNITS_BEFORE_BAN);
            case DELIVERED_UNITS_BEFORE_BAN, STOCKPILE_UNITS_AT_BAN, DELIVERY_SHORTFALL_MONTHS -> atTheBan(head);
            default -> null;
        };
    }

    /** A write-down: units written off at the ban times their cost, by kind of stock. */
    private String writedown(String head, CompareRow r) {
        CompareRow fin = rows.get(Metric.VENDOR_WRITEDOWN_FINISHED_UNITS.id());
        CompareRow wip = rows.get(Metric.VENDOR_WRITEDOWN_WIP_UNITS.id());
        if (fin == null || wip == null || !defined(fin) || !defined(wip)) {
            return head;
        }
        double unitsA = fin.meanA() + wip.meanA();
        double unitsB = fin.meanB() + wip.meanB();
        double costA = unitsA > 0 ? r.meanA() / unitsA : Double.NaN;
        double costB = unitsB > 0 ? r.meanB() / unitsB : Double.NaN;
        double cost = Double.isFinite(costA) ? costA : costB;
        StringBuilder sb = new StringBuilder(head)
                .append(" = units written off when the ban takes effect x their cost")
                .append("\n  finished goods: ")
                .append(fromTo(fin, "units"))
                .append(share(fin.diffMean() * cost, r.diffMean()))
                .append("\n  work in process: ")
                .append(fromTo(wip, "units"))
                .append(share(wip.diffMean() * cost, r.diffMean()));
        CompareRow started = rows.get(Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS.id());
        if (started != null && defined(started)) {
            sb.append("\n  production committed between the announcement and the effect: ")
                    .append(fromTo(started, "units"));
        }
        if (Double.isFinite(costA) && Double.isFinite(costB) && Math.abs(costA - costB) > 0.005 * Math.abs(costA)) {
            sb.append("\n  cost per unit written off: ")
                    .append(SummaryWriters.num(costA))
                    .append(" -> ")
                    .append(SummaryWriters.num(costB))
                    .append(" USD");
        } else if (Double.isFinite(cost)) {
            sb.append("\n  cost per unit written off: ")
                    .append(SummaryWriters.num(cost))
                    .append(" USD in both");
        }
        String driver = Math.abs(wip.diffMean()) >= Math.abs(fin.diffMean()) ? "work in process" : "finished goods";
        sb.append("\n  mostly ").append(driver);
        if (driver.equals("work in process")
                && started != null
                && significant(started)
                && started.diffMean() > 0
                && wip.diffMean() > 0) {
            sb.append(": production the vendor kept committing after the ban was announced, until it took effect,"
                    + " is written off with it");
        } else if (driver.equals("work in process")) {
            sb.append(": production committed ahead of the ban (a wafer lead time before it) is written off");
        } else {
            sb.append(": goods finished but not yet shipped when the ban takes effect are written off");
        }
        return sb.toString();
    }

    /** A ratio metric: how its numerator and denominator moved (the denominator implied when not a metric). */
    private String ratio(String head, Metric numerator, Metric ratio) {
        CompareRow num = rows.get(numerator.id());
        CompareRow r = rows.get(ratio.id());
        if (num == null || !defined(num)) {
            return head;
        }
        StringBuilder sb =
                new StringBuilder(head).append("\n  ").append(numerator.id()).append(": ");
        sb.append(fromTo(num, MetricGlossary.of(numerator).unit()));
        if (ratio == Metric.SHIPPED_SHARE) {
            CompareRow den = rows.get(Metric.REQUESTED_UNITS.id());
            if (den != null && defined(den)) {
                sb.append("\n  ")
                        .append(Metric.REQUESTED_UNITS.id())
                        .append(": ")
                        .append(fromTo(den, "units"));
            }
        } else if (defined(r) && r.meanA() != 0 && r.meanB() != 0) {
            double denA = num.meanA() / r.meanA();
            double denB = num.meanB() / r.meanB();
            sb.append("\n  monthly demand it is divided by (implied): ")
                    .append(SummaryWriters.num(denA))
                    .append(" -> ")
                    .append(SummaryWriters.num(denB))
                    .append(percent(denB - denA, denA));
        }
        return sb.toString();
    }

    /** A revenue: units shipped times the mean price per unit. */
    private String revenue(String head, CompareRow r, Metric units) {
        CompareRow u = rows.get(units.id());
        if (u == null || !defined(u) || u.meanA() <= 0 || u.meanB() <= 0) {
            return head;
        }
        double priceA = r.meanA() / u.meanA();
        double priceB = r.meanB() / u.meanB();
        return head + " = units shipped x revenue per unit\n  " + units.id() + ": " + fromTo(u, "units")
                + share(u.diffMean() * priceA, r.diffMean()) + "\n  revenue per unit shipped: "
                + SummaryWriters.num(priceA) + " -> " + SummaryWriters.num(priceB) + " USD"
                + share(u.meanB() * (priceB - priceA), r.diffMean());
    }

    /** A metric with related parts worth showing beside it. */
    private String parts(String head, Metric... related) {
        StringBuilder sb = new StringBuilder(head);
        for (Metric m : related) {
            CompareRow p = rows.get(m.id());
            if (p != null && defined(p)) {
                sb.append("\n  ")
                        .append(m.id())
                        .append(": ")
                        .append(fromTo(p, MetricGlossary.of(m).unit()));
            }
        }
        return sb.toString();
    }

    /** A metric measured at the ban: the ban's shift, when there is one. */
    private String atTheBan(String head) {
        CompareRow ban = rows.get(Metric.BAN_DAY.id());
        if (significant(ban)) {
            return head + ": measured at the ban, which takes effect "
                    + String.format(
                            Locale.ROOT,
                            "%.0f days %s",
                            Math.abs(ban.diffMean()),
                            ban.diffMean() > 0 ? "later" : "earlier");
        }
        return head + ": measured at the ban, which takes effect on the same day in both";
    }

    /** "+1,014,910,500 USD (+18.2%)" or "+60.0 days". */
    private static String change(Metric m, CompareRow r) {
        MetricGlossary.Entry e = MetricGlossary.of(m);
        if (e.isDay()) {
            return SummaryWriters.difference(m, r.diffMean());
        }
        String unit = e.unit().startsWith("share") ? "" : " " + e.unit();
        return signed(r.diffMean()) + unit + percent(r.diffMean(), r.meanA());
    }

    /** "350,000 -> 340,000 (-10,000 units, -2.9%)". */
    private static String fromTo(CompareRow r, String unit) {
        return SummaryWriters.num(r.meanA()) + " -> " + SummaryWriters.num(r.meanB()) + " ("
                + signed(r.diffMean()) + " " + unit
                + (r.meanA() != 0
                        ? ", " + percent(r.diffMean(), r.meanA()).trim().replaceAll("[()]", "")
                        : "")
                + ")";
    }

    /** "; 85% of the change" when the part carries a share of the whole's change. */
    private static String share(double part, double whole) {
        if (!Double.isFinite(part) || whole == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "; %s of the change", percentOf(part / whole));
    }

    private static String percentOf(double fraction) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * fraction);
    }

    private static String percent(double diff, double base) {
        if (base == 0 || !Double.isFinite(diff / base)) {
            return "";
        }
        return String.format(Locale.ROOT, " (%+.1f%%)", 100 * diff / Math.abs(base));
    }

    private static String signed(double v) {
        String s = SummaryWriters.num(v);
        return v > 0 ? "+" + s : s;
    }

    private static boolean defined(CompareRow r) {
        return r != null && r.meanA() != null && r.meanB() != null && r.diffMean() != null;
    }

    private static String dateOrDay(Double day, LocalDate start) {
        if (day == null) {
            return "never";
        }
        return start == null ? "on day " + SummaryWriters.num(day) : "on " + MetricGlossary.date(day, start);
    }
}
