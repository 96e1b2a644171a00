package io.gpusim.report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.gpusim.core.metrics.Metric;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.Prim;
import io.gpusim.experiment.SummaryWriters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scenario discovery on a sweep's outputs: every replication is an observation, its inputs are its design point's
 * values ({@code points.csv}), and it is a case when a metric ({@code runs.csv}) is above or below a threshold. PRIM
 * finds the boxes of input space where cases concentrate. It peels ranges, so a parameter that takes words (an enum's
 * or a boolean's values) is left out, with a note in the summary.
 */
public final class Discovery {
    /** A row of {@code boxes.csv}: one parameter's bounds in one box of the peeling trajectory. */
    @JsonPropertyOrder({"box", "chosen", "coverage", "density", "support", "parameter", "lower", "upper", "restricted"})
    public record Row(
            int box,
            boolean chosen,
            double coverage,
            double density,
            int support,
            String parameter,
            String lower,
            String upper,
            boolean restricted) {}

    /**
     * The result: the trajectory's rows and the readable summary of the chosen box (with a second line naming the
     * parameters left out, when some take words).
     */
    public record Result(List<Row> rows, String summary) {}

    private Discovery() {}

    /**
     * Runs PRIM on a sweep's outputs: the cases are the replications whose {@code metric} is at or above (or at or
     * below) {@code threshold}.
     *
     * @throws IllegalArgumentException when {@code metric} is not a metric's name, no run is a case, the directory is
     *     not a sweep's output, or a file is damaged (naming it)
     */
    public static Result run(Path dir, String metric, boolean above, double threshold, double alpha, double minCoverage)
            throws IOException {
        Metric.byId(metric); // only a metric is an outcome (not a run's seed or point), and a misspelt one is named
        List<Map<String, String>> points = OutputTables.read(dir, OutputTables.POINTS);
        OutputTables.Table runs = OutputTables.table(dir, OutputTables.RUNS);
        if (points.isEmpty() || runs.rows().isEmpty()) {
            throw new IllegalArgumentException(dir + " is not a sweep output (points.csv and runs.csv are needed)");
        }
        if (!runs.rows().get(0).containsKey(metric)) {
            throw new IllegalArgumentException(runs.file() + ": no column '" + metric + "'");
        }
        List<String> params = new ArrayList<>(points.get(0).keySet());
        params.remove("point");
        // PRIM peels ranges: a parameter that takes words (an enum's or a boolean's values) has none, and is left out
        List<String> words = new ArrayList<>();
        for (String param : List.copyOf(params)) {
            List<String> values =
                    points.stream().map(p -> p.get(param)).distinct().toList();
            if (!values.stream().allMatch(OutputTables::isDate)
                    && !values.stream().allMatch(OutputTables::isNumber)) {
                params.remove(param);
                words.add(param + " (" + String.join(", ", values) + ")");
            }
        }
        if (params.isEmpty()) {
            throw new IllegalArgumentException(dir + ": no varied parameter is a number or a date, so there are no"
                    + " ranges for PRIM to find (it leaves out " + String.join(" and ", words) + ")");
        }
        boolean[] isDate = new boolean[params.size()];
        Map<String, double[]> byPoint = new HashMap<>();
        for (Map<String, String> p : points) {
            double[] v = new double[params.size()];
            for (int d = 0; d < params.size(); d++) {
                String text = p.get(params.get(d));
                if (OutputTables.isDate(text)) {
                    isDate[d] = true;
                    v[d] = LocalDate.parse(text).toEpochDay();
                } else {
                    v[d] = Double.parseDouble(text);
                }
            }
            byPoint.put(p.get("point"), v);
        }
        List<double[]> xs = new ArrayList<>();
        List<Boolean> ys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < runs.rows().size(); i++) {
            Map<String, String> r = runs.rows().get(i);
            double[] x = byPoint.get(r.get("point"));
            if (x == null) {
                throw new IllegalArgumentException(
                        runs.at(i) + ": point '" + r.get("point") + "' is not in " + OutputTables.POINTS.name());
            }
            double value = OutputTables.number(r, metric);
            if (Double.isNaN(value)) {
                continue;
            }
            xs.add(x);
            ys.add(above ? value >= threshold : value <= threshold);
            values.add(value);
        }
        nothingToDiscover(metric, above, ys, values);
        double[][] x = xs.toArray(new double[0][]);
        boolean[] y = new boolean[ys.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = ys.get(i);
        }
        List<Prim.Box> trajectory = Prim.peel(x, y, alpha, 0.05);
        Prim.Box chosen = Prim.choose(trajectory, minCoverage);
        Prim.Box full = trajectory.get(0);
        List<Row> rows = new ArrayList<>();
        for (Prim.Box b : trajectory) {
            for (int d = 0; d < params.size(); d++) {
                rows.add(new Row(
                        b.step(),
                        b == chosen,
                        b.coverage(),
                        b.density(),
                        b.support(),
                        params.get(d),
                        format(b.lower()[d], isDate[d]),
                        format(b.upper()[d], isDate[d]),
                        b.restricts(d, full)));
            }
        }
        long cases = ys.stream().filter(v -> v).count();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(
                Locale.ROOT,
                "%s %s %s in %.0f%% of runs (%d of %d) and %.0f%% of all such runs",
                metric,
                above ? ">=" : "<=",
                SummaryWriters.num(threshold),
                100 * chosen.density(),
                Math.round(chosen.density() * chosen.support()),
                chosen.support(),
                100 * chosen.coverage()));
        List<String> conditions = new ArrayList<>();
        for (int d = 0; d < params.size(); d++) {
            if (chosen.lower()[d] > full.lower()[d]) {
                conditions.add(params.get(d) + " >= " + format(chosen.lower()[d], isDate[d]));
            }
            if (chosen.upper()[d] < full.upper()[d]) {
                conditions.add(params.get(d) + " <= " + format(chosen.upper()[d], isDate[d]));
            }
        }
        sb.append(conditions.isEmpty() ? " across the whole design" : " when " + String.join(" and ", conditions));
        sb.append(String.format(
                Locale.ROOT, " (overall: %.0f%% of %d runs)", 100.0 * cases / Math.max(1, y.length), y.length));
        if (!words.isEmpty()) {
            sb.append(String.format(
                    Locale.ROOT,
                    "%nnote: left out %s: PRIM finds ranges of numbers and dates, and a parameter taking words has"
                            + " none; summary.csv compares its points",
                    String.join(" and ", words)));
        }
        return new Result(rows, sb.toString());
    }

    /**
     * Refuses an outcome no run has: there is no box to find.
     *
     * @throws IllegalArgumentException when no run has a value of the metric, or none is a case
     */
    private static void nothingToDiscover(String metric, boolean above, List<Boolean> cases, List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no run has a value of " + metric + ", so there is nothing to discover");
        }
        if (!cases.contains(true)) {
            DoubleSummaryStatistics range =
                    values.stream().mapToDouble(Double::doubleValue).summaryStatistics();
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "no run has %s at or %s the threshold (its %s value in the %d runs is %s), so there is nothing"
                            + " to discover",
                    metric,
                    above ? "above" : "below",
                    above ? "largest" : "smallest",
                    values.size(),
                    SummaryWriters.num(above ? range.getMax() : range.getMin())));
        }
    }

    /** Writes {@code boxes.csv} atomically. */
    public static void write(Path file, List<Row> rows) throws IOException {
        Csv.writeAtomically(file, w -> {
            try (var seq = Csv.MAPPER
                    .writer(Csv.MAPPER.schemaFor(Row.class).withHeader())
                    .writeValues(w)) {
                for (Row r : rows) {
                    seq.write(r);
                }
            }
        });
    }

    private static String format(double v, boolean date) {
        return date
                ? LocalDate.ofEpochDay(Math.round(v)).toString()
                : SummaryWriters.num(v).replace(",", "");
    }
}
