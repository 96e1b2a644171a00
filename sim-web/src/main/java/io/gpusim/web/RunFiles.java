package io.gpusim.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads a finished run's output files back for the API, so what the page shows is what the files say: each CSV row
 * becomes a JSON object with the file's column names, numbers as numbers, empty cells as null.
 */
final class RunFiles {
    /** The files a run may offer for download, as the command line names them. */
    static final List<String> DOWNLOADS = List.of(
            "runs.csv",
            "summary.csv",
            "products.csv",
            "products_summary.csv",
            "series.csv",
            "compare.csv",
            "points.csv",
            "failures.csv",
            "manifest.json");

    /** Columns that hold labels, never numbers. */
    private static final Set<String> TEXT = Set.of("scenario", "point", "metric", "series", "date", "error");

    private static final CsvMapper CSV = new CsvMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private RunFiles() {}

    /** The downloadable files present in a run's folder, in {@link #DOWNLOADS} order. */
    static List<String> present(Path dir) {
        List<String> out = new ArrayList<>();
        for (String f : DOWNLOADS) {
            if (Files.isRegularFile(dir.resolve(f))) {
                out.add(f);
            }
        }
        return out;
    }

    /** Every row of a CSV file that passes the filter (an absent file has none). */
    static ArrayNode rows(Path file, Predicate<Map<String, String>> keep) throws IOException {
        ArrayNode out = NODES.arrayNode();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (Map<String, String> row : read(file)) {
            if (keep.test(row)) {
                ObjectNode o = out.addObject();
                row.forEach((k, v) -> put(o, k, v));
            }
        }
        return out;
    }

    /** One metric's column of {@code runs.csv}, per cell: {scenario, point, metric, values}. */
    static ArrayNode values(Path runsCsv, String metric) throws IOException {
        Map<String, ObjectNode> cells = new LinkedHashMap<>();
        ArrayNode out = NODES.arrayNode();
        for (Map<String, String> row : read(runsCsv)) {
            String key = row.get("scenario") + "\u0000" + row.get("point");
            ObjectNode cell = cells.computeIfAbsent(key, k -> {
                ObjectNode c = out.addObject();
                c.put("scenario", row.get("scenario"));
                c.put("point", row.get("point"));
                c.put("metric", metric);
                c.putArray("values");
                return c;
            });
            String v = row.get(metric);
            ArrayNode values = (ArrayNode) cell.get("values");
            if (v == null || v.isEmpty()) {
                values.addNull();
            } else {
                values.add(Double.parseDouble(v));
            }
        }
        return out;
    }

    /** A file as read, and when it was last changed. */
    private record Table(java.nio.file.attribute.FileTime modified, List<Map<String, String>> rows) {}

    /** The tables read last: a page asks for several views of the same run's files in a row. */
    private static final Map<Path, Table> RECENT =
            java.util.Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Path, Table> eldest) {
                    return size() > 12;
                }
            });

    private static List<Map<String, String>> read(Path file) throws IOException {
        java.nio.file.attribute.FileTime modified = Files.getLastModifiedTime(file);
        Table known = RECENT.get(file);
        if (known != null && known.modified().equals(modified)) {
            return known.rows();
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it =
                CSV.readerForMapOf(String.class).with(schema).readValues(file.toFile())) {
            List<Map<String, String>> rows = List.copyOf(it.readAll());
            RECENT.put(file, new Table(modified, rows));
            return rows;
        }
    }

    private static void put(ObjectNode o, String column, String value) {
        if (TEXT.contains(column)) {
            o.put(column, value);
        } else if (value == null || value.isEmpty()) {
            o.putNull(column);
        } else if (value.matches("-?\\d{1,18}")) {
            o.put(column, Long.parseLong(value));
        } else {
            try {
                o.put(column, Double.parseDouble(value));
            } catch (NumberFormatException notNumber) {
                o.put(column, value);
            }
        }
    }
}
