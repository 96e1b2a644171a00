package io.gpusim.report;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gpusim.experiment.CompareRow;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.SensitivityStudy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads the CSV outputs of a study directory as rows of named cells. */
final class OutputTables {
    private OutputTables() {}

    /** Every row of a CSV file with a header, or an empty list when the file is absent. */
    static List<Map<String, String>> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = Csv.MAPPER
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(file.toFile())) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    /** The scenario labels of a study directory, in the order of its summary (a comparison: A, then B). */
    static List<String> scenarios(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : read(dir.resolve("summary.csv"))) {
            String s = r.get("scenario");
            if (s != null && !out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The rows of {@code sensitivity.csv} as the experiment layer's records. */
    static List<SensitivityStudy.Row> sensitivityRows(List<Map<String, String>> rows) {
        List<SensitivityStudy.Row> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new SensitivityStudy.Row(
                    r.get("metric"),
                    r.get("parameter"),
                    r.get("index"),
                    boxed(r, "estimate"),
                    boxed(r, "ci_low"),
                    boxed(r, "ci_high")));
        }
        return out;
    }

    /** The rows of {@code compare.csv} as the experiment layer's records. */
    static List<CompareRow> compareRows(List<Map<String, String>> rows) {
        List<CompareRow> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            String n = r.get("n");
            out.add(new CompareRow(
                    r.get("metric"),
                    n == null || n.isEmpty() ? 0 : Long.parseLong(n),
                    boxed(r, "mean_a"),
                    boxed(r, "mean_b"),
                    boxed(r, "diff_mean"),
                    boxed(r, "diff_ci_low"),
                    boxed(r, "diff_ci_high"),
                    boxed(r, "p_b_gt_a")));
        }
        return out;
    }

    private static Double boxed(Map<String, String> row, String column) {
        double v = number(row, column);
        return Double.isNaN(v) ? null : v;
    }

    /** A cell as a number; NaN when empty. */
    static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
