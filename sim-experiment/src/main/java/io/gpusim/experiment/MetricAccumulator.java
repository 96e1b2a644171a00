package io.gpusim.experiment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.moment.Mean;
import org.apache.commons.math3.stat.descriptive.moment.SecondMoment;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Statistics of one metric over replications. Moments come from a streaming (Welford) accumulator; quantiles are
 * exact, with the R-7 / NumPy "linear" definition, computed from every value: the first {@value #IN_MEMORY}
 * values are kept in memory and later ones are appended to a temporary file, which is read back (one metric at a
 * time, 8 bytes a value) only to summarise. Empty values (NaN) are counted apart and left out of every statistic.
 */
public final class MetricAccumulator implements AutoCloseable {
    /** Values kept in memory before spilling to disk. */
    static final int IN_MEMORY = 1 << 16;

    /** Streaming first and second moments; the mean and variance read them without updating them. */
    private final SecondMoment moments = new SecondMoment();

    private final Mean mean = new Mean(moments);
    private final Variance variance = new Variance(moments);
    private double[] values = new double[64];
    private int inMemory;
    private long n;
    private long empty;
    private Path spillFile;
    private DataOutputStream spill;

    public void add(double value) {
        if (Double.isNaN(value)) {
            empty++;
            return;
        }
        moments.increment(value);
        n++;
        if (inMemory < IN_MEMORY) {
            if (inMemory == values.length) {
                values = Arrays.copyOf(values, Math.min(IN_MEMORY, values.length * 2));
            }
            values[inMemory++] = value;
            return;
        }
        try {
            if (spill == null) {
                spillFile = Files.createTempFile("gpusim-metric", ".bin");
                spillFile.toFile().deleteOnExit();
                spill = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(spillFile), 1 << 16));
            }
            spill.writeDouble(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spill metric values to a temporary file", e);
        }
    }

    /** All values, in the order added (reads the spill file back when there is one). */
    private double[] allValues() {
        if (spill == null) {
            return Arrays.copyOf(values, inMemory);
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many values for exact quantiles: " + n);
        }
        double[] all = Arrays.copyOf(values, (int) n);
        try {
            spill.flush();
            try (DataInputStream in =
                    new DataInputStream(new BufferedInputStream(Files.newInputStream(spillFile), 1 << 16))) {
                for (int i = inMemory; i < n; i++) {
                    all[i] = in.readDouble();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spilled metric values", e);
        }
        return all;
    }

    /** Deletes the spill file, if any. */
    @Override
    public void close() {
        if (spill != null) {
            try {
                spill.close();
                Files.deleteIfExists(spillFile);
            } catch (IOException e) {
                spillFile.toFile().deleteOnExit();
            }
            spill = null;
        }
    }

    /** The 95% t confidence half-width of the mean (NaN with fewer than two values). */
    public double ciHalfWidth() {
        if (n < 2) {
            return Double.NaN;
        }
        return new TDistribution(n - 1).inverseCumulativeProbability(0.975) * standardDeviation() / Math.sqrt(n);
    }

    /** Sample standard deviation (bias-corrected variance). */
    private double standardDeviation() {
        return Math.sqrt(variance.getResult());
    }

    /** Mean of the values (NaN when none). */
    public double mean() {
        return n == 0 ? Double.NaN : mean.getResult();
    }

    /** Number of non-empty values. */
    public long n() {
        return n;
    }

    /** Number of empty (NaN) values. */
    public long empty() {
        return empty;
    }

    /** The summary of what was added; NaN statistics when nothing was, and NaN spread and interval for one value. */
    public SummaryRow summarize(String scenario, String point, String metric) {
        if (n == 0) {
            double nan = Double.NaN;
            return new SummaryRow(scenario, point, metric, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        double mean = this.mean.getResult();
        // one value has no spread to measure: no standard deviation and no interval, rather than a width of zero
        double sd = n > 1 ? standardDeviation() : Double.NaN;
        double half = ciHalfWidth();
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        double[] sorted = allValues();
        Arrays.sort(sorted);
        q.setData(sorted);
        return new SummaryRow(
                scenario,
                point,
                metric,
                n,
                mean,
                sd,
                mean - half,
                mean + half,
                q.evaluate(5),
                q.evaluate(25),
                q.evaluate(50),
                q.evaluate(75),
                q.evaluate(95),
                sorted[0],
                sorted[sorted.length - 1]);
    }
}
