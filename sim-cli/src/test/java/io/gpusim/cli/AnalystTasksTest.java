package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven everyday tasks of a new analyst, as the README's "Seven everyday tasks" gives them, each done without
 * the friction it once had: what was missing is asserted present.
 */
class AnalystTasksTest {
    static final String BASELINE = CliTest.BASELINE;
    static final String LATE = Path.of("..", "scenarios", "late-ban.yaml").toString();

    @TempDir
    Path dir;

    /** 1. Reproduce the baseline: dates as dates, units, and the interval beside the median named for the mean. */
    @Test
    void task1ReproduceTheBaseline() {
        CliTest.Result r = gpusim("batch", BASELINE, "--runs", "100", "--quiet");
        assertEquals(0, r.code(), r.err());
        String header = r.out().lines().findFirst().orElseThrow();
        assertTrue(header.matches("metric\\s+unit\\s+n\\s+median\\s+mean\\s+mean_ci95_low\\s+mean_ci95_high"), header);
        String ban = line(r.out(), "ban_day");
        assertTrue(ban.matches("ban_day\\s+date\\s+100\\s+2025-04-09\\s+2025-04-09\\s+2025-04-09\\s+2025-04-09"), ban);
        assertTrue(
                line(r.out(), "requested_units").matches("requested_units\\s+units\\s+100\\s+1,0\\d\\d,\\d{3}\\s.*"));
        assertTrue(line(r.out(), "vendor_writedown_usd").contains(" USD "));
    }

    /** 2. A 60-day grace period as a paired comparison, with the write-down's rise traced to its cause. */
    @Test
    void task2AGracePeriodAsAPairedComparison() {
        CliTest.Result r =
                gpusim("compare", BASELINE, "--policy", "grace:regulator.graceDays=60", "--runs", "40", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("paired differences grace - h20-2025 over 40 pairs"), r.out());
        assertTrue(r.out().contains("mean h20-2025") && !r.out().contains("mean base"), "the baseline's own name");
        assertTrue(line(r.out(), "ban_day").contains("2025-06-08"), "dates as dates");
        assertTrue(r.out().contains("explain: the differences whose 95% interval excludes 0, grace - h20-2025"));
        assertTrue(
                r.out().contains("ban_day: +60.0 days: the ban takes effect on 2025-06-08 instead of on 2025-04-09"));
        String writedown = r.out().substring(r.out().indexOf("  vendor_writedown_usd: +"));
        assertTrue(writedown.contains("work in process: "), writedown);
        assertTrue(writedown.contains("production committed between the announcement and the effect: 0.000 -> "));
        assertTrue(writedown.contains("mostly work in process: production the vendor kept committing after the ban"));
    }

    /** 3. Leak weight against safety stock: the cost first, then a verdict per metric. */
    @Test
    void task3LeakWeightAgainstSafetyStock() {
        String[] study = {
            "sensitivity",
            BASELINE,
            "--vary",
            "beliefs.leakWeight=1:6",
            "--vary",
            "vendor.safetyStockWeeks=2:12",
            "--base-points",
            "16",
            "--runs",
            "4",
            "--quiet"
        };
        CliTest.Result plan = gpusim(with(study, "--dry-run"));
        assertTrue(plan.out().contains("64 design points x 4 runs = 256 replications"), plan.out());
        CliTest.Result r = gpusim(study);
        assertEquals(0, r.code(), r.err());
        String verdict = line(r.out(), "  stockpile at the ban (stockpile_units_at_ban):");
        assertTrue(verdict.contains("vendor.safetyStockWeeks dominates"), verdict);
        assertTrue(verdict.contains("beliefs.leakWeight negligible"), verdict);
        assertTrue(r.out().contains("what to do: with N=16 base points"), "advice where indices are uncertain");
    }

    /** 4. A fan chart and a report fit to send. */
    @Test
    void task4AFanChartAndAReport() throws Exception {
        Path out = dir.resolve("fan");
        CliTest.Result r =
                gpusim("batch", BASELINE, LATE, "--runs", "40", "--series", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, gpusim("plot", out.toString()).code());
        String fan = Files.readString(out.resolve("plots").resolve("fan-buyer_stock_vendor_units.svg"));
        assertTrue(fan.contains(">Hyperscalers' undeployed H20 stock: h20-2025, late-ban</text>"));
        assertTrue(fan.contains(">h20-2025 median, p05-p95 band</text>"), "the legend names the scenarios");
        assertEquals(0, gpusim("report", out.toString()).code());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<h2>Metrics</h2>") && html.contains("the day the ban takes effect"));
        assertTrue(html.contains("<td class=\"t\">2025-04-09</td>"), "ban_day as a date in the summary");
    }

    /** 5. A probability from runs.csv: every row has its scenario and point, labels agree across commands. */
    @Test
    void task5AProbabilityFromRunsCsv() throws Exception {
        Path batch = dir.resolve("b");
        Path compare = dir.resolve("c");
        assertEquals(
                0,
                gpusim("batch", BASELINE, "--runs", "30", "--out", batch.toString(), "--quiet")
                        .code());
        assertEquals(
                0,
                gpusim(
                                "compare",
                                BASELINE,
                                "--policy",
                                "grace:regulator.graceDays=60",
                                "--runs",
                                "30",
                                "--out",
                                compare.toString(),
                                "--quiet")
                        .code());
        for (Path out : List.of(batch, compare)) {
            for (String file : List.of("runs.csv", "summary.csv")) {
                List<String> rows = Files.readAllLines(out.resolve(file));
                for (String row : rows.subList(1, rows.size())) {
                    String[] cells = row.split(",", -1);
                    assertFalse(cells[0].isEmpty() || cells[1].isEmpty(), file + ": a row without a cell: " + row);
                }
            }
        }
        List<String> runs = Files.readAllLines(batch.resolve("runs.csv"));
        List<String> header = List.of(runs.get(0).split(","));
        int stockpile = header.indexOf("stockpile_units_at_ban");
        Map<String, int[]> byCell = new HashMap<>();
        for (String row : runs.subList(1, runs.size())) {
            String[] c = row.split(",", -1);
            int[] n = byCell.computeIfAbsent(c[0] + "/" + c[1], k -> new int[2]);
            n[0]++;
            n[1] += !c[stockpile].isEmpty() && Double.parseDouble(c[stockpile]) > 300_000 ? 1 : 0;
        }
        assertEquals(30, byCell.get("h20-2025/0")[0], "grouping by scenario and point keeps every row");
        assertTrue(byCell.get("h20-2025/0")[1] > 15, "most baseline runs stockpile more than 300,000 units");
        assertTrue(Files.readString(compare.resolve("runs.csv")).contains("\nh20-2025,0,0,"), "the same label");
        String readme = Files.readString(Path.of("..", "README.md"));
        assertTrue(readme.contains("### In pandas") && readme.contains("groupby([runs.scenario, runs.point])"));
    }

    /** 6. A fifth buyer in four lines, warned of while the aggregate still names it. */
    @Test
    void task6AScenarioWithAFifthBuyer() throws Exception {
        Path base = Path.of(BASELINE).toAbsolutePath().normalize();
        Path baidu = Files.writeString(
                dir.resolve("with-baidu.yaml"),
                String.join(
                        "\n",
                        "extends: " + base,
                        "name: with-baidu",
                        "hyperscalers:",
                        "  - name: Baidu",
                        "    like: Tencent",
                        "    demandUnitsPerWeek: 1500",
                        ""));
        CliTest.Result warned = gpusim("validate", baidu.toString());
        assertEquals(0, warned.code(), warned.err());
        assertTrue(warned.err().contains(baidu + ":4:"), "the warning is placed at the buyer: " + warned.err());
        assertTrue(warned.err().contains("warning: 'Baidu' is also part of 'Others'"), warned.err());
        Path fixed = Files.writeString(
                dir.resolve("with-baidu-fixed.yaml"),
                Files.readString(baidu)
                        + String.join(
                                "\n",
                                "  - name: Others",
                                "    demandUnitsPerWeek: 6500",
                                "    description: the rest of China's H20 buyers (telecom clouds, enterprises)",
                                ""));
        CliTest.Result clean = gpusim("validate", fixed.toString());
        assertEquals(0, clean.code(), clean.err());
        assertEquals("", clean.err(), "no warning once Others no longer names Baidu");
        Path fresh = Files.writeString(
                dir.resolve("minimal.yaml"),
                String.join(
                        "\n",
                        "extends: " + base,
                        "name: minimal-buyer",
                        "hyperscalers:",
                        "  - {name: Kuaishou, demandUnitsPerWeek: 800, demandGrowthPerYear: 0.3, budgetUsdPerYear: 2e9}",
                        ""));
        CliTest.Result run = gpusim("batch", fresh.toString(), "--runs", "5", "--quiet");
        assertEquals(0, run.code(), "four fields make a buyer: " + run.err());
        String schema = gpusim("schema").out();
        assertTrue(schema.contains("\"like\""), "the schema describes like:");
    }

    /** 7. Three deliberate mistakes, and reusing --out. */
    @Test
    void task7MistakesAreAnsweredUsefully() throws Exception {
        Path typo = Files.writeString(
                dir.resolve("typo.yaml"),
                Files.readString(Path.of(BASELINE))
                        .replace("  safetyStockWeeks: 8", "  safetyStokWeeks: 8")
                        .replace("banDate: 2025-04-09", "banDate: 2025-02-30"));
        CliTest.Result r = gpusim("validate", typo.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown field 'safetyStokWeeks'; did you mean 'safetyStockWeeks'?"), r.err());
        assertTrue(r.err().contains("not a real date: February has no day 30"), r.err());
        CliTest.Result item =
                gpusim("batch", BASELINE, "--runs", "2", "--set", "hyperscalers[Baidu].anticipation=false");
        assertTrue(
                item.err().contains("no item named 'Baidu'; items: ByteDance, Alibaba, Tencent, Others"), item.err());
        CliTest.Result command = gpusim("comapre", BASELINE);
        assertTrue(command.err().contains("unknown command 'comapre'; did you mean 'compare'?"), command.err());
        CliTest.Result option = gpusim("batch", BASELINE, "--runs", "2", "--seeds", "3");
        assertTrue(option.err().contains("did you mean '--seed'?"), option.err());

        Path out = dir.resolve("study");
        assertEquals(
                0,
                gpusim("batch", BASELINE, "--runs", "3", "--out", out.toString(), "--quiet")
                        .code());
        CliTest.Result reuse = gpusim("batch", LATE, "--runs", "3", "--out", out.toString(), "--quiet");
        assertEquals(2, reuse.code());
        assertTrue(reuse.err().contains("holds a different study; use another directory, or --overwrite"));
        CliTest.Result overwrite =
                gpusim("batch", LATE, "--runs", "3", "--out", out.toString(), "--overwrite", "--quiet");
        assertEquals(0, overwrite.code(), overwrite.err());
        assertTrue(Files.readString(out.resolve("runs.csv")).contains("\nlate-ban,0,0,"));
    }

    private static String line(String text, String prefix) {
        return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("(no line " + prefix + ")");
    }

    private static String[] with(String[] args, String... more) {
        String[] out = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, out, args.length, more.length);
        return out;
    }
}
