package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Replicator;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StudyRunnerTest {
    /** Metrics drawn from the seed; replication 5 of master seed 4 throws. */
    static final Replicator FAKE = (scenario, seed) -> {
        if (seed == Seeds.replicationSeed(4, 5)) {
            throw new IllegalStateException("boom\nsecond line");
        }
        double[] m = new double[Metric.values().length];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < m.length; i++) {
            m[i] = 100 + r.nextGaussian();
        }
        return new RunResult(seed, m, null);
    };

    private static List<Cell> cells(int n) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cells.add(new Cell("s", Integer.toString(i), null, Map.of()));
        }
        return cells;
    }

    static final class Recorder implements StudyOutput {
        final List<String> runs = new ArrayList<>();
        final List<String> cellsDone = new ArrayList<>();

        @Override
        public void run(Cell cell, Replication r) {
            runs.add(cell.pointLabel() + "/" + r.index() + "/" + r.seed());
        }

        @Override
        public void cell(Cell cell, List<SummaryRow> summary, List<SeriesSummary.Row> series) {
            cellsDone.add(cell.pointLabel());
        }

        @Override
        public void comparison(List<CompareRow> rows) {}
    }

    private static Recorder run(Study study, int threads) throws Exception {
        Recorder rec = new Recorder();
        try (ReplicationRunner runner = new ReplicationRunner(threads)) {
            new StudyRunner(runner, FAKE, n -> {}).run(study, rec);
        }
        return rec;
    }

    @Test
    void cellsAndRunsArriveInOrderWithCommonSeeds() throws Exception {
        Study study = new Study("t", StudyKind.SWEEP, cells(4), 25, 9, null, 0);
        Recorder one = run(study, 1);
        Recorder three = run(study, 3);
        assertEquals(one.runs, three.runs);
        assertEquals(List.of("0", "1", "2", "3"), three.cellsDone);
        assertEquals(100, three.runs.size());
        assertEquals(three.runs.get(0).split("/")[2], three.runs.get(25).split("/")[2], "same seed at each point");
    }

    @Test
    void failuresAreRecordedWithOneLineErrors() throws Exception {
        Study study = new Study("t", StudyKind.BATCH, cells(1), 10, 4, null, 0);
        StudyResult result;
        try (ReplicationRunner runner = new ReplicationRunner(2)) {
            result = new StudyRunner(runner, FAKE, n -> {}).run(study, StudyOutput.NONE);
        }
        assertEquals(1, result.failures().size());
        StudyResult.Failure f = result.failures().get(0);
        assertEquals(5, f.run());
        assertEquals("IllegalStateException: boom", f.error());
        assertEquals(9, result.summary().get(Metric.REQUESTED_UNITS.ordinal()).n());
    }

    @Test
    void untilStopsWhenTheIntervalIsNarrowEnough() throws Exception {
        // sd 1 around 100: a half-width of 1% of the mean needs only a handful of runs
        Study loose = new Study("t", StudyKind.BATCH, cells(1), 20, 1, new Until(Metric.BAN_DAY, 0.01, 10_000), 0);
        StudyResult r;
        try (ReplicationRunner runner = new ReplicationRunner(2)) {
            r = new StudyRunner(runner, FAKE, n -> {}).run(loose, StudyOutput.NONE);
        }
        assertEquals(20, r.runsPerCell()[0], "met after the first block");
        Study tight = new Study("t", StudyKind.BATCH, cells(1), 20, 1, new Until(Metric.BAN_DAY, 1e-5, 100), 0);
        try (ReplicationRunner runner = new ReplicationRunner(2)) {
            r = new StudyRunner(runner, FAKE, n -> {}).run(tight, StudyOutput.NONE);
        }
        assertEquals(100, r.runsPerCell()[0], "stopped at --max-runs");
        Study middle = new Study("t", StudyKind.BATCH, cells(1), 10, 1, new Until(Metric.BAN_DAY, 0.0015, 10_000), 0);
        try (ReplicationRunner runner = new ReplicationRunner(2)) {
            r = new StudyRunner(runner, FAKE, n -> {}).run(middle, StudyOutput.NONE);
        }
        long used = r.runsPerCell()[0];
        assertTrue(used > 10 && used < 10_000 && used % 10 == 0, "blocks of 10 until met: " + used);
        SummaryRow row = r.summary().get(Metric.BAN_DAY.ordinal());
        assertTrue((row.ciHigh() - row.ciLow()) / 2 <= 0.0015 * row.mean(), row.toString());
    }

    @Test
    void identicalVariantsGiveZeroDifferences() throws Exception {
        Study study = new Study(
                "t",
                StudyKind.COMPARE,
                List.of(new Cell("a", "", null, Map.of()), new Cell("b", "", null, Map.of())),
                50,
                3,
                null,
                0);
        StudyResult r;
        try (ReplicationRunner runner = new ReplicationRunner(2)) {
            r = new StudyRunner(runner, FAKE, n -> {}).run(study, StudyOutput.NONE);
        }
        for (CompareRow row : r.comparison()) {
            assertEquals(0.0, row.diffMean(), row.metric());
            assertEquals(0.0, row.diffCiLow());
            assertEquals(0.0, row.diffCiHigh());
            assertEquals(0.0, row.pBGreaterThanA());
            assertEquals(row.meanA(), row.meanB());
        }
        assertTrue(Arrays.stream(r.runsPerCell()).allMatch(n -> n == 50));
    }
}
