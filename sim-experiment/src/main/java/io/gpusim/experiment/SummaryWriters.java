package io.gpusim.experiment;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes summaries as CSV (atomically: a temporary file renamed into place) and as an aligned text table. */
public final class SummaryWriters {
    /**
     * The summary's CSV schema, built (by reflection over {@link CsvRow}) when a file is first written rather than
     * when the class loads: a command that prints only the table starts without it.
     */
    private static final class Schema {
        static final CsvSchema SUMMARY =
                Csv.MAPPER.schemaFor(CsvRow.class).withHeader().withNullValue("");
    }

    private SummaryWriters() {}

    /** Writes {@code summary.csv}-shaped rows to {@code file}; NaN statistics are written as empty cells. */
    public static void writeCsv(Path file, List<SummaryRow> rows) throws IOException {
        Csv.writeAtomically(file, w -> {
            try (SequenceWriter seq = Csv.MAPPER.writer(Schema.SUMMARY).writeValues(w)) {
                for (SummaryRow r : rows) {
                    seq.write(CsvRow.of(r));
                }
            }
        });
    }

    /** {@link #table(List, LocalDate)} with days shown as numbers. */
    public static String table(List<SummaryRow> rows) {
        return table(rows, null);
    }

    /**
     * An aligned table of the rows: metric, unit, n, median (over the replications), mean, and the 95% confidence
     * interval of the mean ({@code mean_ci95_low}, {@code mean_ci95_high}). Metrics counted in days from the start
     * ({@code ban_day}) are shown as dates from {@code start} when it is given.
     */
    public static String table(List<SummaryRow> rows, LocalDate start) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"metric", "unit", "n", "median", "mean", "mean_ci95_low", "mean_ci95_high"});
        for (SummaryRow r : rows) {
            Metric m = metric(r.metric());
            table.add(new String[] {
                r.metric(),
                m == null ? "" : MetricGlossary.of(m).unit(),
                Long.toString(r.n()),
                value(m, r.p50(), start),
                value(m, r.mean(), start),
                value(m, r.ciLow(), start),
                value(m, r.ciHigh(), start)
            });
        }
        return align(table);
    }

    /** The metric with this output name, or null. */
    public static Metric metric(String id) {
        for (Metric m : Metric.values()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        return null;
    }

    /**
     * A metric's value for people: a date for a day metric when {@code start} is given (the value rounded to the
     * day), else {@link #num}.
     */
    public static String value(Metric m, double v, LocalDate start) {
        if (m != null && start != null && MetricGlossary.of(m).isDay() && !Double.isNaN(v)) {
            return MetricGlossary.date(v, start).toString();
        }
        return num(v);
    }

    /** A difference of a metric's values for people: days for a day metric, else {@link #num}. */
    public static String difference(Metric m, double d) {
        if (m != null && MetricGlossary.of(m).isDay() && !Double.isNaN(d)) {
            return String.format(Locale.ROOT, "%+.1f days", d);
        }
        return num(d);
    }

    /** Aligns rows of cells into a table: first column left-aligned, the others right-aligned. */
    public static String align(java.util.List<String[]> rows) {
        return align(rows, 1);
    }

    /** As {@link #align(java.util.List)}, with the first {@code textColumns} columns (labels) left-aligned. */
    public static String align(java.util.List<String[]> rows, int textColumns) {
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
            line(sb, r, width, textColumns);
        }
        return sb.toString();
    }

    /** One row, each cell padded with spaces to its column's width (after a label, before a number). */
    private static void line(StringBuilder sb, String[] cells, int[] width, int textColumns) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            String padding = " ".repeat(width[c] - cells[c].length());
            if (c < textColumns) {
                sb.append(cells[c]).append(padding);
            } else {
                sb.append(padding).append(cells[c]);
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
