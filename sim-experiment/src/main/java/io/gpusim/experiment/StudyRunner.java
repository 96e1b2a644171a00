package io.gpusim.experiment;

import io.gpusim.core.Calendar;
import io.gpusim.core.Replicator;
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
    private final TaskEngine runner;
    private final Replicator replicator;
    private final LongConsumer progress;

    /**
     * @param replicator runs one replication (it must record series when the study asks for them)
     * @param progress told the number of replications finished so far, after each one
     */
    public StudyRunner(TaskEngine runner, Replicator replicator, LongConsumer progress) {
        this.runner = runner;
        this.replicator = replicator;
        this.progress = progress;
    }

    public StudyResult run(Study study, StudyOutput out) throws InterruptedException, IOException {
        return run(study, out, null);
    }

    /**
     * Runs the study, recording each computed replication in {@code journal} (when given) and first replaying the
     * replications a resumed journal already holds; the outputs are the same as in one uninterrupted run.
     */
    public StudyResult run(Study study, StudyOutput out, Journal journal) throws InterruptedException, IOException {
        try {
            return study.kind() == StudyKind.COMPARE ? compare(study, out, journal) : cells(study, out, journal);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private StudyResult cells(Study study, StudyOutput out, Journal journal) throws InterruptedException, IOException {
        List<SummaryRow> rows = new ArrayList<>();
        List<StudyResult.Failure> failures = new ArrayList<>();
        long[] runsPerCell = new long[study.cells().size()];
        long[] done = {0};
        long replay = journal == null ? 0 : journal.remaining();
        Replicator model = replicator; // tasks capture this, not the runner (they may be serialised)
        if (study.until() != null) {
            long global = 0;
            for (int c = 0; c < study.cells().size(); c++) {
                final int cellIndex = c;
                Cell cell = study.cells().get(c);
                CellState state = new CellState(cell, study.seriesRuns());
                long n = 0;
                do {
                    long block = Math.min(study.runs(), study.until().maxRuns() - n);
                    long fromJournal = Math.max(0, Math.min(block, replay - global));
                    for (long i = 0; i < fromJournal; i++) {
                        accept(out, state, journal.next(c, n + i), failures, done);
                    }
                    long first = n + fromJournal;
                    long seed = study.seed();
                    runner.runTasks(
                            block - fromJournal,
                            i -> ReplicationRunner.runOne(cell.scenario(), model, seed, Math.toIntExact(first + i)),
                            r -> {
                                record(journal, cellIndex, r);
                                accept(out, state, r, failures, done);
                            });
                    n += block;
                    global += block;
                } while (n < study.until().maxRuns()
                        && !study.until()
                                .met(state.summary.accumulator(study.until().metric())));
                runsPerCell[c] = n;
                finish(out, state, rows);
            }
            return new StudyResult(study.cells(), rows, List.of(), failures, runsPerCell);
        }
        int runs = study.runs();
        List<Cell> cells = study.cells();
        long total = (long) runs * cells.size();
        long fromJournal = Math.min(replay, total);
        CellConsumer consumer = new CellConsumer(study, out, rows, failures, runsPerCell, done);
        for (long k = 0; k < fromJournal; k++) {
            consumer.accept(journal.next((int) (k / runs), k % runs));
        }
        long seed = study.seed();
        runner.runTasks(
                total - fromJournal,
                i -> {
                    long k = fromJournal + i;
                    Cell cell = cells.get((int) (k / runs));
                    return ReplicationRunner.runOne(cell.scenario(), model, seed, (int) (k % runs));
                },
                r -> {
                    record(journal, consumer.cell, r);
                    consumer.accept(r);
                });
        return new StudyResult(study.cells(), rows, List.of(), failures, runsPerCell);
    }

    /** Feeds replications of consecutive cells, finishing each cell after its last replication. */
    private final class CellConsumer implements java.util.function.Consumer<Replication> {
        private final Study study;
        private final StudyOutput out;
        private final List<SummaryRow> rows;
        private final List<StudyResult.Failure> failures;
        private final long[] runsPerCell;
        private final long[] done;
        private CellState state;
        int cell;

        CellConsumer(
                Study study,
                StudyOutput out,
                List<SummaryRow> rows,
                List<StudyResult.Failure> failures,
                long[] runsPerCell,
                long[] done) {
            this.study = study;
            this.out = out;
            this.rows = rows;
            this.failures = failures;
            this.runsPerCell = runsPerCell;
            this.done = done;
        }

        @Override
        public void accept(Replication r) {
            if (state == null) {
                state = new CellState(study.cells().get(cell), study.seriesRuns());
            }
            StudyRunner.this.accept(out, state, r, failures, done);
            if (r.index() == study.runs() - 1) {
                runsPerCell[cell] = study.runs();
                try {
                    finish(out, state, rows);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                state = null;
                cell++;
            }
        }
    }

    private StudyResult compare(Study study, StudyOutput out, Journal journal)
            throws InterruptedException, IOException {
        Cell a = study.cells().get(0);
        Cell b = study.cells().get(1);
        CellState sa = new CellState(a, study.seriesRuns());
        CellState sb = new CellState(b, study.seriesRuns());
        List<StudyResult.Failure> failures = new ArrayList<>();
        long[] done = {0};
        try (PairedComparison paired = new PairedComparison()) {
            java.util.function.Consumer<Replication[]> consumer = pair -> {
                accept(out, sa, pair[0], failures, done);
                accept(out, sb, pair[1], failures, done);
                if (!pair[0].failed() && !pair[1].failed()) {
                    paired.add(pair[0].result(), pair[1].result());
                }
            };
            long fromJournal = journal == null ? 0 : Math.min(journal.remaining() / 2, study.runs());
            Replicator model = replicator;
            long seed = study.seed();
            io.gpusim.core.scenario.Scenario sa2 = a.scenario();
            io.gpusim.core.scenario.Scenario sb2 = b.scenario();
            for (long i = 0; i < fromJournal; i++) {
                consumer.accept(new Replication[] {journal.next(0, i), journal.next(1, i)});
            }
            runner.runTasks(
                    study.runs() - fromJournal,
                    i -> new Replication[] {
                        ReplicationRunner.runOne(sa2, model, seed, (int) (fromJournal + i)),
                        ReplicationRunner.runOne(sb2, model, seed, (int) (fromJournal + i))
                    },
                    pair -> {
                        record(journal, 0, pair[0]);
                        record(journal, 1, pair[1]);
                        consumer.accept(pair);
                    });
            List<SummaryRow> rows = new ArrayList<>();
            finish(out, sa, rows);
            finish(out, sb, rows);
            List<CompareRow> comparison = paired.rows();
            out.comparison(comparison);
            return new StudyResult(study.cells(), rows, comparison, failures, new long[] {study.runs(), study.runs()});
        }
    }

    private static void record(Journal journal, int cell, Replication r) {
        if (journal == null) {
            return;
        }
        try {
            journal.record(cell, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept(
            StudyOutput out, CellState state, Replication r, List<StudyResult.Failure> failures, long[] done) {
        try {
            out.run(state.cell, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        state.summary.add(r);
        if (r.failed()) {
            failures.add(new StudyResult.Failure(
                    state.cell.scenarioLabel(), state.cell.pointLabel(), r.index(), r.seed(), oneLine(r.error())));
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
            series = state.series.rows(
                    state.cell.scenarioLabel(),
                    state.cell.pointLabel(),
                    t -> cal.dateOfStep(t).toString());
        }
        out.cell(state.cell, summary, series);
        state.summary.close();
    }

    /** The first line of an error, with its type. */
    static String oneLine(Throwable t) {
        if (t instanceof Journal.JournaledFailure) {
            return t.getMessage();
        }
        String msg =
                t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
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
