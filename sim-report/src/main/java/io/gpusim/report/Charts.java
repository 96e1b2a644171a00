package io.gpusim.report;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.experiment.CompareRow;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.Explain;
import io.gpusim.experiment.OutputDirectory;
import io.gpusim.experiment.SensitivityStudy;
import io.gpusim.experiment.SensitivityVerdicts;
import io.gpusim.experiment.SummaryWriters;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Charts from a study's output directory, as PNG and SVG files in {@code DIR/plots}: fan charts (p05-p50-p95) of
 * the key series over calendar time with the ban marked, histograms of metrics, the paired differences of a
 * comparison and sensitivity indices. Every chart names its scenarios in the title or legend and its units on the
 * axes, and labels every bar: bars whose labels are long (metrics, parameters) are horizontal, one row per label.
 * The SVG keeps every label as text. Rendering is headless.
 */
public final class Charts {
    /** Size in pixels of fan charts and histograms. */
    public static final int WIDTH = 900;

    public static final int HEIGHT = 500;

    /** The metrics drawn as histograms (and sensitivity charts) unless others are asked for. */
    public static final List<String> DEFAULT_METRICS =
            List.of("requested_units", "stockpile_units_at_ban", "shipped_share", "vendor_writedown_usd");

    private static final int MAX_CELLS = 6;
    private static final String[][] FANS = {
        {"buyer_stock_vendor_units", "Hyperscalers' undeployed H20 stock", "units"},
        {"vendor_shipments_units", "Vendor shipments per step", "units per step"},
        {"substitute_share", "Domestic share of units shipped (last quarter)", "share (0-1)"},
        {"mean_hazard_per_year", "Perceived ban hazard (mean over hyperscalers)", "1/year"},
    };
    private static final Color[] PALETTE = {
        new Color(31, 119, 180),
        new Color(214, 39, 40),
        new Color(44, 160, 44),
        new Color(148, 103, 189),
        new Color(255, 127, 14),
        new Color(140, 86, 75)
    };
    private static final Color GREY = new Color(170, 170, 170);
    private static final Color AXIS = new Color(90, 90, 90);
    private static final Color GRID = new Color(230, 230, 230);
    private static final Color TEXT = new Color(40, 40, 40);
    private static final float[] DASHED = {6, 4};

    private static final int TITLE = 16;
    private static final int LABEL = 12;
    private static final int SMALL = 11;

    private Charts() {}

    /** Draws every chart the directory's files allow, with the default metrics; returns the PNG files written. */
    public static List<Path> plotAll(Path dir) throws IOException {
        return plotAll(dir, null);
    }

    /**
     * Draws every chart the directory's files allow; {@code metrics} (output names, or null for the defaults) are the
     * metrics of the histograms, of the comparison's bars (null: all) and of the sensitivity charts. Returns the PNG
     * files written. Every input is read and checked before anything is written, and the charts are drawn into a
     * temporary directory and moved into {@code DIR/plots} only when all are drawn: a damaged file
     * ({@link IllegalArgumentException} naming it) or a failed write leaves {@code DIR} as it was, and nothing to draw
     * creates no {@code plots} directory.
     */
    public static List<Path> plotAll(Path dir, List<String> metrics) throws IOException {
        System.setProperty("java.awt.headless", "true");
        OutputTables.checkAgainstManifest(dir);
        List<Map<String, String>> summary = OutputTables.read(dir, OutputTables.SUMMARY);
        List<Map<String, String>> series = OutputTables.read(dir, OutputTables.SERIES);
        List<Map<String, String>> runs = OutputTables.read(dir, OutputTables.RUNS);
        List<Map<String, String>> compare = OutputTables.read(dir, OutputTables.COMPARE);
        List<SensitivityStudy.Row> indices =
                OutputTables.sensitivityRows(OutputTables.read(dir, OutputTables.SENSITIVITY));
        boolean sweep = Files.isRegularFile(dir.resolve(OutputTables.POINTS.name()));
        Map<String, Double> banDays = banDays(summary, sweep);
        Map<String, Figure> charts = new LinkedHashMap<>();
        for (String[] fan : FANS) {
            Figure chart = fan(series, fan[0], fan[1], fan[2], banDays, sweep);
            if (chart != null) {
                charts.put("fan-" + fan[0], chart);
            }
        }
        List<String> histograms = metrics == null ? DEFAULT_METRICS : metrics;
        for (String metric : histograms) {
            Figure chart = histogram(runs, metric, sweep);
            if (chart != null) {
                charts.put("hist-" + metric, chart);
            }
        }
        if (!compare.isEmpty()) {
            List<String> sides = OutputTables.scenarios(dir);
            Figure chart = comparison(
                    OutputTables.compareRows(compare),
                    sides.size() > 0 ? sides.get(0) : "A",
                    sides.size() > 1 ? sides.get(1) : "B",
                    metrics);
            if (chart != null) {
                charts.put("compare", chart);
            }
        }
        Set<String> indexed = new LinkedHashSet<>();
        indices.forEach(r -> indexed.add(r.metric()));
        for (String metric : histograms) {
            if (indexed.contains(metric)) {
                List<SensitivityStudy.Row> rows =
                        indices.stream().filter(r -> r.metric().equals(metric)).toList();
                charts.put("sensitivity-" + metric, sensitivity(metric, rows));
            }
        }
        return charts.isEmpty() ? List.of() : save(dir, charts);
    }

    /**
     * Writes each chart as {@code NAME.png} and {@code NAME.svg} into a temporary directory beside {@code DIR/plots},
     * then moves them into it; on failure, or when the process is stopped, the temporary directory is removed and
     * {@code plots} left as it was.
     */
    private static List<Path> save(Path dir, Map<String, Figure> charts) throws IOException {
        try (StagingDirectory temporary = StagingDirectory.create(dir, "." + OutputDirectory.PLOTS)) {
            Path staging = temporary.path();
            for (Map.Entry<String, Figure> c : charts.entrySet()) {
                c.getValue().writePng(staging.resolve(c.getKey() + ".png"));
                c.getValue().writeSvg(staging.resolve(c.getKey() + ".svg"));
            }
            Path plots = Files.createDirectories(dir.resolve(OutputDirectory.PLOTS));
            List<Path> written = new ArrayList<>();
            for (String name : charts.keySet()) {
                Csv.publish(staging.resolve(name + ".svg"), plots.resolve(name + ".svg"));
                Csv.publish(staging.resolve(name + ".png"), plots.resolve(name + ".png"));
                written.add(plots.resolve(name + ".png"));
            }
            return written;
        }
    }

    /** A cell's name in legends: the scenario, with the design point in a sweep. */
    private static String cellLabel(Map<String, String> row, boolean sweep) {
        String point = row.getOrDefault("point", "");
        return !sweep || point == null || point.isEmpty()
                ? row.get("scenario")
                : row.get("scenario") + " point " + point;
    }

    private static Map<String, Double> banDays(List<Map<String, String>> summary, boolean sweep) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, String> row : summary) {
            if ("ban_day".equals(row.get("metric"))) {
                out.put(cellLabel(row, sweep), OutputTables.number(row, "p50"));
            }
        }
        return out;
    }

    // ---- fan charts -----------------------------------------------------------------------------------------------

    private static Figure fan(
            List<Map<String, String>> rows,
            String series,
            String title,
            String unit,
            Map<String, Double> banDays,
            boolean sweep) {
        Map<String, List<Map<String, String>>> byCell = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (series.equals(r.get("series"))) {
                String cell = cellLabel(r, sweep);
                if (byCell.containsKey(cell) || byCell.size() < MAX_CELLS) {
                    byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(r);
                }
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        LocalDate first = null;
        LocalDate last = null;
        double yMax = 0;
        for (List<Map<String, String>> cell : byCell.values()) {
            for (Map<String, String> r : cell) {
                LocalDate d = LocalDate.parse(r.get("date"));
                first = first == null || d.isBefore(first) ? d : first;
                last = last == null || d.isAfter(last) ? d : last;
                double p95 = OutputTables.number(r, "p95");
                if (Double.isFinite(p95)) {
                    yMax = Math.max(yMax, p95);
                }
            }
        }
        Figure f = new Figure(WIDTH, HEIGHT);
        List<String> legend = new ArrayList<>();
        List<Color> legendColors = new ArrayList<>();
        List<Boolean> legendDashed = new ArrayList<>();
        int c = 0;
        for (Map.Entry<String, List<Map<String, String>>> e : byCell.entrySet()) {
            Color color = PALETTE[c++ % PALETTE.length];
            legend.add(e.getKey() + " median, p05-p95 band");
            legendColors.add(color);
            legendDashed.add(false);
            Double ban = banDays.get(e.getKey());
            if (ban != null && !ban.isNaN()) {
                LocalDate start = LocalDate.parse(e.getValue().get(0).get("date"));
                legend.add(e.getKey() + " ban takes effect " + start.plusDays(Math.round(ban)));
                legendColors.add(color);
                legendDashed.add(true);
            }
        }
        String fullTitle = title + ": " + String.join(", ", byCell.keySet());
        Frame frame = frame(
                f,
                fullTitle,
                "median and 5th-95th percentiles per step, over the first 1,000 replications of each scenario at most",
                legend,
                legendColors,
                legendDashed,
                70,
                30);
        double[] yTicks = niceTicks(0, yMax > 0 ? yMax : 1, 6);
        double yTop = yTicks[yTicks.length - 1];
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        LocalDate origin = first;
        java.util.function.DoubleUnaryOperator x = day -> frame.left + frame.width * day / days;
        java.util.function.DoubleUnaryOperator y = v -> frame.bottom - frame.height * v / yTop;
        for (double t : yTicks) {
            f.line(frame.left, y.applyAsDouble(t), frame.right(), y.applyAsDouble(t), GRID, 1f, null);
            f.text(tick(t, yTicks), frame.left - 6, y.applyAsDouble(t) + 4, SMALL, Figure.Anchor.END);
        }
        int months = (int) Math.max(1, ChronoUnit.MONTHS.between(first.withDayOfMonth(1), last) + 1);
        int every = Math.max(1, (int) Math.ceil(months / 10.0));
        for (LocalDate m = first.withDayOfMonth(1).plusMonths(first.getDayOfMonth() == 1 ? 0 : 1);
                !m.isAfter(last);
                m = m.plusMonths(every)) {
            double px = x.applyAsDouble((double) ChronoUnit.DAYS.between(origin, m));
            f.line(px, frame.bottom, px, frame.bottom + 4, AXIS, 1f, null);
            f.text(m.toString().substring(0, 7), px, frame.bottom + 18, SMALL, Figure.Anchor.MIDDLE);
        }
        c = 0;
        for (Map.Entry<String, List<Map<String, String>>> e : byCell.entrySet()) {
            Color color = PALETTE[c++ % PALETTE.length];
            List<Map<String, String>> cell = e.getValue();
            int n = cell.size();
            double[] xs = new double[n];
            double[] p50 = new double[n];
            double[] bandX = new double[2 * n];
            double[] bandY = new double[2 * n];
            for (int i = 0; i < n; i++) {
                Map<String, String> r = cell.get(i);
                xs[i] = x.applyAsDouble((double) ChronoUnit.DAYS.between(origin, LocalDate.parse(r.get("date"))));
                p50[i] = y.applyAsDouble(zeroIfNaN(OutputTables.number(r, "p50")));
                bandX[i] = xs[i];
                bandY[i] = y.applyAsDouble(zeroIfNaN(OutputTables.number(r, "p95")));
                bandX[2 * n - 1 - i] = xs[i];
                bandY[2 * n - 1 - i] = y.applyAsDouble(zeroIfNaN(OutputTables.number(r, "p05")));
            }
            f.polygon(bandX, bandY, withAlpha(color, 60));
            f.polyline(xs, p50, color, 2.2f, null);
            Double ban = banDays.get(e.getKey());
            if (ban != null && !ban.isNaN()) {
                LocalDate start = LocalDate.parse(cell.get(0).get("date"));
                double px = x.applyAsDouble((double) ChronoUnit.DAYS.between(origin, start.plusDays(Math.round(ban))));
                f.line(px, frame.top, px, frame.bottom, color, 1.5f, DASHED);
            }
        }
        axes(f, frame, "date", unit);
        return f;
    }

    private static double zeroIfNaN(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    // ---- histograms -----------------------------------------------------------------------------------------------

    private static Figure histogram(List<Map<String, String>> runs, String metric, boolean sweep) {
        Map<String, List<Double>> byCell = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map<String, String> r : runs) {
            if (!r.containsKey(metric)) {
                return null;
            }
            double v = OutputTables.number(r, metric);
            String cell = cellLabel(r, sweep);
            if (!Double.isNaN(v) && (byCell.containsKey(cell) || byCell.size() < MAX_CELLS)) {
                byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        if (hi == lo) {
            // every replication has the same value (a fixed ban date, say): one bar, centred in a range around it
            double pad = Math.max(Math.abs(lo) * 0.05, 0.5);
            lo -= pad;
            hi += pad;
        }
        int bins = 30;
        double width = (hi - lo) / bins;
        Map<String, int[]> counts = new LinkedHashMap<>();
        int most = 1;
        for (Map.Entry<String, List<Double>> e : byCell.entrySet()) {
            int[] k = new int[bins];
            for (double v : e.getValue()) {
                k[Math.min(bins - 1, (int) ((v - lo) / width))]++;
            }
            for (int n : k) {
                most = Math.max(most, n);
            }
            counts.put(e.getKey(), k);
        }
        Metric m = SummaryWriters.metric(metric);
        MetricGlossary.Entry entry = m == null ? null : MetricGlossary.of(m);
        String unit = entry == null ? "" : entry.isDay() ? "days from the start" : entry.unit();
        Figure f = new Figure(WIDTH, HEIGHT);
        List<String> legend = new ArrayList<>(byCell.keySet());
        List<Color> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        for (int i = 0; i < legend.size(); i++) {
            colors.add(PALETTE[i % PALETTE.length]);
            dashed.add(false);
        }
        String label = entry == null ? metric : entry.label() + " (" + metric + ")";
        Frame frame = frame(
                f,
                label + ": distribution over replications",
                entry == null ? "" : "measured: " + entry.when(),
                legend,
                colors,
                dashed,
                70,
                40);
        double[] yTicks = niceTicks(0, most, 6, true);
        double yTop = yTicks[yTicks.length - 1];
        double[] xTicks = niceTicks(lo, hi, 8);
        double xLo = Math.min(lo, xTicks[0]);
        double xHi = Math.max(hi, xTicks[xTicks.length - 1]);
        java.util.function.DoubleUnaryOperator x = v -> frame.left + frame.width * (v - xLo) / (xHi - xLo);
        java.util.function.DoubleUnaryOperator y = v -> frame.bottom - frame.height * v / yTop;
        for (double t : yTicks) {
            f.line(frame.left, y.applyAsDouble(t), frame.right(), y.applyAsDouble(t), GRID, 1f, null);
            f.text(tick(t, yTicks), frame.left - 6, y.applyAsDouble(t) + 4, SMALL, Figure.Anchor.END);
        }
        for (double t : xTicks) {
            if (t >= xLo && t <= xHi) {
                f.line(x.applyAsDouble(t), frame.bottom, x.applyAsDouble(t), frame.bottom + 4, AXIS, 1f, null);
                f.text(tick(t, xTicks), x.applyAsDouble(t), frame.bottom + 18, SMALL, Figure.Anchor.MIDDLE);
            }
        }
        int c = 0;
        for (int[] k : counts.values()) {
            Color color = withAlpha(PALETTE[c++ % PALETTE.length], 140);
            for (int b = 0; b < bins; b++) {
                if (k[b] > 0) {
                    double x0 = x.applyAsDouble(lo + b * width);
                    double x1 = x.applyAsDouble(lo + (b + 1) * width);
                    f.rect(
                            x0,
                            y.applyAsDouble(k[b]),
                            Math.max(1, x1 - x0 - 1),
                            frame.bottom - y.applyAsDouble(k[b]),
                            color,
                            null);
                }
            }
        }
        axes(f, frame, metric + (unit.isEmpty() ? "" : " (" + unit + ")"), "replications");
        return f;
    }

    // ---- comparison -----------------------------------------------------------------------------------------------

    /** The paired differences of a comparison as horizontal bars, one labelled row per metric. */
    static Figure comparison(List<CompareRow> rows, String a, String b, List<String> metrics) {
        List<CompareRow> shown = new ArrayList<>();
        List<String> left = new ArrayList<>();
        for (CompareRow r : rows) {
            if (metrics != null && !metrics.contains(r.metric())) {
                continue;
            }
            Metric m = SummaryWriters.metric(r.metric());
            boolean day = m != null && MetricGlossary.of(m).isDay();
            if (day && r.diffMean() != null && r.diffMean() != 0) {
                left.add(r.metric() + " " + SummaryWriters.difference(m, r.diffMean()));
            } else if (r.meanA() == null || r.meanA() == 0 || r.diffMean() == null || day) {
                left.add(r.metric());
            } else {
                shown.add(r);
            }
        }
        if (shown.isEmpty()) {
            return null;
        }
        double[] pct = new double[shown.size()];
        double[] lo = new double[shown.size()];
        double[] hi = new double[shown.size()];
        double min = 0;
        double max = 0;
        double labelWidth = 0;
        for (int i = 0; i < shown.size(); i++) {
            CompareRow r = shown.get(i);
            double base = Math.abs(r.meanA());
            pct[i] = 100 * r.diffMean() / base;
            lo[i] = r.diffCiLow() == null ? pct[i] : 100 * r.diffCiLow() / base;
            hi[i] = r.diffCiHigh() == null ? pct[i] : 100 * r.diffCiHigh() / base;
            min = Math.min(min, Math.min(pct[i], lo[i]));
            max = Math.max(max, Math.max(pct[i], hi[i]));
            labelWidth = Math.max(labelWidth, Figure.textWidth(r.metric(), LABEL, false));
        }
        if (max == min) {
            max = min + 1;
        }
        int rowHeight = 24;
        int width = 1000;
        String note = left.isEmpty()
                ? ""
                : "not drawn (no percentage of " + a + "'s mean: a day, or a mean of 0): " + String.join(", ", left);
        List<String> noteLines = note.isEmpty() ? List.of() : Figure.wrap(note, width - 40, SMALL, false);
        int height = 130 + rowHeight * shown.size() + 50 + 16 * noteLines.size();
        Figure f = new Figure(width, height);
        long n = shown.stream().mapToLong(CompareRow::n).max().orElse(0);
        Frame frame = frame(
                f,
                b + " - " + a + ": paired difference of the mean, % of " + a + "'s mean",
                n + " pairs of replications with the same seeds; whiskers: 95% interval of the mean difference",
                List.of(b + " - " + a + " (interval excludes 0)", b + " - " + a + " (interval includes 0)"),
                List.of(PALETTE[0], GREY),
                List.of(false, false),
                (int) labelWidth + 24,
                30);
        double[] ticks = niceTicks(min, max, 8);
        double xLo = ticks[0];
        double xHi = ticks[ticks.length - 1];
        // Room on both sides for the value labels.
        double pad = (xHi - xLo) * 0.12;
        double finalXLo = xLo - pad;
        double finalXHi = xHi + pad;
        java.util.function.DoubleUnaryOperator x =
                v -> frame.left + frame.width * (v - finalXLo) / (finalXHi - finalXLo);
        double plotBottom = frame.top + rowHeight * shown.size();
        for (double t : ticks) {
            f.line(x.applyAsDouble(t), frame.top, x.applyAsDouble(t), plotBottom, GRID, 1f, null);
            f.text(tickPercent(t, ticks), x.applyAsDouble(t), plotBottom + 18, SMALL, Figure.Anchor.MIDDLE);
        }
        f.line(x.applyAsDouble(0), frame.top, x.applyAsDouble(0), plotBottom, AXIS, 1f, null);
        for (int i = 0; i < shown.size(); i++) {
            CompareRow r = shown.get(i);
            double cy = frame.top + rowHeight * i + rowHeight / 2.0;
            boolean sig = Explain.significant(r);
            Color color = sig ? PALETTE[0] : GREY;
            double x0 = x.applyAsDouble(Math.min(0, pct[i]));
            double x1 = x.applyAsDouble(Math.max(0, pct[i]));
            f.rect(x0, cy - 8, Math.max(1, x1 - x0), 16, color, null);
            f.line(x.applyAsDouble(lo[i]), cy, x.applyAsDouble(hi[i]), cy, TEXT, 1.2f, null);
            f.line(x.applyAsDouble(lo[i]), cy - 5, x.applyAsDouble(lo[i]), cy + 5, TEXT, 1.2f, null);
            f.line(x.applyAsDouble(hi[i]), cy - 5, x.applyAsDouble(hi[i]), cy + 5, TEXT, 1.2f, null);
            f.text(r.metric(), frame.left - 8, cy + 4, LABEL, false, Figure.Anchor.END, TEXT, false);
            String value = String.format(Locale.ROOT, "%+.1f%%", pct[i]);
            boolean right = pct[i] >= 0;
            double at =
                    right ? x.applyAsDouble(Math.max(pct[i], hi[i])) + 4 : x.applyAsDouble(Math.min(pct[i], lo[i])) - 4;
            f.text(value, at, cy + 4, SMALL, false, right ? Figure.Anchor.START : Figure.Anchor.END, TEXT, false);
        }
        f.line(frame.left, plotBottom, frame.right(), plotBottom, AXIS, 1f, null);
        f.text(
                "difference, % of " + a + "'s mean",
                frame.left + frame.width / 2,
                plotBottom + 38,
                LABEL,
                false,
                Figure.Anchor.MIDDLE,
                TEXT,
                false);
        for (int i = 0; i < noteLines.size(); i++) {
            f.text(noteLines.get(i), 20, plotBottom + 62 + 16 * i, SMALL, Figure.Anchor.START);
        }
        return f;
    }

    // ---- sensitivity ----------------------------------------------------------------------------------------------

    /** The indices of one metric as grouped horizontal bars, one labelled row per parameter. */
    static Figure sensitivity(String metric, List<SensitivityStudy.Row> rows) {
        List<String> params = new ArrayList<>();
        List<String> indices = new ArrayList<>();
        for (SensitivityStudy.Row r : rows) {
            if (!params.contains(r.parameter())) {
                params.add(r.parameter());
            }
            if (!indices.contains(r.index())) {
                indices.add(r.index());
            }
        }
        boolean sobol = indices.contains("ST") || indices.contains("S1");
        double lo = 0;
        double hi = sobol ? 1 : 0;
        double labelWidth = 0;
        for (SensitivityStudy.Row r : rows) {
            for (Double v : new Double[] {r.estimate(), r.ciLow(), r.ciHigh()}) {
                if (v != null && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        for (String p : params) {
            labelWidth = Math.max(labelWidth, Figure.textWidth(p, LABEL, false));
        }
        hi = hi == lo ? lo + 1 : hi;
        int barHeight = 12;
        int rowHeight = indices.size() * (barHeight + 4) + 14;
        int width = 1000;
        Metric m = SummaryWriters.metric(metric);
        String label = m == null ? metric : MetricGlossary.of(m).label() + " (" + metric + ")";
        List<String> verdict = SensitivityVerdicts.verdicts(rows);
        String subtitle =
                verdict.isEmpty() ? "" : verdict.get(0).substring(verdict.get(0).indexOf(": ") + 2);
        List<String> legend = new ArrayList<>();
        List<Color> colors = new ArrayList<>();
        List<Boolean> dashed = new ArrayList<>();
        for (int i = 0; i < indices.size(); i++) {
            legend.add(describeIndex(indices.get(i)));
            colors.add(PALETTE[i % PALETTE.length]);
            dashed.add(false);
        }
        int height = 140 + rowHeight * params.size() + 30;
        Figure f = new Figure(width, height);
        Frame frame = frame(
                f,
                "Sensitivity of " + label + (sobol ? ": Sobol indices" : ": Morris elementary effects"),
                subtitle,
                legend,
                colors,
                dashed,
                (int) labelWidth + 24,
                30);
        double[] ticks = niceTicks(lo, hi, 8);
        double xLo = ticks[0];
        double xHi = ticks[ticks.length - 1];
        java.util.function.DoubleUnaryOperator x = v -> frame.left + frame.width * (v - xLo) / (xHi - xLo);
        double plotBottom = frame.top + rowHeight * params.size();
        for (double t : ticks) {
            f.line(x.applyAsDouble(t), frame.top, x.applyAsDouble(t), plotBottom, GRID, 1f, null);
            f.text(tick(t, ticks), x.applyAsDouble(t), plotBottom + 18, SMALL, Figure.Anchor.MIDDLE);
        }
        f.line(x.applyAsDouble(0), frame.top, x.applyAsDouble(0), plotBottom, AXIS, 1f, null);
        if (sobol && xHi >= 1) {
            f.line(x.applyAsDouble(1), frame.top, x.applyAsDouble(1), plotBottom, AXIS, 1f, DASHED);
        }
        for (int p = 0; p < params.size(); p++) {
            double top = frame.top + rowHeight * p + 7;
            f.text(
                    params.get(p),
                    frame.left - 8,
                    top + rowHeight / 2.0 - 3,
                    LABEL,
                    false,
                    Figure.Anchor.END,
                    TEXT,
                    false);
            for (int k = 0; k < indices.size(); k++) {
                SensitivityStudy.Row r = find(rows, params.get(p), indices.get(k));
                if (r == null || r.estimate() == null) {
                    continue;
                }
                double cy = top + k * (barHeight + 4) + barHeight / 2.0;
                double x0 = x.applyAsDouble(Math.min(0, r.estimate()));
                double x1 = x.applyAsDouble(Math.max(0, r.estimate()));
                f.rect(x0, cy - barHeight / 2.0, Math.max(1, x1 - x0), barHeight, PALETTE[k % PALETTE.length], null);
                double end = r.estimate();
                if (r.ciLow() != null && r.ciHigh() != null) {
                    f.line(x.applyAsDouble(r.ciLow()), cy, x.applyAsDouble(r.ciHigh()), cy, TEXT, 1.1f, null);
                    f.line(x.applyAsDouble(r.ciLow()), cy - 4, x.applyAsDouble(r.ciLow()), cy + 4, TEXT, 1.1f, null);
                    f.line(x.applyAsDouble(r.ciHigh()), cy - 4, x.applyAsDouble(r.ciHigh()), cy + 4, TEXT, 1.1f, null);
                    end = Math.max(end, r.ciHigh());
                }
                f.text(
                        r.index() + " "
                                + (sobol
                                        ? String.format(Locale.ROOT, "%.2f", r.estimate())
                                        : SummaryWriters.num(r.estimate())),
                        x.applyAsDouble(Math.max(0, end)) + 4,
                        cy + 4,
                        SMALL,
                        Figure.Anchor.START);
            }
        }
        f.line(frame.left, plotBottom, frame.right(), plotBottom, AXIS, 1f, null);
        String axis = sobol
                ? "share of the variance of " + metric + " (0-1); whiskers: bootstrap 95% intervals"
                : "effect on " + metric + " per unit of the parameter's range"
                        + (m == null ? "" : " (" + MetricGlossary.of(m).unit() + ")");
        f.text(axis, frame.left + frame.width / 2, plotBottom + 38, LABEL, false, Figure.Anchor.MIDDLE, TEXT, false);
        return f;
    }

    private static String describeIndex(String index) {
        return switch (index) {
            case "S1" -> "S1: first-order (alone)";
            case "ST" -> "ST: total (with interactions)";
            case "mu_star" -> "mu_star: mean absolute effect";
            case "sigma" -> "sigma: spread of effects (interactions, nonlinearity)";
            default -> index;
        };
    }

    private static SensitivityStudy.Row find(List<SensitivityStudy.Row> rows, String parameter, String index) {
        for (SensitivityStudy.Row r : rows) {
            if (r.parameter().equals(parameter) && r.index().equals(index)) {
                return r;
            }
        }
        return null;
    }

    // ---- layout ---------------------------------------------------------------------------------------------------

    /** The plot area of a figure, below its title, subtitle and legend. */
    private record Frame(double left, double top, double width, double height, double bottom) {
        double right() {
            return left + width;
        }
    }

    /**
     * Draws the title (wrapped), a subtitle and a legend that flows over as many lines as it needs, and returns the
     * plot area left of {@code rightMargin}, {@code left} pixels in, above {@code bottomMargin} + axis room.
     */
    private static Frame frame(
            Figure f,
            String title,
            String subtitle,
            List<String> legend,
            List<Color> colors,
            List<Boolean> dashed,
            int left,
            int rightMargin) {
        double y = 26;
        for (String line : Figure.wrap(title, f.width() - 40, TITLE, true)) {
            f.text(line, 20, y, TITLE, true, Figure.Anchor.START, TEXT, false);
            y += 20;
        }
        if (subtitle != null && !subtitle.isEmpty()) {
            for (String line : Figure.wrap(subtitle, f.width() - 40, SMALL, false)) {
                f.text(line, 20, y, SMALL, false, Figure.Anchor.START, AXIS, false);
                y += 15;
            }
        }
        y += 6;
        double x = 20;
        for (int i = 0; i < legend.size(); i++) {
            double w = 28 + Figure.textWidth(legend.get(i), SMALL, false) + 16;
            if (x + w > f.width() - 20 && x > 20) {
                x = 20;
                y += 18;
            }
            if (dashed.get(i)) {
                f.line(x, y - 4, x + 22, y - 4, colors.get(i), 1.5f, DASHED);
            } else {
                f.rect(x, y - 10, 22, 10, withAlpha(colors.get(i), 200), null);
            }
            f.text(legend.get(i), x + 28, y, SMALL, Figure.Anchor.START);
            x += w;
        }
        double top = y + 16;
        double bottom = f.height() - 56;
        double plotLeft = Math.max(left, 60);
        return new Frame(plotLeft, top, f.width() - plotLeft - rightMargin, bottom - top, bottom);
    }

    /** The axes of an x-y chart with their titles. */
    private static void axes(Figure f, Frame frame, String xTitle, String yTitle) {
        f.line(frame.left, frame.bottom, frame.right(), frame.bottom, AXIS, 1f, null);
        f.line(frame.left, frame.top, frame.left, frame.bottom, AXIS, 1f, null);
        f.text(
                xTitle,
                frame.left + frame.width / 2,
                frame.bottom + 38,
                LABEL,
                false,
                Figure.Anchor.MIDDLE,
                TEXT,
                false);
        f.text(yTitle, 16, frame.top + frame.height / 2, LABEL, false, Figure.Anchor.MIDDLE, TEXT, true);
    }

    /** Round tick values covering [lo, hi], about {@code target} of them. */
    static double[] niceTicks(double lo, double hi, int target) {
        return niceTicks(lo, hi, target, false);
    }

    /** As {@link #niceTicks(double, double, int)}; {@code whole}: whole-number steps only (counts). */
    static double[] niceTicks(double lo, double hi, int target, boolean whole) {
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double raw = (hi - lo) / target;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = whole ? Math.max(1, 10 * magnitude) : 10 * magnitude;
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            double candidate = m * magnitude;
            if (whole && (candidate < 1 || candidate != Math.rint(candidate))) {
                continue;
            }
            if (candidate >= raw) {
                step = m * magnitude;
                break;
            }
        }
        double start = Math.floor(lo / step) * step;
        double end = Math.ceil(hi / step) * step;
        int n = (int) Math.round((end - start) / step) + 1;
        double[] ticks = new double[n];
        for (int i = 0; i < n; i++) {
            ticks[i] = start + i * step;
            if (Math.abs(ticks[i]) < step * 1e-9) {
                ticks[i] = 0;
            }
        }
        return ticks;
    }

    /** A tick label: thousands, millions and billions shortened (350k, 1.2M, 5.4B), decimals as the step needs. */
    static String tick(double v, double[] ticks) {
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        double top = Math.max(Math.abs(ticks[0]), Math.abs(ticks[ticks.length - 1]));
        String suffix = "";
        double scale = 1;
        if (top >= 1e9) {
            suffix = "B";
            scale = 1e9;
        } else if (top >= 1e6) {
            suffix = "M";
            scale = 1e6;
        } else if (top >= 1e4) {
            suffix = "k";
            scale = 1e3;
        }
        double scaledStep = step / scale;
        int decimals = 0;
        while (decimals < 6
                && Math.abs(scaledStep * Math.pow(10, decimals) - Math.rint(scaledStep * Math.pow(10, decimals)))
                        > 1e-6) {
            decimals++;
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v / scale) + suffix;
    }

    private static String tickPercent(double v, double[] ticks) {
        return tick(v, ticks) + "%";
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
