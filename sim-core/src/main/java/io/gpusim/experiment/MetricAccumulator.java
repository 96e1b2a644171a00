package io.gpusim.experiment;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Statistics of one metric over replications. Moments come from a streaming (Welford) accumulator; quantiles are
 * exact, from the kept values, with the R-7 / NumPy "linear" definition. Empty values (NaN) are counted apart
 * and left out of every statistic.
 */
public final class MetricAccumulator {
    private final SummaryStatistics moments = new SummaryStatistics();
    private double[] values = new double[64];
    private int n;
    private long empty;

    public void add(double value) {
        if (Double.isNaN(value)) {
            empty++;
            return;
        }
        moments.addValue(value);
        if (n == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[n++] = value;
    }

    /** Number of non-empty values. */
    public int n() {
        return n;
    }

    /** Number of empty (NaN) values. */
    public long empty() {
        return empty;
    }

    /** The summary of what was added; NaN statistics when nothing was. */
    public SummaryRow summarize(String scenario, String point, String metric) {
        if (n == 0) {
            double nan = Double.NaN;
            return new SummaryRow(scenario, point, metric, 0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan);
        }
        double mean = moments.getMean();
        double sd = n > 1 ? moments.getStandardDeviation() : 0.0;
        double half = n > 1 ? new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n) : 0.0;
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        q.setData(sorted);
        return new SummaryRow(scenario, point, metric, n, mean, sd, mean - half, mean + half,
                q.evaluate(5), q.evaluate(25), q.evaluate(50), q.evaluate(75), q.evaluate(95),
                sorted[0], sorted[n - 1]);
    }
}
