package io.gpusim.experiment;

import java.util.List;

/**
 * What a study produced: summary rows per cell, comparison rows (compare studies), the failed replications, and
 * the replications run per cell (which differ from the plan only under a stopping rule).
 */
public record StudyResult(List<SummaryRow> summary, List<CompareRow> comparison, List<Failure> failures,
        long[] runsPerCell) {

    /** A replication that threw. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"scenario", "point", "run", "seed", "error"})
    public record Failure(String scenario, String point, int run, long seed, String error) {
    }

    public long totalRuns() {
        long sum = 0;
        for (long r : runsPerCell) {
            sum += r;
        }
        return sum;
    }
}
