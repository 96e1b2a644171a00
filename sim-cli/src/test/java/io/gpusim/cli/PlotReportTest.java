package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.report.Charts;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotReportTest {
    @TempDir
    static Path dir;

    static Path out;

    @BeforeAll
    static void batchWithSeries() {
        out = dir.resolve("b");
        CliTest.Result r = gpusim(
                "batch",
                CliTest.BASELINE,
                Path.of("..", "scenarios", "late-ban.yaml").toString(),
                "--runs",
                "60",
                "--series",
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void plotDrawsFanChartsAndHistogramsAsPngAndSvg() throws Exception {
        CliTest.Result r = gpusim("plot", out.toString());
        assertEquals(0, r.code(), r.err());
        Path fan = out.resolve("plots").resolve("fan-buyer_stock_vendor_units.png");
        assertTrue(r.out().contains(fan.toString()), r.out());
        BufferedImage img = ImageIO.read(fan.toFile());
        assertEquals(Charts.WIDTH, img.getWidth());
        assertEquals(Charts.HEIGHT, img.getHeight());
        assertEquals(Color.WHITE.getRGB(), img.getRGB(3, 3), "white background in the corner");
        int coloured = 0;
        for (int x = 0; x < img.getWidth(); x += 3) {
            for (int y = 0; y < img.getHeight(); y += 3) {
                Color c = new Color(img.getRGB(x, y));
                if (Math.abs(c.getRed() - c.getBlue()) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 200, "the bands and medians are drawn in colour: " + coloured);
        String svg = Files.readString(out.resolve("plots").resolve("fan-buyer_stock_vendor_units.svg"));
        assertTrue(svg.contains("<svg"));
        assertTrue(
                svg.contains(">Hyperscalers' undeployed H20 stock: h20-2025, late-ban</text>"),
                "the title names the scenarios");
        assertTrue(svg.contains(">h20-2025 ban takes effect 2025-04-09</text>"), "the legend dates each ban");
        assertTrue(svg.contains(">late-ban ban takes effect 2025-07-01</text>"), svg);
        assertTrue(svg.contains(">units</text>") && svg.contains(">date</text>"), "units on the axes");
        String hist = Files.readString(out.resolve("plots").resolve("hist-vendor_writedown_usd.svg"));
        assertTrue(hist.contains(">vendor_writedown_usd (USD)</text>"), "the axis has its unit");
        assertTrue(hist.contains(">replications</text>"), hist);
        assertTrue(Files.exists(out.resolve("plots").resolve("hist-requested_units.png")));
        assertEquals(
                "rw-r--r--",
                PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("runs.csv"))),
                "outputs are ordinary readable files");
    }

    @Test
    void reportIsOneSelfContainedPage() throws Exception {
        CliTest.Result r = gpusim("report", out.toString());
        assertEquals(0, r.code(), r.err());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<img alt=\"fan-buyer_stock_vendor_units.png\" src=\"data:image/png;base64,"));
        assertTrue(html.contains("<td class=\"t\">requested_units</td>"), "the summary table");
        assertTrue(html.contains("gpusim report: batch"));
        assertTrue(html.contains("<h2>Metrics</h2>"), "a glossary of the metrics shown");
        assertTrue(html.contains("the day the ban takes effect"), "ban_day is explained");
        assertTrue(!html.contains("src=\"http"), "nothing loaded from elsewhere");
    }

    @Test
    void aComparisonChartLabelsEveryBarAndNamesBothScenarios() throws Exception {
        Path cmp = dir.resolve("c");
        CliTest.Result r = gpusim(
                "compare",
                CliTest.BASELINE,
                "--policy",
                "grace:regulator.graceDays=60",
                "--runs",
                "12",
                "--out",
                cmp.toString(),
                "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, gpusim("plot", cmp.toString()).code());
        String svg = Files.readString(cmp.resolve("plots").resolve("compare.svg"));
        for (String metric : new String[] {
            "requested_units", "stockpile_units_at_ban", "vendor_writedown_usd", "vendor_writedown_wip_units"
        }) {
            assertTrue(svg.contains(">" + metric + "</text>"), metric + " is labelled");
        }
        assertTrue(svg.contains(">grace - h20-2025: paired difference of the mean, % of h20-2025's mean</text>"), svg);
        assertTrue(svg.contains(">grace - h20-2025 (interval excludes 0)</text>"), "the legend names both");
        assertTrue(svg.contains(">difference, % of h20-2025's mean</text>"), "the axis has its unit");

        assertEquals(
                0,
                gpusim("plot", cmp.toString(), "--metrics", "vendor_writedown_usd,shipped_share")
                        .code());
        String chosen = Files.readString(cmp.resolve("plots").resolve("compare.svg"));
        assertTrue(chosen.contains(">vendor_writedown_usd</text>") && !chosen.contains(">requested_units</text>"));
        assertTrue(Files.exists(cmp.resolve("plots").resolve("hist-shipped_share.svg")));
        CliTest.Result typo = gpusim("plot", cmp.toString(), "--metrics", "shiped_share");
        assertEquals(2, typo.code());
        assertTrue(typo.err().contains("did you mean 'shipped_share'?"), typo.err());
    }

    @Test
    void anEmptyListOfMetricsIsAnErrorHoweverItIsWritten() {
        CliTest.Result empty = gpusim("plot", out.toString(), "--metrics", "");
        assertEquals(2, empty.code());
        assertTrue(empty.err().startsWith("gpusim plot: unknown metric ''; metrics: requested_units,"), empty.err());
        for (String commas : new String[] {",", ",,"}) {
            CliTest.Result r = gpusim("plot", out.toString(), "--metrics", commas);
            assertEquals(2, r.code(), commas);
            assertEquals(empty.err(), r.err(), commas);
        }
    }

    @Test
    void aMetricWithTheSameValueInEveryRunIsDrawnAsOneBar() throws Exception {
        Path one = dir.resolve("one-scenario");
        CliTest.succeeds("batch", CliTest.BASELINE, "--runs", "5", "--out", one.toString(), "--quiet");
        CliTest.Result r = gpusim("plot", one.toString(), "--metrics", "ban_day,requested_units");
        assertEquals(0, r.code(), r.err());
        Path hist = one.resolve("plots").resolve("hist-ban_day.svg");
        assertTrue(
                r.out()
                        .contains(
                                one.resolve("plots").resolve("hist-ban_day.png").toString()),
                r.out());
        assertTrue(Files.readString(hist).contains(">replications</text>"), "drawn, not left out");
    }

    @Test
    void nothingToDrawIsAnError() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        CliTest.Result plot = gpusim("plot", empty.toString());
        assertEquals(2, plot.code());
        assertTrue(plot.err().startsWith("gpusim plot: nothing to draw in " + empty), plot.err());
        assertFalse(Files.exists(empty.resolve("plots")), "no empty plots directory is left behind");
        assertEquals(2, gpusim("report", empty.toString()).code());
        assertEquals(2, gpusim("plot", dir.resolve("missing").toString()).code());
    }

    /** A copy of the batch's output files (not its charts), one of them replaced. */
    private static Path damagedCopy(String name, String file, String content) throws Exception {
        Path copy = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(out)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Files.writeString(copy.resolve(file), content);
        return copy;
    }

    /** The names in a directory, sorted. */
    private static List<String> names(Path d) throws Exception {
        try (var files = Files.list(d)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aSummaryThatIsNotUtf8IsOneLineNamingItsLine() throws Exception {
        byte[] summary = Files.readAllBytes(out.resolve("summary.csv"));
        String text = new String(summary, java.nio.charset.StandardCharsets.ISO_8859_1);
        int third = text.indexOf('\n', text.indexOf('\n') + 1) + 1; // where line 3 begins
        summary[third + 5] = (byte) 0xff;
        for (String command : new String[] {"plot", "report"}) {
            Path copy = damagedCopy("latin-" + command, "summary.csv", "");
            Files.write(copy.resolve("summary.csv"), summary);
            List<String> before = names(copy);
            CliTest.Result r = gpusim(command, copy.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    "gpusim " + command + ": " + copy.resolve("summary.csv") + ":3: Invalid UTF-8 start byte 0xff\n",
                    r.err());
            assertEquals(before, names(copy), command + ": nothing written");
        }
    }

    @Test
    void aDamagedFileIsOneLineNamingItAndNothingIsWritten() throws Exception {
        String summary = Files.readString(out.resolve("summary.csv"));
        Object[][] cases = {
            {"plot", "runs.csv", "garbage,,,\"\n", "runs.csv:2: Missing closing quote for value"},
            {"report", "runs.csv", "garbage,,,\"\n", "runs.csv:2: Missing closing quote for value"},
            {"report", "summary.csv", "", "summary.csv: the file is empty (expected a header line)"},
            {"plot", "summary.csv", summary.replaceFirst(",mean,", ",avg,"), "summary.csv:1: no column 'mean'"},
            {"report", "manifest.json", "{\"kind\": [\n", "manifest.json:2:1: Unexpected end-of-input"},
            {
                "report",
                "summary.csv",
                summary.replaceFirst("\n(h20-2025,[^,]*,requested_units,)\\d+,", "\n$1many,"),
                "summary.csv:2: column 'n': 'many' is not a number"
            },
        };
        int k = 0;
        for (Object[] c : cases) {
            Path copy = damagedCopy("damaged" + k++, (String) c[1], (String) c[2]);
            List<String> before = names(copy);
            CliTest.Result r = gpusim((String) c[0], copy.toString());
            assertEquals(2, r.code(), c[0] + " " + c[1] + ": " + r.err());
            String expected = "gpusim " + c[0] + ": " + copy.resolve((String) c[3]);
            assertTrue(r.err().startsWith(expected), c[0] + " " + c[1] + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals(before, names(copy), c[0] + " " + c[1] + ": no charts, no report, nothing left behind");
        }
    }
}
