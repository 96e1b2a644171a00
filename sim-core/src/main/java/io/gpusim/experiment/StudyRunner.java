package io.gpusim.experiment;

import io.gpusim.core.Calendar;
import io.gpusim.core.scenario.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Executes a {@link Study}: every replication of every cell on the runner's threads, results merged in cell and
 * replication order and streamed to a {@link StudyOutput}, statistics accumulated as they arrive. The same study
 * gives the same outputs whatever the thread count.
 */
public final class StudyRunner {
    private final ReplicationRunner runner;
    private final Replicator replicator;
    private final LongConsumer progress;

    /**
     * @param replicator runs one replication (it must record series when the study asks for them)
     * @param progress told the number of replications finished so far, after each one
     */
    public StudyRunner(ReplicationRunner runner, Replicator replicator, LongConsumer progress) {
        this.runner = runner;
        this.replicator = replicator;
        this.progress = progress;
    }

    public StudyResult run(Study study, StudyOutput out) throws InterruptedException, IOException {
        try {
            return study.kind() == StudyKind.COMPARE ? compare(study, out) : cells(study, out);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private StudyResult cells(Study study, StudyOutput out) throws InterruptedException, IOException {
        List<SummaryRow> rows = new ArrayList<>();
        List<StudyResult.Failure> failures = new ArrayList<>();
        long[] runsPerCell = new long[study.cells().size()];
        long[] done = {0};
        if (study.until() != null) {
            for (int c = 0; c < study.cells().size(); c++) {
                Cell cell = study.cells().get(c);
                CellState state = new CellState(cell, study.seriesRuns());
                long n = 0;
                do {
                    long block = Math.min(study.runs(), study.until().maxRuns() - n);
                    long first = n;
                    runner.runTasks(block, i -> ReplicationRunner.runOne(cell.scenario(), replicator, study.seed(),
                            Math.toIntExact(first + i)), r -> accept(out, state, r, failures, done));
                    n += block;
                } while (n < study.until().maxRuns() && !study.until().met(state.summary.accumulator(
                        study.until().metric())));
                runsPerCell[c] = n;
                finish(out, state, rows);
            }
            return new StudyResult(rows, List.of(), failures, runsPerCell);
        }
        int runs = study.runs();
        List<Cell> cells = study.cells();
        CellState[] states = new CellState[cells.size()];
        runner.runTasks((long) runs * cells.size(), k -> {
            Cell cell = cells.get((int) (k / runs));
            return ReplicationRunner.runOne(cell.scenario(), replicator, study.seed(), (int) (k % runs));
        }, new java.util.function.Consumer<>() {
            private int c;

            @Override
            public void accept(Replication r) {
                if (states[c] == null) {
                    states[c] = new CellState(cells.get(c), study.seriesRuns());
                }
                StudyRunner.this.accept(out, states[c], r, failures, done);
                if (r.index() == runs - 1) {
                    runsPerCell[c] = runs;
                    try {
                        finish(out, states[c], rows);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    states[c] = null;
                    c++;
                }
            }
        });
        return new StudyResult(rows, List.of(), failures, runsPerCell);
    }

    private StudyResult compare(Study study, StudyOutput out) throws InterruptedException, IOException {
        Cell a = study.cells().get(0);
        Cell b = study.cells().get(1);
        CellState sa = new CellState(a, study.seriesRuns());
        CellState sb = new CellState(b, study.seriesRuns());
        List<StudyResult.Failure> failures = new ArrayList<>();
        long[] done = {0};
        try (PairedComparison paired = new PairedComparison()) {
            runner.runTasks(study.runs(), i -> new Replication[] {
                ReplicationRunner.runOne(a.scenario(), replicator, study.seed(), (int) i),
                ReplicationRunner.runOne(b.scenario(), replicator, study.seed(), (int) i)}, pair -> {
                    accept(out, sa, pair[0], failures, done);
                    accept(out, sb, pair[1], failures, done);
                    if (!pair[0].failed() && !pair[1].failed()) {
                        paired.add(pair[0].result(), pair[1].result());
                    }
                });
            List<SummaryRow> rows = new ArrayList<>();
            finish(out, sa, rows);
            finish(out, sb, rows);
            List<CompareRow> comparison = paired.rows();
            out.comparison(comparison);
            return new StudyResult(rows, comparison, failures, new long[] {study.runs(), study.runs()});
        }
    }

    private void accept(StudyOutput out, CellState state, Replication r, List<StudyResult.Failure> failures,
            long[] done) {
        try {
            out.run(state.cell, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.summary.add(r);
        if (r.failed()) {
            failures.add(new StudyResult.Failure(state.cell.scenarioLabel(), state.cell.pointLabel(), r.index(),
                    r.seed(), oneLine(r.error())));
        } else if (state.series != null) {
            state.series.add(r.result());
        }
        progress.accept(++done[0]);
    }

    private static void finish(StudyOutput out, CellState state, List<SummaryRow> rows) throws IOException {
        List<SummaryRow> summary = state.summary.rows();
        rows.addAll(summary);
        List<SeriesSummary.Row> series = List.of();
        if (state.series != null) {
            Scenario s = state.cell.scenario();
            Calendar cal = Calendar.of(s.simulation());
            series = state.series.rows(state.cell.scenarioLabel(), state.cell.pointLabel(),
                    t -> cal.dateOfStep(t).toString());
        }
        out.cell(state.cell, summary, series);
        state.summary.close();
    }

    /** The first line of an error, with its type. */
    static String oneLine(Throwable t) {
        String msg = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
        return t.getClass().getSimpleName() + (msg.isEmpty() ? "" : ": " + msg);
    }

    private static final class CellState {
        final Cell cell;
        final BatchSummary summary;
        final SeriesSummary series;

        CellState(Cell cell, int seriesRuns) {
            this.cell = cell;
            this.summary = new BatchSummary(cell.scenarioLabel(), cell.pointLabel());
            this.series = seriesRuns > 0 ? new SeriesSummary(seriesRuns) : null;
        }
    }
}
