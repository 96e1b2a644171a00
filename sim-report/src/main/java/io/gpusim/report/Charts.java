package io.gpusim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Charts from a study's output directory, as PNG and SVG files in {@code DIR/plots}: fan charts (p05-p50-p95) of
 * the key series over calendar time with the ban marked, histograms of key metrics, paired differences of a
 * comparison and sensitivity indices. Rendering is headless.
 */
public final class Charts {
    /** Chart size in pixels. */
    public static final int WIDTH = 900;

    public static final int HEIGHT = 500;
    private static final int MAX_CELLS = 6;
    private static final String[][] FANS = {
        {"buyer_stock_vendor_units", "Hyperscalers' undeployed H20 stock", "units"},
        {"vendor_shipments_units", "Vendor shipments per step", "units"},
        {"substitute_share", "Domestic share of units shipped (last quarter)", "share"},
        {"mean_hazard_per_year", "Perceived ban hazard", "per year"},
    };
    private static final String[] HISTOGRAMS = {
        "requested_units", "stockpile_units_at_ban", "shipped_share", "vendor_writedown_usd"
    };
    private static final Color[] PALETTE = {
        new Color(31, 119, 180),
        new Color(214, 39, 40),
        new Color(44, 160, 44),
        new Color(148, 103, 189),
        new Color(255, 127, 14),
        new Color(140, 86, 75)
    };

    private Charts() {}

    /** Draws every chart the directory's files allow; returns the PNG files written. */
    public static List<Path> plotAll(Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path plots = dir.resolve("plots");
        Files.createDirectories(plots);
        List<Path> written = new ArrayList<>();
        Map<String, Double> banDays = banDays(OutputTables.read(dir.resolve("summary.csv")));
        List<Map<String, String>> series = OutputTables.read(dir.resolve("series.csv"));
        for (String[] fan : FANS) {
            XYChart chart = fan(series, fan[0], fan[1], fan[2], banDays);
            if (chart != null) {
                written.add(save(chart, plots.resolve("fan-" + fan[0])));
            }
        }
        List<Map<String, String>> runs = OutputTables.read(dir.resolve("runs.csv"));
        for (String metric : HISTOGRAMS) {
            CategoryChart chart = histogram(runs, metric);
            if (chart != null) {
                written.add(save(chart, plots.resolve("hist-" + metric)));
            }
        }
        CategoryChart compare = comparison(OutputTables.read(dir.resolve("compare.csv")));
        if (compare != null) {
            written.add(save(compare, plots.resolve("compare")));
        }
        for (CategoryChart chart : sensitivity(OutputTables.read(dir.resolve("sensitivity.csv")))) {
            String metric = chart.getTitle().substring("sensitivity of ".length());
            written.add(save(chart, plots.resolve("sensitivity-" + metric)));
        }
        return written;
    }

    private static Path save(Chart<?, ?> chart, Path base) throws IOException {
        BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
        VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        return Path.of(base + ".png");
    }

    private static String cellLabel(Map<String, String> row) {
        String point = row.getOrDefault("point", "");
        return point == null || point.isEmpty() ? row.get("scenario") : row.get("scenario") + " point " + point;
    }

    private static Map<String, Double> banDays(List<Map<String, String>> summary) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map<String, String> row : summary) {
            if ("ban_day".equals(row.get("metric"))) {
                out.put(cellLabel(row), OutputTables.number(row, "p50"));
            }
        }
        return out;
    }

    private static Date date(String iso) {
        return Date.from(LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC));
    }

    private static XYChart fan(
            List<Map<String, String>> rows, String series, String title, String unit, Map<String, Double> banDays) {
        Map<String, List<Map<String, String>>> byCell = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            if (series.equals(r.get("series"))) {
                String cell = cellLabel(r);
                if (byCell.containsKey(cell) || byCell.size() < MAX_CELLS) {
                    byCell.computeIfAbsent(cell, c -> new ArrayList<>()).add(r);
                }
            }
        }
        if (byCell.isEmpty()) {
            return null;
        }
        double largest = rows.stream()
                .filter(r -> series.equals(r.get("series")))
                .mapToDouble(r -> OutputTables.number(r, "p95"))
                .filter(Double::isFinite)
                .max()
                .orElse(0);
        XYChart chart = new XYChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(title)
                .xAxisTitle("date")
                .yAxisTitle(unit)
                .build();
        style(chart.getStyler());
        chart.getStyler().setDatePattern("yyyy-MM");
        chart.getStyler().setYAxisDecimalPattern(largest >= 1000 ? "#,###" : "#,##0.##");
        double yMax = 0;
        int c = 0;
        for (Map.Entry<String, List<Map<String, String>>> e : byCell.entrySet()) {
            List<Date> x = new ArrayList<>();
            List<Double> p05 = new ArrayList<>();
            List<Double> p50 = new ArrayList<>();
            List<Double> p95 = new ArrayList<>();
            for (Map<String, String> r : e.getValue()) {
                x.add(date(r.get("date")));
                p05.add(OutputTables.number(r, "p05"));
                p50.add(OutputTables.number(r, "p50"));
                p95.add(OutputTables.number(r, "p95"));
                yMax = Math.max(yMax, OutputTables.number(r, "p95"));
            }
            Color color = PALETTE[c++ % PALETTE.length];
            // The p05-p95 band as a filled polygon: along p95, then back along p05.
            List<Date> polygonX = new ArrayList<>(x);
            List<Double> polygonY = new ArrayList<>(p95);
            for (int i = x.size() - 1; i >= 0; i--) {
                polygonX.add(x.get(i));
                polygonY.add(p05.get(i));
            }
            XYSeries band = chart.addSeries(e.getKey() + " p05-p95", polygonX, polygonY);
            band.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            band.setFillColor(withAlpha(color, 60));
            band.setLineColor(withAlpha(color, 60));
            band.setMarker(SeriesMarkers.NONE);
            XYSeries median = chart.addSeries(e.getKey() + " median", x, p50);
            median.setLineColor(color);
            median.setLineStyle(new BasicStroke(2.2f));
            median.setMarker(SeriesMarkers.NONE);
            Double ban = banDays.get(e.getKey());
            if (ban != null && !ban.isNaN()) {
                Date start = x.get(0);
                Date banDate = new Date(start.getTime() + Math.round(ban) * 86_400_000L);
                XYSeries line = chart.addSeries(e.getKey() + " ban", List.of(banDate, banDate), List.of(0.0, yMax));
                line.setLineColor(color);
                line.setLineStyle(
                        new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
                line.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static CategoryChart histogram(List<Map<String, String>> runs, String metric) {
        Map<String, List<Double>> byCell = new LinkedHashMap<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Map<String, String> r : runs) {
            double v = OutputTables.number(r, metric);
            String cell = cellLabel(r);
            if (!Double.isNaN(v) && (byCell.containsKey(cell) || byCell.size() < MAX_CELLS)) {
                byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(v);
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (byCell.isEmpty() || !(hi > lo)) {
            return null;
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(WIDTH)
                .height(HEIGHT)
                .title(metric)
                .xAxisTitle(metric)
                .yAxisTitle("replications")
                .build();
        style(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisDecimalPattern(hi - lo >= 1000 ? "#,###" : "#,##0.###");
        chart.getStyler().setXAxisLabelRotation(45);
        int c = 0;
        for (Map.Entry<String, List<Double>> e : byCell.entrySet()) {
            Histogram h = new Histogram(e.getValue(), 30, lo, hi);
            chart.addSeries(e.getKey(), h.getxAxisData(), h.getyAxisData())
                    .setFillColor(withAlpha(PALETTE[c++ % PALETTE.length], 150));
        }
        return chart;
    }

    private static CategoryChart comparison(List<Map<String, String>> rows) {
        List<String> metrics = new ArrayList<>();
        List<Double> diffs = new ArrayList<>();
        List<Double> errors = new ArrayList<>();
        for (Map<String, String> r : rows) {
            double a = OutputTables.number(r, "mean_a");
            double d = OutputTables.number(r, "diff_mean");
            double low = OutputTables.number(r, "diff_ci_low");
            double high = OutputTables.number(r, "diff_ci_high");
            if (Double.isFinite(a) && a != 0 && Double.isFinite(d)) {
                metrics.add(r.get("metric"));
                diffs.add(100 * d / Math.abs(a));
                errors.add(100 * (high - low) / 2 / Math.abs(a));
            }
        }
        if (metrics.isEmpty()) {
            return null;
        }
        CategoryChart chart = new CategoryChartBuilder()
                .width(Math.max(WIDTH, 70 * metrics.size()))
                .height(HEIGHT + 250)
                .title("Paired difference B - A, % of A's mean (95% CI)")
                .yAxisTitle("%")
                .build();
        style(chart.getStyler());
        chart.getStyler().setXAxisLabelRotation(90);
        chart.addSeries("B - A", metrics, diffs, errors).setFillColor(PALETTE[0]);
        return chart;
    }

    private static List<CategoryChart> sensitivity(List<Map<String, String>> rows) {
        Map<String, Map<String, Map<String, double[]>>> byMetric = new LinkedHashMap<>();
        for (Map<String, String> r : rows) {
            byMetric.computeIfAbsent(r.get("metric"), m -> new LinkedHashMap<>())
                    .computeIfAbsent(r.get("index"), i -> new LinkedHashMap<>())
                    .put(r.get("parameter"), new double[] {
                        OutputTables.number(r, "estimate"),
                        OutputTables.number(r, "ci_low"),
                        OutputTables.number(r, "ci_high")
                    });
        }
        List<CategoryChart> charts = new ArrayList<>();
        for (Map.Entry<String, Map<String, Map<String, double[]>>> m : byMetric.entrySet()) {
            if (!List.of(HISTOGRAMS).contains(m.getKey())) {
                continue;
            }
            CategoryChart chart = new CategoryChartBuilder()
                    .width(WIDTH)
                    .height(HEIGHT)
                    .title("sensitivity of " + m.getKey())
                    .yAxisTitle("index")
                    .build();
            style(chart.getStyler());
            int c = 0;
            for (Map.Entry<String, Map<String, double[]>> index : m.getValue().entrySet()) {
                List<String> params = new ArrayList<>(index.getValue().keySet());
                List<Double> est = new ArrayList<>();
                List<Double> err = new ArrayList<>();
                for (double[] v : index.getValue().values()) {
                    est.add(Double.isFinite(v[0]) ? v[0] : 0.0);
                    err.add(Double.isFinite(v[2] - v[1]) ? (v[2] - v[1]) / 2 : 0.0);
                }
                chart.addSeries(index.getKey(), params, est, err).setFillColor(PALETTE[c++ % PALETTE.length]);
            }
            charts.add(chart);
        }
        return charts;
    }

    private static void style(Styler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        styler.setChartTitleBoxVisible(false);
        styler.setLegendBorderColor(new Color(200, 200, 200));
    }

    private static Color withAlpha(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
