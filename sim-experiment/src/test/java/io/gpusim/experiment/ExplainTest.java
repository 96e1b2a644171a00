package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainTest {
    private static CompareRow row(String metric, double a, double b, double halfWidth) {
        double d = b - a;
        return new CompareRow(metric, 100, a, b, d, d - halfWidth, d + halfWidth, d > 0 ? 1.0 : 0.0);
    }

    @Test
    void aWritedownIsSplitIntoFinishedGoodsAndWorkInProcessAtTheBan() {
        List<CompareRow> rows = List.of(
                row("ban_day", 373, 433, 0),
                row("vendor_writedown_usd", 5.0e9, 6.0e9, 1e8),
                row("vendor_writedown_finished_units", 100_000, 80_000, 1_000),
                row("vendor_writedown_wip_units", 900_000, 1_120_000, 5_000),
                row("vendor_started_after_announcement_units", 0, 300_000, 1_000),
                row("peak_hazard", 4.0, 4.0, 0));
        List<String> lines = Explain.of(rows, LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 1));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(
                lines.get(0)
                        .startsWith("ban_day: +60.0 days: the ban takes effect on 2025-06-08 instead of on "
                                + "2025-04-09"),
                lines.get(0));
        String w = lines.get(1);
        assertTrue(w.startsWith("vendor_writedown_usd: +1,000,000,000 USD (+20.0%) = units written off"), w);
        assertTrue(w.contains("finished goods: 100,000 -> 80,000 (-20,000 units, -20.0%); -10% of the change"), w);
        assertTrue(w.contains("work in process: 900,000 -> 1,120,000 (+220,000 units, +24.4%); 110% of the change"), w);
        assertTrue(w.contains("production committed between the announcement and the effect: 0.000 -> 300,000"), w);
        assertTrue(w.contains("cost per unit written off: 5,000 USD in both"), w);
        assertTrue(w.contains("mostly work in process: production the vendor kept committing after the ban was"), w);
    }

    @Test
    void onlyDifferencesWhoseIntervalExcludesZeroAreExplained() {
        List<CompareRow> rows =
                List.of(row("vendor_writedown_usd", 5.0e9, 5.1e9, 2e8), row("shipped_share", 0.5, 0.6, 0.01));
        List<String> lines = Explain.of(rows, null, null);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("shipped_share: +0.1000 (+20.0%)"), lines.get(0));
        assertFalse(Explain.significant(rows.get(0)));
        assertEquals("", Explain.text(List.of(rows.get(0)), "a", "b", null, null));
        assertTrue(Explain.text(rows, "a", "b", null, null).contains("explain: the differences whose 95% interval"));
    }

    @Test
    void aRevenueIsSplitIntoUnitsAndPrice() {
        List<CompareRow> rows = List.of(
                row("vendor_revenue_usd", 10_000.0 * 1_000_000, 10_000.0 * 1_100_000, 1e6),
                row("vendor_units_shipped", 1_000_000, 1_100_000, 100));
        String line = Explain.of(rows, null, null).get(0);
        assertTrue(
                line.contains("vendor_units_shipped: 1,000,000 -> 1,100,000 (+100,000 units, +10.0%); 100% of"), line);
        assertTrue(line.contains("revenue per unit shipped: 10,000 -> 10,000 USD; 0% of the change"), line);
    }
}
