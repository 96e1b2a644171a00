package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a table of sensitivity indices says, in words: one verdict per metric ("stockpile at the ban:
 * vendor.safetyStockWeeks dominates, beliefs.leakWeight negligible") and a warning for each metric whose indices
 * cannot be trusted as they stand (a Sobol index or its interval outside [0, 1], or an interval too wide to rank by).
 *
 * <p>The rule of thumb behind the advice: with N base points, the widest 95% interval of a Sobol index is about
 * {@code ±2.5 / sqrt(N)} (measured on the Ishigami function, whose indices are known: ±0.31 at N = 64, ±0.11 at
 * N = 512); so ranking the parameters needs N of about 128-256 and quoting indices to ±0.05 about 2,500. Noise in a
 * point's mean (too few {@code runs} per point) adds variance no parameter explains: first-order indices then sum
 * well below 1 and small ones scatter around 0.
 */
public final class SensitivityVerdicts {
    /** The half-width of the widest 95% interval of a Sobol index is about this over the root of N. */
    public static final double HALF_WIDTH_CONSTANT = 2.5;

    /** An interval wider than this cannot rank parameters. */
    static final double WIDE = 0.3;

    /** How far outside [0, 1] a Sobol estimate or interval end may fall before it is called out. */
    static final double TOLERANCE = 0.05;

    private SensitivityVerdicts() {}

    /** The expected half-width of the widest Sobol interval with {@code n} base points. */
    public static double expectedHalfWidth(int n) {
        return HALF_WIDTH_CONSTANT / Math.sqrt(n);
    }

    /** The base points for an expected widest half-width of {@code halfWidth}. */
    public static int basePointsFor(double halfWidth) {
        return (int) Math.ceil(Math.pow(HALF_WIDTH_CONSTANT / halfWidth, 2));
    }

    /** One verdict per metric, in the order of the rows. */
    public static List<String> verdicts(List<SensitivityStudy.Row> rows) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<SensitivityStudy.Row>> m : byMetric(rows).entrySet()) {
            String v = verdict(m.getKey(), m.getValue());
            if (v != null) {
                out.add(v);
            }
        }
        return out;
    }

    /**
     * One warning per metric whose Sobol indices leave [0, 1] (an estimate, or its interval by more than a little) or
     * whose intervals are too wide to rank the parameters; {@link #advice} says what to do about them.
     */
    public static List<String> warnings(List<SensitivityStudy.Row> rows) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<SensitivityStudy.Row>> m : byMetric(rows).entrySet()) {
            String w = warning(m.getKey(), m.getValue());
            if (w != null) {
                out.add(w);
            }
        }
        return out;
    }

    private static String warning(String metric, List<SensitivityStudy.Row> rows) {
        if (!isSobol(rows)) {
            return null;
        }
        Map<String, List<String>> outside = new LinkedHashMap<>();
        double widest = 0;
        for (SensitivityStudy.Row r : rows) {
            if (r.estimate() != null && (r.estimate() < -TOLERANCE || r.estimate() > 1 + TOLERANCE)) {
                outside.computeIfAbsent(r.parameter(), p -> new ArrayList<>()).add(r.index() + " " + num(r.estimate()));
            } else if (r.ciLow() != null
                    && r.ciHigh() != null
                    && (r.ciLow() < -TOLERANCE || r.ciHigh() > 1 + TOLERANCE)) {
                outside.computeIfAbsent(r.parameter(), p -> new ArrayList<>())
                        .add(r.index() + " interval [" + num(r.ciLow()) + ", " + num(r.ciHigh()) + "]");
            }
            if (r.ciLow() != null && r.ciHigh() != null) {
                widest = Math.max(widest, r.ciHigh() - r.ciLow());
            }
        }
        if (outside.isEmpty() && widest <= WIDE) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (!outside.isEmpty()) {
            List<String> each = new ArrayList<>();
            outside.forEach((p, what) -> each.add(p + " " + String.join(", ", what)));
            parts.add(String.join("; ", each) + " outside [0, 1]");
        }
        if (widest > WIDE) {
            parts.add(String.format(Locale.ROOT, "intervals up to %.2f wide", widest));
        }
        return metric + ": " + String.join("; ", parts);
    }

    /**
     * What to do about untrustworthy indices, sized by the base points used ({@code basePoints} 0 when unknown): the
     * next power of two that at least doubles N and brings the widest interval to about +-0.15.
     */
    public static String advice(int basePoints) {
        if (basePoints <= 0) {
            return "use more base points (--base-points) and more --runs per point";
        }
        int target = Integer.highestOneBit(Math.max(2 * basePoints, basePointsFor(0.15)) - 1) << 1;
        return String.format(
                Locale.ROOT,
                "with N=%d base points the widest interval is about +-%.2f (+-2.5/sqrt(N)); --base-points %d gives "
                        + "about +-%.2f, and if indices still leave [0, 1], raise --runs so each point's mean is "
                        + "steady",
                basePoints,
                expectedHalfWidth(basePoints),
                target,
                expectedHalfWidth(target));
    }

    /** Whether a metric's indices are flagged by {@link #warnings}. */
    static boolean uncertain(String metric, List<SensitivityStudy.Row> rows) {
        return warning(metric, rows) != null;
    }

    private static String verdict(String metric, List<SensitivityStudy.Row> rows) {
        boolean sobol = isSobol(rows);
        String index = sobol ? "ST" : "mu_star";
        List<SensitivityStudy.Row> main = rows.stream()
                .filter(r -> r.index().equals(index) && r.estimate() != null)
                .sorted(Comparator.comparingDouble((SensitivityStudy.Row r) -> r.estimate())
                        .reversed())
                .toList();
        if (main.isEmpty()) {
            return null;
        }
        double top = Math.max(main.get(0).estimate(), 0);
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < main.size(); i++) {
            SensitivityStudy.Row r = main.get(i);
            double next = i + 1 < main.size() ? Math.max(main.get(i + 1).estimate(), 0) : 0;
            String role = sobol ? sobolRole(r.estimate(), next, i) : morrisRole(r.estimate(), top, next, i);
            parts.add(String.format(Locale.ROOT, "%s %s (%s %s)", r.parameter(), role, index, num(r.estimate())));
        }
        Metric m = SummaryWriters.metric(metric);
        String label = m == null ? metric : MetricGlossary.of(m).label() + " (" + metric + ")";
        return label + ": " + String.join(", ", parts) + (uncertain(metric, rows) ? " [uncertain: see warnings]" : "");
    }

    private static String sobolRole(double st, double next, int rank) {
        if (rank == 0 && st >= 0.5 && st >= 2 * next) {
            return "dominates";
        }
        if (st >= 0.1) {
            return "matters";
        }
        if (st >= 0.01) {
            return "minor";
        }
        return "negligible";
    }

    private static String morrisRole(double mu, double top, double next, int rank) {
        if (top <= 0) {
            return "negligible";
        }
        if (rank == 0 && mu >= 2 * next) {
            return "dominates";
        }
        double share = mu / top;
        return share >= 0.2 ? "matters" : share >= 0.05 ? "minor" : "negligible";
    }

    private static boolean isSobol(List<SensitivityStudy.Row> rows) {
        return rows.stream().anyMatch(r -> r.index().equals("ST") || r.index().equals("S1"));
    }

    private static Map<String, List<SensitivityStudy.Row>> byMetric(List<SensitivityStudy.Row> rows) {
        Map<String, List<SensitivityStudy.Row>> out = new LinkedHashMap<>();
        for (SensitivityStudy.Row r : rows) {
            out.computeIfAbsent(r.metric(), k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    private static String num(double v) {
        if (Math.abs(v) >= 10) {
            return SummaryWriters.num(v);
        }
        return Math.abs(v) < 0.005 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
