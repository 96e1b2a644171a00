package io.gpusim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.experiment.CompareRow;
import io.gpusim.experiment.SensitivityStudy;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Charts are checked on their SVG, where every label is a text element. */
class ChartsTest {
    private static final Pattern TEXT = Pattern.compile("<text [^>]*>([^<]*)</text>");

    /** Every label the chart draws. */
    static List<String> texts(Figure f) {
        List<String> out = new ArrayList<>();
        Matcher m = TEXT.matcher(f.svg());
        while (m.find()) {
            out.add(m.group(1)
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\""));
        }
        return out;
    }

    @Test
    void everyBarOfAComparisonIsLabelledAndBothScenariosAreNamed() {
        List<CompareRow> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            double a = MetricGlossary.of(m).isDay() ? 373 : 1000 + m.ordinal();
            rows.add(new CompareRow(m.id(), 40, a, a * 1.1, a * 0.1, a * 0.05, a * 0.15, 1.0));
        }
        List<String> texts = texts(Charts.comparison(rows, "h20-2025", "grace", null));
        long days = 0;
        for (Metric m : Metric.values()) {
            if (MetricGlossary.of(m).isDay()) {
                days++;
            } else {
                assertTrue(texts.contains(m.id()), m.id() + " is labelled: " + texts);
            }
        }
        assertTrue(
                texts.contains("grace - h20-2025: paired difference of the mean, % of h20-2025's mean"),
                texts.toString());
        assertTrue(texts.contains("grace - h20-2025 (interval excludes 0)"), "the legend names both: " + texts);
        assertTrue(texts.contains("difference, % of h20-2025's mean"), "the axis has its unit: " + texts);
        assertTrue(texts.stream().anyMatch(t -> t.contains("ban_day +37.3 days")), "a day is said in days: " + texts);
        assertEquals(
                Metric.values().length - days,
                texts.stream().filter(t -> t.equals("+10.0%")).count());
    }

    @Test
    void plotMetricsChoosesTheBars() {
        List<CompareRow> rows = List.of(
                new CompareRow("requested_units", 10, 100.0, 110.0, 10.0, 5.0, 15.0, 1.0),
                new CompareRow("vendor_writedown_usd", 10, 100.0, 90.0, -10.0, -15.0, -5.0, 0.0));
        List<String> texts = texts(Charts.comparison(rows, "a", "b", List.of("vendor_writedown_usd")));
        assertTrue(texts.contains("vendor_writedown_usd") && !texts.contains("requested_units"), texts.toString());
    }

    @Test
    void aSensitivityChartLabelsEveryParameterAndSaysItsVerdict() {
        List<SensitivityStudy.Row> rows = List.of(
                new SensitivityStudy.Row("stockpile_units_at_ban", "beliefs.leakWeight", "S1", 0.001, 0.0, 0.01),
                new SensitivityStudy.Row("stockpile_units_at_ban", "beliefs.leakWeight", "ST", 0.002, 0.0, 0.01),
                new SensitivityStudy.Row(
                        "stockpile_units_at_ban", "hyperscalers[0].shortageCostMultiple", "S1", 0.01, 0.0, 0.02),
                new SensitivityStudy.Row(
                        "stockpile_units_at_ban", "hyperscalers[0].shortageCostMultiple", "ST", 0.02, 0.0, 0.03),
                new SensitivityStudy.Row("stockpile_units_at_ban", "vendor.safetyStockWeeks", "S1", 0.95, 0.9, 0.99),
                new SensitivityStudy.Row("stockpile_units_at_ban", "vendor.safetyStockWeeks", "ST", 0.97, 0.93, 1.0));
        List<String> texts = texts(Charts.sensitivity("stockpile_units_at_ban", rows));
        for (String p :
                List.of("beliefs.leakWeight", "hyperscalers[0].shortageCostMultiple", "vendor.safetyStockWeeks")) {
            assertTrue(texts.contains(p), p + " is labelled: " + texts);
        }
        assertTrue(
                texts.contains("Sensitivity of stockpile at the ban (stockpile_units_at_ban): Sobol indices"),
                texts.toString());
        assertTrue(
                texts.stream().anyMatch(t -> t.startsWith("vendor.safetyStockWeeks dominates (ST 0.97)")),
                "the verdict: " + texts);
        assertTrue(texts.contains("ST: total (with interactions)"), texts.toString());
        assertTrue(texts.contains("ST 0.97") && texts.contains("S1 0.95"), texts.toString());
    }

    @Test
    void ticksAreRoundAndLabelledWithTheirScale() {
        assertArrayEquals(new double[] {0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2}, Charts.niceTicks(0, 1.2, 6), 1e-12);
        double[] money = Charts.niceTicks(4.6e9, 8.0e9, 8);
        assertEquals("5.0B", Charts.tick(5e9, money));
        assertEquals("0.25", Charts.tick(0.25, Charts.niceTicks(0, 1.25, 5)));
        assertEquals("350k", Charts.tick(350_000, Charts.niceTicks(0, 400_000, 8)));
        double[] counts = Charts.niceTicks(0, 14, 6, true);
        for (double t : counts) {
            assertEquals(Math.rint(t), t, "counts tick at whole numbers");
        }
    }

    @Test
    void theSvgEscapesTextAndThePngIsDrawnTheSameWay() throws Exception {
        Figure f = new Figure(200, 100);
        f.text("a < b & \"c\"", 10, 20, 12, Figure.Anchor.START);
        assertTrue(f.svg().contains(">a &lt; b &amp; &quot;c&quot;</text>"), f.svg());
        java.nio.file.Path png = java.nio.file.Files.createTempFile("figure", ".png");
        try {
            f.writePng(png);
            assertEquals(200, javax.imageio.ImageIO.read(png.toFile()).getWidth());
        } finally {
            java.nio.file.Files.deleteIfExists(png);
        }
    }
}
