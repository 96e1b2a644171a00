package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Accumulates paired differences between two variants, replication by replication. */
public final class PairedComparison implements AutoCloseable {
    private final SummaryStatistics[] a = new SummaryStatistics[Metric.values().length];
    private final SummaryStatistics[] b = new SummaryStatistics[Metric.values().length];
    private final MetricAccumulator[] diff = new MetricAccumulator[Metric.values().length];
    private final long[] greater = new long[Metric.values().length];

    public PairedComparison() {
        for (int i = 0; i < a.length; i++) {
            a[i] = new SummaryStatistics();
            b[i] = new SummaryStatistics();
            diff[i] = new MetricAccumulator();
        }
    }

    /** Adds one pair (replication i of A and of B); metrics empty in either are skipped for that metric. */
    public void add(RunResult ra, RunResult rb) {
        for (Metric m : Metric.values()) {
            double x = ra.get(m);
            double y = rb.get(m);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            int i = m.ordinal();
            a[i].addValue(x);
            b[i].addValue(y);
            diff[i].add(y - x);
            if (y > x) {
                greater[i]++;
            }
        }
    }

    /** One row per metric. */
    public List<CompareRow> rows() {
        List<CompareRow> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            int i = m.ordinal();
            long n = diff[i].n();
            if (n == 0) {
                rows.add(new CompareRow(m.id(), 0, null, null, null, null, null, null));
                continue;
            }
            SummaryRow d = diff[i].summarize("", "", m.id());
            rows.add(new CompareRow(
                    m.id(),
                    n,
                    a[i].getMean(),
                    b[i].getMean(),
                    d.mean(),
                    Csv.finite(d.ciLow()),
                    Csv.finite(d.ciHigh()),
                    (double) greater[i] / n));
        }
        return rows;
    }

    @Override
    public void close() {
        for (MetricAccumulator d : diff) {
            d.close();
        }
    }
}
