package io.gpusim.core.metrics;

import java.util.Arrays;

/**
 * The outcome of one replication: the metric values (indexed by {@link Metric#ordinal()}, NaN for empty), each
 * foreign product's figures (indexed by product, then {@link ProductFigure#ordinal()}, with the products' and their
 * vendors' names), and, when recorded, the per-step series (indexed by {@link Series#ordinal()}, then step) and
 * each foreign product's per-step series (indexed by product, {@link ProductSeries#ordinal()}, then step).
 */
public final class RunResult implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    private final long seed;
    private final double[] metrics;
    private final double[][] series;
    private final ProductTable products;
    private final double[][][] productSeries;

    /** Names of the foreign products a run reports on, and of their vendors (shared by a scenario's runs). */
    public record ProductNames(String[] products, String[] vendors) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public static final ProductNames NONE = new ProductNames(new String[0], new String[0]);
    }

    /** The foreign products' figures: {@code values[product][figure]}. */
    public record ProductTable(ProductNames names, double[][] values) implements java.io.Serializable {
        private static final long serialVersionUID = 1L;

        public static final ProductTable NONE = new ProductTable(ProductNames.NONE, new double[0][]);

        /** Number of products. */
        public int size() {
            return values.length;
        }
    }

    public RunResult(long seed, double[] metrics, double[][] series) {
        this(seed, metrics, series, ProductTable.NONE);
    }

    public RunResult(long seed, double[] metrics, double[][] series, ProductTable products) {
        this(seed, metrics, series, products, null);
    }

    /** With each foreign product's series, {@code productSeries[product][series][step]} (null when not recorded). */
    public RunResult(
            long seed, double[] metrics, double[][] series, ProductTable products, double[][][] productSeries) {
        if (metrics.length != Metric.values().length) {
            throw new IllegalArgumentException("expected " + Metric.values().length + " metrics");
        }
        this.seed = seed;
        this.metrics = metrics;
        this.series = series;
        this.products = products;
        this.productSeries = productSeries;
    }

    /** The foreign products' figures (none for a run read back without them). */
    public ProductTable products() {
        return products;
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

    /** Whether each foreign product's series were recorded. */
    public boolean hasProductSeries() {
        return productSeries != null;
    }

    /** A foreign product's series (the product in {@link #products()} order), or an empty array when not recorded. */
    public double[] productSeries(int product, ProductSeries s) {
        return productSeries == null ? new double[0] : productSeries[product][s.ordinal()].clone();
    }

    public int steps() {
        return series == null ? 0 : series[0].length;
    }

    @Override
    public String toString() {
        return "RunResult[seed=" + seed + ", metrics=" + Arrays.toString(metrics) + "]";
    }
}
