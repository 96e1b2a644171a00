package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a study produced: summary rows per cell, comparison rows (compare studies), the failed replications, and
 * the replications run per cell (which differ from the plan only under a stopping rule). Rows are found by cell and
 * metric ({@link #row}), never by their position.
 */
public final class StudyResult {
    private final List<Cell> cells;
    private final List<SummaryRow> summary;
    private final List<CompareRow> comparison;
    private final List<Failure> failures;
    private final long[] runsPerCell;
    private final Map<String, SummaryRow> byKey = new HashMap<>();

    /** A replication that threw. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"scenario", "point", "run", "seed", "error"})
    public record Failure(String scenario, String point, int run, long seed, String error) {}

    public StudyResult(
            List<Cell> cells,
            List<SummaryRow> summary,
            List<CompareRow> comparison,
            List<Failure> failures,
            long[] runsPerCell) {
        this.cells = List.copyOf(cells);
        this.summary = List.copyOf(summary);
        this.comparison = List.copyOf(comparison);
        this.failures = List.copyOf(failures);
        this.runsPerCell = runsPerCell.clone();
        for (SummaryRow r : summary) {
            byKey.put(key(r.scenario(), r.point(), r.metric()), r);
        }
    }

    private static String key(String scenario, String point, String metric) {
        return scenario + '\u0000' + point + '\u0000' + metric;
    }

    /** The summary of a metric in a cell of the study. */
    public SummaryRow row(Cell cell, Metric metric) {
        SummaryRow r = byKey.get(key(cell.scenarioLabel(), cell.pointLabel(), metric.id()));
        if (r == null) {
            throw new IllegalArgumentException("no summary of " + metric.id() + " for " + cell.displayLabel());
        }
        return r;
    }

    /** The summary of a metric in the study's {@code index}-th cell. */
    public SummaryRow row(int index, Metric metric) {
        return row(cells.get(index), metric);
    }

    /** Every metric's summary row of one cell, in metric order. */
    public List<SummaryRow> rows(Cell cell) {
        return java.util.Arrays.stream(Metric.values()).map(m -> row(cell, m)).toList();
    }

    /** The study's cells, in order. */
    public List<Cell> cells() {
        return cells;
    }

    /** All summary rows, in cell and metric order. */
    public List<SummaryRow> summary() {
        return summary;
    }

    public List<CompareRow> comparison() {
        return comparison;
    }

    public List<Failure> failures() {
        return failures;
    }

    public long[] runsPerCell() {
        return runsPerCell.clone();
    }

    public long totalRuns() {
        long sum = 0;
        for (long r : runsPerCell) {
            sum += r;
        }
        return sum;
    }
}
