package io.gpusim.experiment;

import java.io.IOException;
import java.util.List;

/** Where a study's results go as they are produced. */
public interface StudyOutput {
    /** One replication of a cell (in cell order, then replication order). */
    void run(Cell cell, Replication replication) throws IOException;

    /** A finished cell's summary rows (and series rows when recorded). */
    void cell(Cell cell, List<SummaryRow> summary, List<SeriesSummary.Row> series) throws IOException;

    /** The comparison rows of a compare study. */
    void comparison(List<CompareRow> rows) throws IOException;

    /** Output that discards everything (results are still returned by the runner). */
    StudyOutput NONE = new StudyOutput() {
        @Override
        public void run(Cell cell, Replication replication) {}

        @Override
        public void cell(Cell cell, List<SummaryRow> summary, List<SeriesSummary.Row> series) {}

        @Override
        public void comparison(List<CompareRow> rows) {}
    };
}
