package io.gpusim.experiment;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.ProductFigure;
import io.gpusim.core.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a study's tidy outputs into a directory: {@code runs.csv}, {@code summary.csv}, {@code failures.csv},
 * and as asked {@code series.csv}, {@code compare.csv}, {@code points.csv} and {@code manifest.json}. Every file is
 * written under a temporary name and renamed into place by {@link #commit()}, so a reader never sees half a file;
 * without a commit, {@link #close()} removes the temporary files and leaves the directory as it was.
 */
public final class CsvStudyOutput implements StudyOutput, AutoCloseable {
    private static final CsvMapper CSV = Csv.MAPPER;

    /** Every file a study writes, by name: a temporary file of one of these is a study's half-written output. */
    static final List<String> OUTPUT_FILES = List.of(
            "runs.csv",
            "products.csv",
            "products_summary.csv",
            "summary.csv",
            "series.csv",
            "compare.csv",
            "failures.csv",
            "points.csv",
            "manifest.json",
            "sensitivity.csv",
            "calibration.csv",
            "calibrated.yaml",
            "validation.csv");

    /** How the per-scenario calibrated files of a joint fit begin ({@code calibrated-NAME.yaml}). */
    static final String CALIBRATED_PREFIX = "calibrated-";

    /** Whether a file name is one a study writes: a name of {@link #OUTPUT_FILES} or a per-scenario scenario file. */
    static boolean isOutputFile(String name) {
        return OUTPUT_FILES.contains(name) || (name.startsWith(CALIBRATED_PREFIX) && name.endsWith(".yaml"));
    }

    private final Path dir;
    private final Map<String, Path> pending = new LinkedHashMap<>();
    private final SequenceWriter runs;
    private final SequenceWriter products;
    private final SequenceWriter productsSummary;
    /** Each open cell's product figures, accumulated for products_summary.csv: [product][figure]. */
    private final Map<Cell, MetricAccumulator[][]> productStats = new java.util.IdentityHashMap<>();

    private final SequenceWriter summary;
    private final SequenceWriter series;
    private final List<Writer> writers = new ArrayList<>();
    private boolean committed;

    /** Opens the tidy output files; {@code withSeries} adds {@code series.csv}. */
    public CsvStudyOutput(Path dir, boolean withSeries) throws IOException {
        this(dir, true, withSeries);
    }

    /**
     * Opens the output files: {@code runs.csv} and {@code summary.csv} when {@code tidy}, and {@code series.csv}
     * when {@code withSeries}; other files are {@linkplain #stage staged}.
     */
    public CsvStudyOutput(Path dir, boolean tidy, boolean withSeries) throws IOException {
        this(dir, tidy, tidy, withSeries);
    }

    /**
     * Opens the files of one replication ({@code gpusim run --out}): {@code runs.csv} and {@code products.csv}. One
     * run has no summaries; its other files are {@linkplain #stage staged}.
     */
    public static CsvStudyOutput oneRun(Path dir) throws IOException {
        return new CsvStudyOutput(dir, true, false, false);
    }

    private CsvStudyOutput(Path dir, boolean tidy, boolean summaries, boolean withSeries) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        CsvSchema.Builder runsColumns = CsvSchema.builder()
                .addColumn("scenario")
                .addColumn("point")
                .addColumn("run", CsvSchema.ColumnType.NUMBER)
                .addColumn("seed", CsvSchema.ColumnType.NUMBER);
        for (Metric m : Metric.values()) {
            runsColumns.addColumn(m.id(), CsvSchema.ColumnType.NUMBER);
        }
        runs = tidy ? open("runs.csv", runsColumns.build().withHeader()) : null;
        CsvSchema.Builder productColumns = CsvSchema.builder()
                .addColumn("scenario")
                .addColumn("point")
                .addColumn("run", CsvSchema.ColumnType.NUMBER)
                .addColumn("seed", CsvSchema.ColumnType.NUMBER)
                .addColumn("product")
                .addColumn("vendor");
        for (ProductFigure fig : ProductFigure.values()) {
            productColumns.addColumn(fig.id(), CsvSchema.ColumnType.NUMBER);
        }
        products = tidy ? open("products.csv", productColumns.build().withHeader()) : null;
        productsSummary = summaries
                ? open(
                        "products_summary.csv",
                        CSV.schemaFor(ProductSummaryRow.class).withHeader())
                : null;
        summary = summaries
                ? open("summary.csv", CSV.schemaFor(SummaryWriters.CsvRow.class).withHeader())
                : null;
        series = withSeries
                ? open("series.csv", CSV.schemaFor(SeriesSummary.Row.class).withHeader())
                : null;
    }

    private SequenceWriter open(String name, CsvSchema schema) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        pending.put(name, tmp);
        Writer w = Files.newBufferedWriter(tmp);
        writers.add(w);
        return CSV.writer(schema).writeValues(w);
    }

    /**
     * An empty cell: no value. Jackson leaves a null element of an array row out altogether, which would move every
     * later value one column to the left, so a row of cells holds this instead.
     */
    private static final String NO_VALUE = "";

    /** A number's cell in a row: the number, or {@link #NO_VALUE} for NaN. */
    private static Object cell(double v) {
        return Double.isNaN(v) ? NO_VALUE : v;
    }

    @Override
    public void run(Cell cell, Replication r) throws IOException {
        if (runs == null) {
            return;
        }
        Object[] row = new Object[4 + Metric.values().length];
        row[0] = cell.scenarioLabel();
        row[1] = cell.pointLabel();
        row[2] = r.index();
        row[3] = r.seed();
        for (Metric m : Metric.values()) {
            row[4 + m.ordinal()] = r.failed() ? NO_VALUE : cell(r.result().get(m));
        }
        runs.write(row);
        if (!r.failed()) {
            writeProducts(cell, r);
        }
    }

    /** One row per foreign product of the run in {@code products.csv}, and the cell's accumulators. */
    private void writeProducts(Cell cell, Replication r) throws IOException {
        List<String[]> names = cell.scenario().foreignProducts();
        double[][] values = r.result().products().values();
        if (values.length != names.size()) {
            throw new IllegalStateException("a run of " + cell.scenarioLabel() + " reports " + values.length
                    + " foreign products, its scenario has " + names.size());
        }
        MetricAccumulator[][] stats = productStats.computeIfAbsent(cell, c -> {
            MetricAccumulator[][] fresh = new MetricAccumulator[names.size()][ProductFigure.values().length];
            for (MetricAccumulator[] byFigure : fresh) {
                for (int k = 0; k < byFigure.length; k++) {
                    byFigure[k] = new MetricAccumulator();
                }
            }
            return fresh;
        });
        for (int p = 0; p < values.length; p++) {
            Object[] row = new Object[6 + ProductFigure.values().length];
            row[0] = cell.scenarioLabel();
            row[1] = cell.pointLabel();
            row[2] = r.index();
            row[3] = r.seed();
            row[4] = names.get(p)[0];
            row[5] = names.get(p)[1];
            for (ProductFigure fig : ProductFigure.values()) {
                double v = values[p][fig.ordinal()];
                row[6 + fig.ordinal()] = cell(v);
                stats[p][fig.ordinal()].add(v);
            }
            products.write(row);
        }
    }

    /** A row of {@code products_summary.csv}: one product's figure over a cell's runs. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({
        "scenario",
        "point",
        "product",
        "vendor",
        "figure",
        "n",
        "mean",
        "p05",
        "p50",
        "p95"
    })
    public record ProductSummaryRow(
            String scenario,
            String point,
            String product,
            String vendor,
            String figure,
            long n,
            Double mean,
            Double p05,
            Double p50,
            Double p95) {}

    @Override
    public void cell(Cell cell, List<SummaryRow> rows, List<SeriesSummary.Row> seriesRows) throws IOException {
        if (summary != null) {
            for (SummaryRow r : rows) {
                summary.write(SummaryWriters.CsvRow.of(r));
            }
        }
        MetricAccumulator[][] stats = productStats.remove(cell);
        if (productsSummary != null && stats != null) {
            List<String[]> names = cell.scenario().foreignProducts();
            for (int p = 0; p < stats.length; p++) {
                for (ProductFigure fig : ProductFigure.values()) {
                    MetricAccumulator a = stats[p][fig.ordinal()];
                    SummaryRow sr = a.summarize(cell.scenarioLabel(), cell.pointLabel(), fig.id());
                    productsSummary.write(new ProductSummaryRow(
                            cell.scenarioLabel(),
                            cell.pointLabel(),
                            names.get(p)[0],
                            names.get(p)[1],
                            fig.id(),
                            sr.n(),
                            Csv.finite(sr.mean()),
                            Csv.finite(sr.p05()),
                            Csv.finite(sr.p50()),
                            Csv.finite(sr.p95())));
                    a.close();
                }
            }
        }
        if (series != null) {
            for (SeriesSummary.Row r : seriesRows) {
                series.write(r);
            }
        }
    }

    @Override
    public void comparison(List<CompareRow> rows) throws IOException {
        writeAll("compare.csv", CSV.schemaFor(CompareRow.class).withHeader(), rows);
    }

    /** Writes {@code failures.csv} (header only when nothing failed). */
    public void failures(List<StudyResult.Failure> failures) throws IOException {
        writeAll("failures.csv", CSV.schemaFor(StudyResult.Failure.class).withHeader(), failures);
    }

    /** Writes {@code points.csv}: one row per design point, one column per varied path. */
    public void points(List<DesignPoint> points) throws IOException {
        if (points.isEmpty()) {
            return;
        }
        CsvSchema.Builder cols = CsvSchema.builder().addColumn("point", CsvSchema.ColumnType.NUMBER);
        for (String path : points.get(0).values().keySet()) {
            cols.addColumn(path);
        }
        List<Object[]> rows = new ArrayList<>();
        for (DesignPoint p : points) {
            Object[] row = new Object[1 + p.values().size()];
            row[0] = p.index();
            int i = 1;
            for (var v : p.values().values()) {
                row[i++] = v.isNumber() ? (Object) v.numberValue() : v.asText();
            }
            rows.add(row);
        }
        writeAll("points.csv", cols.build().withHeader(), rows);
    }

    /** Writes {@code manifest.json}. */
    public void manifest(Manifest manifest) throws IOException {
        Path tmp = Files.createTempFile(dir, ".manifest.json", ".tmp");
        pending.put("manifest.json", tmp);
        ScenarioLoader.jsonMapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), manifest);
    }

    /** Stages another file of the study, written now and renamed into place by {@link #commit()}. */
    public void stage(String name, Csv.Content content) throws IOException {
        Path tmp = Files.createTempFile(dir, "." + name, ".tmp");
        pending.put(name, tmp);
        try (Writer w = Files.newBufferedWriter(tmp)) {
            content.writeTo(w);
        }
    }

    private void writeAll(String name, CsvSchema schema, List<?> rows) throws IOException {
        try (SequenceWriter w = open(name, schema)) {
            for (Object r : rows) {
                w.write(r);
            }
        }
    }

    /**
     * Closes every file and renames each into place. A file that cannot replace what has its name (a directory) is
     * found before any is renamed, so that a failed commit leaves the directory as it was.
     */
    public void commit() throws IOException {
        closeWriters();
        for (String name : pending.keySet()) {
            if (Files.isDirectory(dir.resolve(name))) {
                throw new FileSystemException(dir.resolve(name).toString(), null, "is a directory, not a file");
            }
        }
        for (Map.Entry<String, Path> e : pending.entrySet()) {
            Csv.publish(e.getValue(), dir.resolve(e.getKey()));
        }
        committed = true;
    }

    /** The names of the files this study wrote (after {@link #commit()}, the files it put in place). */
    public Set<String> fileNames() {
        return Collections.unmodifiableSet(pending.keySet());
    }

    private void closeWriters() throws IOException {
        for (SequenceWriter w : new SequenceWriter[] {runs, summary, series, products, productsSummary}) {
            if (w != null) {
                w.close();
            }
        }
        for (Writer w : writers) {
            w.close();
        }
    }

    /**
     * Removes temporary files a killed earlier run left in {@code dir} (names this class gives them), so they never
     * mix with results.
     */
    public static void removeStaleTemporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.startsWith(".")
                        && name.endsWith(".tmp")
                        && (name.startsWith("." + CALIBRATED_PREFIX)
                                || OUTPUT_FILES.stream().anyMatch(out -> name.startsWith("." + out)))) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    /** Without a commit, removes the temporary files. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        closeWriters();
        for (Path tmp : pending.values()) {
            Files.deleteIfExists(tmp);
        }
    }
}
