package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;

/**
 * A stopping rule: replicate in blocks until the 95% confidence half-width of {@code metric}'s mean is below
 * {@code relativeHalfWidth} times the mean's absolute value, or {@code maxRuns} replications.
 */
public record Until(Metric metric, double relativeHalfWidth, long maxRuns) implements java.io.Serializable {

    /** Parses {@code METRIC:REL_HALF_WIDTH}. */
    public static Until parse(String spec, long maxRuns) {
        int colon = spec.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + spec + "': expected METRIC:REL_HALF_WIDTH");
        }
        Metric m;
        try {
            m = Metric.byId(spec.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + spec + "': " + e.getMessage());
        }
        double rel;
        try {
            rel = Double.parseDouble(spec.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + spec + "': the half-width must be a number");
        }
        if (!(rel > 0 && rel < 10)) {
            throw new IllegalArgumentException("'" + spec + "': the half-width must be in (0, 10)");
        }
        if (maxRuns < 1) {
            throw new IllegalArgumentException("the most runs must be >= 1, got " + maxRuns);
        }
        return new Until(m, rel, maxRuns);
    }

    /** Whether the accumulated values meet the rule (needs at least two values and a non-zero mean). */
    public boolean met(MetricAccumulator acc) {
        return met(acc.n(), acc.mean(), acc.ciHalfWidth());
    }

    /** Whether a cell's summary of the metric meets the rule, as {@link #met(MetricAccumulator)}. */
    public boolean met(SummaryRow row) {
        return met(row.n(), row.mean(), (row.ciHigh() - row.ciLow()) / 2);
    }

    private boolean met(long n, double mean, double half) {
        return n >= 2
                && Double.isFinite(half)
                && half <= relativeHalfWidth * Math.abs(mean)
                && (mean != 0 || half == 0);
    }
}
