package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates the metrics of a batch, replication by replication, and summarises them. Failed replications are
 * counted, never silently dropped.
 */
public final class BatchSummary implements AutoCloseable {
    private final String scenario;
    private final String point;
    private final MetricAccumulator[] metrics = new MetricAccumulator[Metric.values().length];
    private final List<Replication> failures = new ArrayList<>();
    private long runs;

    public BatchSummary(String scenario, String point) {
        this.scenario = scenario;
        this.point = point;
        for (int i = 0; i < metrics.length; i++) {
            metrics[i] = new MetricAccumulator();
        }
    }

    /** Adds a replication (in replication order, for reproducible output). */
    public void add(Replication r) {
        runs++;
        if (r.failed()) {
            failures.add(r);
            return;
        }
        RunResult result = r.result();
        for (Metric m : Metric.values()) {
            metrics[m.ordinal()].add(result.get(m));
        }
    }

    public long runs() {
        return runs;
    }

    public List<Replication> failures() {
        return List.copyOf(failures);
    }

    public MetricAccumulator accumulator(Metric m) {
        return metrics[m.ordinal()];
    }

    /** One row per metric, in {@link Metric} order. */
    public List<SummaryRow> rows() {
        List<SummaryRow> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            rows.add(metrics[m.ordinal()].summarize(scenario, point, m.id()));
        }
        return rows;
    }

    public SummaryRow row(Metric m) {
        return metrics[m.ordinal()].summarize(scenario, point, m.id());
    }

    /** Releases temporary storage of the accumulators. */
    @Override
    public void close() {
        for (MetricAccumulator m : metrics) {
            m.close();
        }
    }
}
