package io.gpusim.experiment;

import java.util.List;

/**
 * A resolved study: its cells (scenarios already bound and validated), how many replications each gets, the master
 * seed, and what to write. Replication {@code i} of every cell uses seed {@code replicationSeed(seed, i)}, so cells
 * share common random numbers.
 *
 * @param runs replications per cell (the block size when {@code until} is set)
 * @param until optional stopping rule (batch only)
 * @param seriesRuns with series output, how many replications per cell feed the per-step quantiles (0: no series)
 */
public record Study(String name, StudyKind kind, List<Cell> cells, int runs, long seed, Until until, int seriesRuns)
        implements java.io.Serializable {

    public Study {
        cells = List.copyOf(cells);
        if (runs < 1) {
            throw new IllegalArgumentException("runs: must be >= 1, got " + runs);
        }
        if (kind == StudyKind.COMPARE && cells.size() != 2) {
            throw new IllegalArgumentException("a comparison needs exactly two variants, got " + cells.size());
        }
        if (until != null && kind != StudyKind.BATCH) {
            throw new IllegalArgumentException("until: a stopping rule applies to batches only");
        }
    }

    /** Replications the study will run (with a stopping rule, the most it may run). */
    public long plannedRuns() {
        long perCell = until == null ? runs : Math.max(runs, until.maxRuns());
        return perCell * cells.size();
    }

    /**
     * A digest of everything that determines the study's results: kind, cells (labels and fully resolved
     * scenarios), runs, seed, stopping rule and series. Two runs with the same fingerprint produce the same outputs.
     */
    public String fingerprint() {
        java.util.Map<String, Object> identity = new java.util.LinkedHashMap<>();
        identity.put("kind", kind.name());
        identity.put("runs", runs);
        identity.put("seed", seed);
        identity.put(
                "until",
                until == null ? null : until.metric().id() + ":" + until.relativeHalfWidth() + ":" + until.maxRuns());
        identity.put("seriesRuns", seriesRuns);
        java.util.List<Object> cellList = new java.util.ArrayList<>();
        for (Cell c : cells) {
            cellList.add(
                    java.util.List.of(c.scenarioLabel(), c.pointLabel(), c.scenario() == null ? "" : c.scenario()));
        }
        identity.put("cells", cellList);
        return Fingerprint.of(identity);
    }

    /** A one-paragraph description of the plan. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("study ")
                .append(name)
                .append(" (")
                .append(kind.name().toLowerCase(java.util.Locale.ROOT))
                .append("): ")
                .append(cells.size())
                .append(kind == StudyKind.COMPARE ? " variants" : " cells")
                .append(" x ")
                .append(runs)
                .append(" runs");
        if (until != null) {
            sb.append(" per block, until ")
                    .append(until.metric().id())
                    .append(" half-width <= ")
                    .append(until.relativeHalfWidth())
                    .append(" x mean or ")
                    .append(until.maxRuns())
                    .append(" runs");
        }
        sb.append(" = ")
                .append(until == null ? "" : "at most ")
                .append(plannedRuns())
                .append(" replications, seed ")
                .append(seed)
                .append(System.lineSeparator());
        for (Cell c : cells) {
            sb.append("  ").append(c.scenarioLabel());
            if (c.isDesignPoint()) {
                sb.append(" point ").append(c.pointLabel()).append(' ').append(c.pointValues());
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }
}
