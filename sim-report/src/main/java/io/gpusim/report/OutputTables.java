package io.gpusim.report;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.experiment.CompareRow;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.Manifest;
import io.gpusim.experiment.SensitivityStudy;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the CSV outputs of a study directory as rows of named cells, checked as they are read: a file that cannot
 * be parsed, lacks a column its readers need, repeats a column, has a row of the wrong length or a cell that does
 * not read as its column's kind is an {@link IllegalArgumentException} naming the file and line. Nothing that reads
 * these files needs to check them again.
 */
final class OutputTables {
    /** How the cells of a column read. */
    enum Kind {
        /** Any text. */
        TEXT,
        /** A number, or empty for no value. */
        NUMBER,
        /** A date (yyyy-mm-dd). */
        DATE,
        /** A number, a date or a word (an enum's or a boolean's value), never empty: a design point's value. */
        VALUE
    }

    /**
     * What one output file must hold.
     *
     * @param name the file's name in the directory
     * @param required the columns its readers need
     * @param kinds the kind of each named column
     * @param others the kind of every column not in {@code kinds}
     */
    record Layout(String name, List<String> required, Map<String, Kind> kinds, Kind others) {
        Kind kind(String column) {
            return kinds.getOrDefault(column, others);
        }
    }

    static final Layout SUMMARY = new Layout(
            "summary.csv",
            List.of("scenario", "point", "metric", "n", "p05", "p50", "p95", "mean", "ci_low", "ci_high"),
            Map.of("scenario", Kind.TEXT, "point", Kind.TEXT, "metric", Kind.TEXT),
            Kind.NUMBER);

    /** {@code runs.csv}: one row per replication, one number column per metric. */
    static final Layout RUNS = new Layout(
            "runs.csv", List.of("scenario", "point"), Map.of("scenario", Kind.TEXT, "point", Kind.TEXT), Kind.NUMBER);

    static final Layout SERIES = new Layout(
            "series.csv",
            List.of("scenario", "date", "series", "p05", "p50", "p95"),
            Map.of("scenario", Kind.TEXT, "point", Kind.TEXT, "date", Kind.DATE, "series", Kind.TEXT),
            Kind.NUMBER);

    static final Layout COMPARE = new Layout(
            "compare.csv",
            List.of("metric", "n", "mean_a", "mean_b", "diff_mean", "diff_ci_low", "diff_ci_high", "p_b_gt_a"),
            Map.of("metric", Kind.TEXT),
            Kind.NUMBER);

    static final Layout SENSITIVITY = new Layout(
            "sensitivity.csv",
            List.of("metric", "parameter", "index", "estimate", "ci_low", "ci_high"),
            Map.of("metric", Kind.TEXT, "parameter", Kind.TEXT, "index", Kind.TEXT),
            Kind.NUMBER);

    /** {@code points.csv}: one row per design point, one value column per varied path. */
    static final Layout POINTS = new Layout("points.csv", List.of("point"), Map.of("point", Kind.TEXT), Kind.VALUE);

    /**
     * A file's rows and where each begins.
     *
     * @param file the file read
     * @param rows each row's cells by column name, every column present
     * @param lines the line each row begins on
     */
    record Table(Path file, List<Map<String, String>> rows, List<Integer> lines) {
        /** Where row {@code i} is, as {@code FILE:LINE}. */
        String at(int i) {
            return file + ":" + lines.get(i);
        }
    }

    private OutputTables() {}

    /** The rows of a directory's file of this layout ({@link #table}), or an empty list when it is absent. */
    static List<Map<String, String>> read(Path dir, Layout layout) throws IOException {
        return table(dir, layout).rows();
    }

    /**
     * Reads and checks a directory's file of this layout; an absent file is an empty table.
     *
     * @throws IllegalArgumentException when the file is damaged, naming it and the line
     */
    static Table table(Path dir, Layout layout) throws IOException {
        Path file = dir.resolve(layout.name());
        List<Map<String, String>> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return new Table(file, rows, lines);
        }
        if (Files.size(file) == 0) {
            throw new IllegalArgumentException(file + ": the file is empty (expected a header line)");
        }
        try (MappingIterator<Map<String, String>> it = Csv.MAPPER
                .readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .readValues(file.toFile())) {
            boolean more = it.hasNextValue();
            List<String> columns = header(file, ((CsvParser) it.getParser()).getSchema(), layout);
            while (more) {
                int line = it.getParser().currentLocation().getLineNr();
                Map<String, String> row = it.nextValue();
                check(file + ":" + line, row, columns, layout);
                rows.add(row);
                lines.add(line);
                more = it.hasNextValue();
            }
        } catch (JsonProcessingException e) {
            throw damaged(file, e);
        } catch (CharConversionException e) {
            throw notUtf8(file, e);
        }
        return new Table(file, rows, lines);
    }

    /** The header's columns, checked: no column twice, and every one the layout requires. */
    private static List<String> header(Path file, CsvSchema schema, Layout layout) {
        List<String> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CsvSchema.Column c : schema) {
            if (!seen.add(c.getName())) {
                throw new IllegalArgumentException(file + ":1: column '" + c.getName() + "' appears twice");
            }
            columns.add(c.getName());
        }
        for (String required : layout.required()) {
            if (!seen.contains(required)) {
                throw new IllegalArgumentException(file + ":1: no column '" + required + "'");
            }
        }
        return columns;
    }

    /** Checks a row: a cell for every column, each reading as its column's kind. */
    private static void check(String at, Map<String, String> row, List<String> columns, Layout layout) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException(
                    at + ": " + row.size() + " of the header's " + columns.size() + " columns");
        }
        for (String column : columns) {
            String cell = row.get(column);
            Kind kind = layout.kind(column);
            if (!reads(cell, kind)) {
                throw new IllegalArgumentException(at + ": column '" + column + "': '" + cell + "' is not "
                        + switch (kind) {
                            case DATE -> "a date (yyyy-mm-dd)";
                            case VALUE -> "a value (a number, a word or a date yyyy-mm-dd)";
                            default -> "a number";
                        });
            }
        }
    }

    private static boolean reads(String cell, Kind kind) {
        return switch (kind) {
            case TEXT -> true;
            case NUMBER -> cell.isEmpty() || isNumber(cell);
            case DATE -> isValidDate(cell);
            case VALUE -> !cell.isEmpty() && (!isDate(cell) || isValidDate(cell));
        };
    }

    /** Whether a cell reads as a number. */
    static boolean isNumber(String cell) {
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isValidDate(String cell) {
        try {
            LocalDate.parse(cell);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** Whether a cell is written as a date (yyyy-mm-dd). */
    static boolean isDate(String cell) {
        return cell.matches("\\d{4}-\\d{2}-\\d{2}");
    }

    /**
     * Reads a directory's {@code manifest.json}, or null when it has none.
     *
     * @throws IllegalArgumentException when it is not valid JSON, naming the file, line and column
     */
    static JsonNode manifest(Path dir) throws IOException {
        Path file = dir.resolve("manifest.json");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return ScenarioLoader.jsonMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw damaged(file, e);
        }
    }

    /**
     * Checks a study directory's tables against its manifest, where it has one: a design's points are all in
     * {@code points.csv}, and a study whose replications ran has a summary with rows. A table that lost its rows, or
     * a sweep without its points, would otherwise be read as a study of another kind or with nothing in it. The
     * outputs of one run (manifest kind {@link Manifest#ONE_RUN}) are refused: they hold no summaries.
     *
     * @throws IllegalArgumentException naming the file and what the manifest says it should hold
     */
    static void checkAgainstManifest(Path dir) throws IOException {
        JsonNode manifest = manifest(dir);
        if (manifest == null) {
            return;
        }
        if (Manifest.ONE_RUN.equals(manifest.path("kind").asText())) {
            throw new IllegalArgumentException(dir + " holds the outputs of one run, which have no summaries to draw; "
                    + "draw those of a batch, sweep, comparison, study or sensitivity analysis");
        }
        int points = manifest.path("designPoints").size();
        Path pointsFile = dir.resolve(POINTS.name());
        if (points > 0 && !Files.isRegularFile(pointsFile)) {
            throw new IllegalArgumentException(
                    pointsFile + ": missing, while the manifest lists " + points + " design points");
        }
        int pointRows = points > 0 ? read(dir, POINTS).size() : 0;
        if (pointRows != points) {
            throw new IllegalArgumentException(
                    pointsFile + ": " + pointRows + " rows, while the manifest lists " + points + " design points");
        }
        long ran = manifest.path("runsTotal").asLong()
                - manifest.path("failedRuns").asLong();
        Path summary = dir.resolve(SUMMARY.name());
        if (ran > 0 && Files.isRegularFile(summary) && read(dir, SUMMARY).isEmpty()) {
            throw new IllegalArgumentException(
                    summary + ": no rows, while the manifest records " + ran + " replications that ran");
        }
    }

    /** A parser's complaint about a file as one line: {@code FILE:LINE[:COL]: message}. */
    private static IllegalArgumentException damaged(Path file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String at = file.toString();
        if (loc != null && loc.getLineNr() > 0) {
            at += ":" + loc.getLineNr() + (file.toString().endsWith(".json") ? ":" + loc.getColumnNr() : "");
        }
        String message = e.getOriginalMessage();
        return new IllegalArgumentException(
                at + ": " + message.lines().findFirst().orElse(message), e);
    }

    /**
     * A file that is not UTF-8 text as one line, {@code FILE:LINE: message}, at the first line that is not (the
     * reader's complaint counts characters and bytes, not lines).
     */
    private static IllegalArgumentException notUtf8(Path file, CharConversionException e) throws IOException {
        String message = e.getMessage().replaceFirst(" \\(at char #.*", "");
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder(); // malformed input is an error, not replaced
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int number = 1, b = 0; b >= 0; number++) {
                line.reset();
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.write(b);
                }
                try {
                    utf8.decode(ByteBuffer.wrap(line.toByteArray()));
                } catch (CharacterCodingException bad) {
                    return new IllegalArgumentException(file + ":" + number + ": " + message, e);
                }
            }
        }
        return new IllegalArgumentException(file + ": " + message, e);
    }

    /** The scenario labels of a study directory, in the order of its summary (a comparison: A, then B). */
    static List<String> scenarios(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        for (Map<String, String> r : read(dir, SUMMARY)) {
            String s = r.get("scenario");
            if (!out.contains(s)) {
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
            double n = number(r, "n");
            out.add(new CompareRow(
                    r.get("metric"),
                    Double.isNaN(n) ? 0 : (long) n,
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

    /** A cell as a number; NaN when empty or absent. */
    static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
    }
}
