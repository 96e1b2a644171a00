package io.gpusim.core.metrics;

import java.util.Arrays;

/**
 * The outcome of one replication: the metric values (indexed by {@link Metric#ordinal()}, NaN for empty) and,
 * when recorded, the per-step series (indexed by {@link Series#ordinal()}, then step).
 */
public final class RunResult implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final double[] metrics;
    private final double[][] series;

    public RunResult(long seed, double[] metrics, double[][] series) {
        if (metrics.length != Metric.values().length) {
            throw new IllegalArgumentException("expected " + Metric.values().length + " metrics");
        }
        this.seed = seed;
        this.metrics = metrics;
        this.series = series;
    }

    public long seed() {
        return seed;
    }

    public double get(Metric m) {
        return metrics[m.ordinal()];
    }

    /** A copy of all metric values in {@link Metric} order. */
    public double[] metrics() {
        return metrics.clone();
    }

    public boolean hasSeries() {
        return series != null;
    }

    /** The series, or an empty array when series were not recorded. */
    public double[] series(Series s) {
        return series == null ? new double[0] : series[s.ordinal()].clone();
    }

    public int steps() {
        return series == null ? 0 : series[0].length;
    }

    @Override
    public String toString() {
        return "RunResult[seed=" + seed + ", metrics=" + Arrays.toString(metrics) + "]";
    }
}
