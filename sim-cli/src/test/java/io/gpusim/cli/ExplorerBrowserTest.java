package io.gpusim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gpusim.core.metrics.Metric;
import io.gpusim.web.ExplorerServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The explorer in a real browser (headless Chromium through chromedriver): pick a scenario, edit its levers (a bad
 * value first), watch a long run's progress and cancel it, run a batch and read its table and charts, download its
 * files, compare two settings and sweep two levers. What the page shows is checked against the command line run
 * with the line the page gives to copy. A screenshot of each step goes to {@code target/screenshots} (and to the
 * folder named by {@code -Dgpusim.screenshots}, for the README). Also measures page load to first chart for 1,000
 * replications of the baseline (printed, not asserted).
 *
 * <p>Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them). Without them the
 * test fails, unless {@code -Dgpusim.browser.skip=true} says to skip it.
 */
class ExplorerBrowserTest {
    private static final String CHROMIUM = System.getProperty("gpusim.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("gpusim.chromedriver", "/usr/bin/chromedriver");
    private static final CsvMapper CSV = new CsvMapper();

    @TempDir
    static Path dir;

    static ExplorerServer server;
    static ChromeDriver browser;
    static WebDriverWait wait;
    static Path downloads;
    static final List<String> timings = new ArrayList<>();
    /** Why the test is skipped, when it is (asked for, with no browser here). */
    static String skipped;

    @BeforeAll
    static void start() throws IOException {
        boolean present = new File(CHROMIUM).canExecute() && new File(DRIVER).canExecute();
        if (!present) {
            String what = "headless Chromium is needed for the explorer's browser test and " + CHROMIUM + " or "
                    + DRIVER + " is missing: apt-get install chromium chromium-driver (.ci/run does), or skip the "
                    + "test with -Dgpusim.browser.skip=true";
            if (!Boolean.getBoolean("gpusim.browser.skip")) {
                fail(what);
            }
            skipped = "skipped (-Dgpusim.browser.skip=true): " + what;
            System.out.println("ExplorerBrowserTest " + skipped);
            return;
        }
        server = ExplorerServer.start(ExplorerServer.Config.of(0, Path.of("..", "scenarios"), dir.resolve("web"))
                .withLimits(2, 2, 200_000));
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--window-size=1400,1500",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--lang=en-US");
        options.setExperimentalOption(
                "prefs",
                Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        browser.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (!timings.isEmpty()) {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "explorer-timing.txt"), timings);
        }
    }

    @Test
    void pickEditRunWatchChartCompareSweepAndDownload() throws Exception {
        Assumptions.assumeTrue(skipped == null, skipped);
        firstChartAfterPageLoad("cold server");

        // 1. pick a scenario: its description and levers with their ranges appear
        browser.get(server.url());
        Select scenario = new Select(until(By.id("scenario")));
        wait.until(d -> scenario.getOptions().size() >= 5);
        scenario.selectByValue("late-ban.yaml");
        wait.until(d -> text("scenario-description").contains("2025-07-01"));
        scenario.selectByValue("h20-2025.yaml");
        wait.until(d -> text("scenario-description").startsWith("Baseline"));
        assertEquals("2025-04-09", lever("regulator.banDate", "a").getAttribute("value"));
        assertEquals(
                "[0, 3650] days (default 0)",
                browser.findElement(By.cssSelector("tr[data-path='regulator.graceDays'] td.range"))
                        .getText());
        assertEquals("1", lever("regulator.leak.probability", "a").getAttribute("max"));
        screenshot("explorer-1-pick");

        // 2. edit: an out-of-range value is refused, naming the field, and marked on the page
        type(lever("regulator.banDate", "a"), "2025-06-01");
        type(lever("regulator.graceDays", "a"), "5000");
        type(browser.findElement(By.id("runs")), "1000");
        click("run-batch");
        wait.until(d -> browser.findElement(By.id("error")).isDisplayed());
        assertTrue(text("error").contains("set.regulator.graceDays"), text("error"));
        assertTrue(lever("regulator.graceDays", "a").getAttribute("class").contains("invalid"));
        screenshot("explorer-2-edit");
        // a 64-bit seed goes to the server as the number it is: not rounded, and not as text (which is refused)
        assertEquals(
                "{\"seed\":9223372036854775807,\"runs\":1000}",
                js("return toJson({seed: numberOrText('9223372036854775807'), runs: numberOrText('1000')})"));
        type(lever("regulator.graceDays", "a"), "30");

        // 3. a long run shows its progress and can be cancelled; nothing of it is left
        type(browser.findElement(By.id("runs")), "100000");
        click("run-batch");
        wait.until(d -> "running".equals(attr("progress-text", "data-state"))
                && Long.parseLong(attr("progress-text", "data-done")) > 0);
        screenshot("explorer-3-progress");
        String cancelledId = (String) js("return window.gpusim.run.id");
        click("cancel");
        wait.until(d -> browser.findElement(By.id("notice")).isDisplayed());
        assertTrue(text("notice").contains("cancelled"), text("notice"));
        assertFalse(Files.exists(dir.resolve("web").resolve(cancelledId)), "the cancelled run's folder is gone");

        // 4. a batch: summary table, fan chart with the ban marked, histogram; the numbers are the CLI's
        type(browser.findElement(By.id("runs")), "1000");
        click("run-batch");
        String batch = awaitResults();
        wait.until(d -> "buyer_stock_vendor_units".equals(attr("fan-chart", "data-series"))
                && attr("hist-chart", "data-count") != null);
        screenshot("explorer-4-batch");
        String command = text("command");
        assertTrue(
                command.startsWith(
                        "gpusim batch ../scenarios/h20-2025.yaml --runs 1000 --seed 1 "
                                + "--set regulator.banDate=2025-06-01 --set regulator.graceDays=30 --out explorer-batch --series"),
                command);
        Path cli = runCommandLine(command, "batch");
        List<Map<String, String>> summary = read(cli.resolve("summary.csv"));
        assertEquals(Metric.values().length, summary.size());
        for (Map<String, String> row : summary) {
            for (String col : List.of("n", "mean", "ci_low", "ci_high", "p05", "p50", "p95")) {
                String shown = browser.findElement(By.cssSelector("#summary-table tr[data-metric='" + row.get("metric")
                                + "'] td[data-column='" + col + "']"))
                        .getAttribute("data-value");
                assertSameNumber(row.get(col), shown, row.get("metric") + " " + col);
            }
        }
        List<Object> median = list("return echarts.getInstanceByDom(document.getElementById('fan-chart'))"
                + ".getOption().series[2].data");
        List<Map<String, String>> series = read(cli.resolve("series.csv")).stream()
                .filter(r -> r.get("series").equals("buyer_stock_vendor_units"))
                .toList();
        assertEquals(series.size(), median.size());
        for (int i = 0; i < series.size(); i++) {
            assertSameNumber(series.get(i).get("p50"), String.valueOf(median.get(i)), "fan median step " + i);
        }
        Object banLine = js("return echarts.getInstanceByDom(document.getElementById('fan-chart'))"
                + ".getOption().series[2].markLine.data[0].xAxis");
        assertTrue(String.valueOf(banLine).startsWith("2025-0"), "the ban is marked: " + banLine);
        long withValue = read(cli.resolve("runs.csv")).stream()
                .filter(r -> !r.get("stockpile_units_at_ban").isEmpty())
                .count();
        assertEquals(Long.toString(withValue), attr("hist-chart", "data-count"));
        Number binned = (Number) js("return echarts.getInstanceByDom(document.getElementById('hist-chart'))"
                + ".getOption().series[0].data.reduce((a, b) => a + b, 0)");
        assertEquals(withValue, binned.longValue());

        // 5. download: the files the page offers are the CLI's files
        for (String f : List.of("summary.csv", "runs.csv", "series.csv", "manifest.json")) {
            browser.findElement(By.cssSelector("#downloads a[data-file='" + f + "']"))
                    .click();
        }
        for (String f : List.of("summary.csv", "runs.csv", "series.csv")) {
            Path got = downloads.resolve(f);
            wait.until(d -> Files.isRegularFile(got) && !Files.exists(downloads.resolve(f + ".crdownload")));
            assertArrayEquals(Files.readAllBytes(cli.resolve(f)), Files.readAllBytes(got), f);
        }
        wait.until(d -> Files.isRegularFile(downloads.resolve("manifest.json")));
        assertTrue(Files.readString(downloads.resolve("manifest.json")).contains("\"studyFingerprint\""));
        click("copy-command");
        wait.until(d -> text("copy-command").equals("Copied"));

        // 6. compare A with B (B bans later) on common random numbers
        type(lever("regulator.banDate", "b"), "2025-07-01");
        type(browser.findElement(By.id("b-name")), "later");
        click("run-compare");
        String compared = awaitResults();
        assertFalse(compared.equals(batch));
        wait.until(d -> browser.findElement(By.id("compare-view")).isDisplayed()
                && attr("compare-fan-chart", "data-series") != null);
        screenshot("explorer-5-compare");
        Path cliCompare = runCommandLine(text("command"), "compare");
        for (Map<String, String> row : read(cliCompare.resolve("compare.csv"))) {
            for (String col : List.of("mean_a", "mean_b", "diff_mean", "diff_ci_low", "diff_ci_high", "p_b_gt_a")) {
                String shown = browser.findElement(By.cssSelector("#compare-table tr[data-metric='" + row.get("metric")
                                + "'] td[data-column='" + col + "']"))
                        .getAttribute("data-value");
                assertSameNumber(row.get(col), shown, "compare " + row.get("metric") + " " + col);
            }
        }
        Number medians = (Number) js("return echarts.getInstanceByDom(document.getElementById('compare-fan-chart'))"
                + ".getOption().series.filter(s => s.name.endsWith('median')).length");
        assertEquals(2, medians.intValue(), "both fans are drawn");

        // 7. a two-lever sweep: a heat map of the chosen metric's median
        new Select(browser.findElement(By.id("sweep-path-1"))).selectByValue("regulator.banDate");
        type(browser.findElement(By.id("sweep-low-1")), "2024-10-01");
        type(browser.findElement(By.id("sweep-high-1")), "2025-07-01");
        new Select(browser.findElement(By.id("sweep-path-2"))).selectByValue("regulator.leak.leadDays");
        type(browser.findElement(By.id("sweep-low-2")), "30");
        type(browser.findElement(By.id("sweep-high-2")), "150");
        type(browser.findElement(By.id("sweep-points")), "4");
        type(browser.findElement(By.id("runs")), "100");
        click("run-sweep");
        awaitResults();
        wait.until(d -> browser.findElement(By.id("sweep-view")).isDisplayed()
                && "stockpile_units_at_ban".equals(attr("sweep-chart", "data-metric")));
        screenshot("explorer-6-sweep");
        Path cliSweep = runCommandLine(text("command"), "sweep");
        Map<String, String> p50 = new HashMap<>();
        for (Map<String, String> row : read(cliSweep.resolve("summary.csv"))) {
            if (row.get("metric").equals("stockpile_units_at_ban")) {
                p50.put(row.get("point"), row.get("p50"));
            }
        }
        assertEquals(16, p50.size());
        for (Map.Entry<String, String> e : p50.entrySet()) {
            String shown = browser.findElement(
                            By.cssSelector("#sweep-table tr[data-metric='" + e.getKey() + "'] td[data-column='p50']"))
                    .getAttribute("data-value");
            assertSameNumber(e.getValue(), shown, "sweep point " + e.getKey());
        }
        Number cells = (Number) js("return echarts.getInstanceByDom(document.getElementById('sweep-chart'))"
                + ".getOption().series[0].data.length");
        assertEquals(16, cells.intValue());

        firstChartAfterPageLoad("warm server");
    }

    /** Loads the page with a batch of 1,000 baseline replications to run at once, and times it to its first chart. */
    private static void firstChartAfterPageLoad(String when) {
        browser.get(server.url() + "?scenario=h20-2025.yaml&runs=1000&seed=1&run=batch");
        wait.until(d -> js("return window.gpusim && window.gpusim.timings.firstChart") != null);
        double ms = ((Number) js("return window.gpusim.timings.firstChart")).doubleValue();
        String line = String.format(
                Locale.ROOT,
                "explorer: page load to first chart, 1,000 replications of the baseline (%s): %.0f ms",
                when,
                ms);
        timings.add(line);
        timings.add(
                "  steps (ms since navigation): "
                        + js(
                                "return JSON.stringify(window.gpusim.timings, (k, v) => typeof v === 'number' ? Math.round(v) : v)"));
        timings.subList(timings.size() - 2, timings.size()).forEach(System.out::println);
    }

    /** Waits for the results of the run just started; returns its id. */
    private static String awaitResults() {
        String before = attr("results", "data-run");
        wait.until(d -> {
            String now = attr("results", "data-run");
            return now != null
                    && !now.equals(before)
                    && !browser.findElement(By.id("progress-box")).isDisplayed();
        });
        return attr("results", "data-run");
    }

    /** Runs the command line the page shows (as a shell would split it), writing into a folder it returns. */
    private static Path runCommandLine(String line, String name) {
        List<String> args = shellWords(line);
        assertEquals("gpusim", args.remove(0));
        Path out = dir.resolve("cli-" + name);
        WebCliEquivalenceTest.writingInto(args, out);
        CliTest.Result r = CliTest.gpusim(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        return out;
    }

    /** Splits a POSIX shell line with single quotes (and '\'' inside them), as the page writes it. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '\'') {
                    quoted = false;
                } else {
                    w.append(c);
                }
            } else if (c == '\'') {
                quoted = true;
                any = true;
            } else if (c == '\\' && i + 1 < line.length()) {
                w.append(line.charAt(++i));
            } else if (Character.isWhitespace(c)) {
                if (any || w.length() > 0) {
                    words.add(w.toString());
                }
                w.setLength(0);
                any = false;
            } else {
                w.append(c);
            }
        }
        if (any || w.length() > 0) {
            words.add(w.toString());
        }
        return words;
    }

    private static void assertSameNumber(String expected, String shown, String what) {
        if (expected == null || expected.isEmpty()) {
            assertTrue(shown == null || shown.isEmpty() || shown.equals("null"), what + ": " + shown);
        } else {
            assertEquals(Double.parseDouble(expected), Double.parseDouble(shown), 0.0, what);
        }
    }

    private static List<Map<String, String>> read(Path csv) throws IOException {
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader())
                .readValues(csv.toFile())) {
            List<Map<String, String>> rows = new ArrayList<>();
            it.forEachRemaining(r -> rows.add(new LinkedHashMap<>(r)));
            return rows;
        }
    }

    private static WebElement until(By by) {
        return wait.until(d -> {
            List<WebElement> found = d.findElements(by);
            return found.isEmpty() ? null : found.get(0);
        });
    }

    private static WebElement lever(String path, String side) {
        return until(By.cssSelector(".lever-" + side + "[data-path='" + path + "']"));
    }

    private static void type(WebElement input, String value) {
        input.clear();
        input.sendKeys(value);
    }

    private static void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static String attr(String id, String name) {
        return browser.findElement(By.id(id)).getAttribute(name);
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(String script) {
        return (List<Object>) js(script);
    }

    private static void screenshot(String name) throws IOException {
        Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        Files.copy(shot, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        String docs = System.getProperty("gpusim.screenshots");
        if (docs != null && !docs.isBlank()) {
            Files.copy(
                    shot,
                    Files.createDirectories(Path.of(docs)).resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
