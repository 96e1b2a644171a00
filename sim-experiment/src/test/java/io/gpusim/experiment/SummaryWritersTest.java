package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryWritersTest {
    @TempDir
    Path dir;

    @Test
    void csvHasTheContractHeaderAndEmptyCellsForNaN() throws Exception {
        MetricAccumulator a = new MetricAccumulator();
        a.add(1);
        a.add(3);
        SummaryRow full = a.summarize("base, line", "", "requested_units");
        SummaryRow empty = new MetricAccumulator().summarize("base, line", "", "ban_day");
        Path file = dir.resolve("summary.csv");
        SummaryWriters.writeCsv(file, List.of(full, empty));
        List<String> lines = Files.readAllLines(file);
        assertEquals("scenario,point,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95,min,max", lines.get(0));
        assertTrue(lines.get(1).startsWith("\"base, line\",,requested_units,2,2.0,"), lines.get(1));
        assertEquals("\"base, line\",,ban_day,0,,,,,,,,,,,", lines.get(2));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void tableIsAligned() {
        MetricAccumulator a = new MetricAccumulator();
        a.add(1_000_000);
        a.add(2_000_000);
        String table = SummaryWriters.table(List.of(a.summarize("s", "", "requested_units")));
        String[] lines = table.split(System.lineSeparator());
        assertEquals(2, lines.length);
        assertEquals(lines[0].length(), lines[1].length());
        assertTrue(lines[1].contains("1,500,000"), table);
        assertTrue(lines[0].contains("unit") && lines[0].contains("mean_ci95_low"), "CI columns say whose: " + table);
        assertTrue(lines[1].contains(" units "), table);
    }

    @Test
    void daysAreShownAsDatesAndDifferencesAsDays() {
        MetricAccumulator a = new MetricAccumulator();
        a.add(373);
        a.add(373);
        String table =
                SummaryWriters.table(List.of(a.summarize("s", "0", "ban_day")), java.time.LocalDate.of(2024, 4, 1));
        assertTrue(
                table.lines()
                        .skip(1)
                        .findFirst()
                        .orElseThrow()
                        .matches("ban_day\\s+date\\s+2\\s+2025-04-09\\s+2025-04-09.*"),
                table);
        assertEquals("+60.0 days", SummaryWriters.difference(io.gpusim.core.metrics.Metric.BAN_DAY, 60));
        assertEquals("60.000", SummaryWriters.difference(io.gpusim.core.metrics.Metric.REQUESTED_MONTHS, 60));
    }
}
