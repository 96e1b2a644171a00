package io.gpusim.experiment;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes summaries as CSV (atomically: a temporary file renamed into place) and as an aligned text table. */
public final class SummaryWriters {
    private static final CsvMapper CSV = Csv.MAPPER;
    private static final CsvSchema SUMMARY_SCHEMA =
            CSV.schemaFor(CsvRow.class).withHeader().withNullValue("");

    private SummaryWriters() {}

    /** Writes {@code summary.csv}-shaped rows to {@code file}; NaN statistics are written as empty cells. */
    public static void writeCsv(Path file, List<SummaryRow> rows) throws IOException {
        Csv.writeAtomically(file, w -> {
            try (SequenceWriter seq = CSV.writer(SUMMARY_SCHEMA).writeValues(w)) {
                for (SummaryRow r : rows) {
                    seq.write(CsvRow.of(r));
                }
            }
        });
    }

    /** An aligned table of the rows: metric, n, median, mean and the 95% CI of the mean. */
    public static String table(List<SummaryRow> rows) {
        String[] header = {"metric", "n", "median", "mean", "ci95_low", "ci95_high"};
        String[][] cells = new String[rows.size()][];
        int[] width = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            width[c] = header[c].length();
        }
        for (int i = 0; i < rows.size(); i++) {
            SummaryRow r = rows.get(i);
            cells[i] = new String[] {
                r.metric(), Long.toString(r.n()), num(r.p50()), num(r.mean()), num(r.ciLow()), num(r.ciHigh())
            };
            for (int c = 0; c < header.length; c++) {
                width[c] = Math.max(width[c], cells[i][c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (String[] row : cells) {
            line(sb, row, width);
        }
        return sb.toString();
    }

    /** Aligns rows of cells into a table: first column left-aligned, the others right-aligned. */
    public static String align(java.util.List<String[]> rows) {
        int cols = 0;
        for (String[] r : rows) {
            cols = Math.max(cols, r.length);
        }
        int[] width = new int[cols];
        for (String[] r : rows) {
            for (int c = 0; c < r.length; c++) {
                width[c] = Math.max(width[c], r[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            if (c == 0) {
                sb.append(String.format(Locale.ROOT, "%-" + width[c] + "s", cells[c]));
            } else {
                sb.append("  ").append(String.format(Locale.ROOT, "%" + width[c] + "s", cells[c]));
            }
        }
        sb.append(System.lineSeparator());
    }

    /** A number for people: empty for NaN, grouped thousands for large values, 4 significant digits for small. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** The CSV form of a row: NaN becomes an empty cell, numbers keep full precision. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "scenario",
        "point",
        "metric",
        "n",
        "mean",
        "sd",
        "ci_low",
        "ci_high",
        "p05",
        "p25",
        "p50",
        "p75",
        "p95",
        "min",
        "max"
    })
    public record CsvRow(
            String scenario,
            String point,
            String metric,
            long n,
            Double mean,
            Double sd,

            @com.fasterxml.jackson.annotation.JsonProperty("ci_low")
            Double ciLow,

            @com.fasterxml.jackson.annotation.JsonProperty("ci_high")
            Double ciHigh,

            Double p05,
            Double p25,
            Double p50,
            Double p75,
            Double p95,
            Double min,
            Double max) {
        public static CsvRow of(SummaryRow r) {
            return new CsvRow(
                    r.scenario(),
                    r.point(),
                    r.metric(),
                    r.n(),
                    box(r.mean()),
                    box(r.sd()),
                    box(r.ciLow()),
                    box(r.ciHigh()),
                    box(r.p05()),
                    box(r.p25()),
                    box(r.p50()),
                    box(r.p75()),
                    box(r.p95()),
                    box(r.min()),
                    box(r.max()));
        }

        private static Double box(double v) {
            return Double.isNaN(v) ? null : v;
        }
    }
}
