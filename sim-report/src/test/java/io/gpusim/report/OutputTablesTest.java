package io.gpusim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output files are read by column name and checked as they are read; a damaged one is named with its line. */
class OutputTablesTest {
    private static final String COMPARE_HEADER = "metric,mean_a,mean_b,diff_mean,diff_ci_low,diff_ci_high,p_b_gt_a,n\n";

    @TempDir
    Path dir;

    private String damaged(OutputTables.Layout layout, String content) throws Exception {
        Files.writeString(dir.resolve(layout.name()), content);
        return assertThrows(IllegalArgumentException.class, () -> OutputTables.read(dir, layout))
                .getMessage();
    }

    @Test
    void columnsAreReadByNameInAnyOrderAndRowsKnowTheirLines() throws Exception {
        Files.writeString(
                dir.resolve("compare.csv"),
                "n,p_b_gt_a,diff_ci_high,diff_ci_low,diff_mean,mean_b,mean_a,metric\n"
                        + "40,0.5,3,1,2,12,10,\"two\nlines\"\n"
                        + "\n"
                        + "40,,,,,,,ban_day\n\n");
        OutputTables.Table t = OutputTables.table(dir, OutputTables.COMPARE);
        assertEquals("10", t.rows().get(0).get("mean_a"));
        assertEquals("two\nlines", t.rows().get(0).get("metric"));
        assertEquals(2, t.rows().size(), "blank lines are no rows");
        assertEquals(dir.resolve("compare.csv") + ":5", t.at(1), "a row's line is where it begins");
        var row = OutputTables.compareRows(t.rows()).get(0);
        assertEquals(40, row.n());
        assertEquals(12.0, row.meanB());
        assertNull(OutputTables.compareRows(t.rows()).get(1).meanA(), "an empty cell is no value");
        assertEquals(List.of(), OutputTables.read(dir, OutputTables.SUMMARY), "an absent file has no rows");
    }

    @Test
    void aDamagedFileIsNamedWithItsLine() throws Exception {
        Path file = dir.resolve("compare.csv");
        assertEquals(file + ":2: Missing closing quote for value", damaged(OutputTables.COMPARE, "garbage,,,\"\n"));
        assertEquals(file + ": the file is empty (expected a header line)", damaged(OutputTables.COMPARE, ""));
        assertEquals(
                file + ":1: no column 'mean_a'",
                damaged(OutputTables.COMPARE, COMPARE_HEADER.replace("mean_a", "avg_a")));
        assertEquals(
                file + ":1: column 'mean_b' appears twice",
                damaged(OutputTables.COMPARE, COMPARE_HEADER.replace("\n", ",mean_b\n")));
        assertEquals(
                file + ":3: 7 of the header's 8 columns",
                damaged(OutputTables.COMPARE, COMPARE_HEADER + "ban_day,1,2,1,0,2,1,9\nban_day,1,2,1,0,2,1\n"));
        assertEquals(
                file + ":2: column 'n': 'many' is not a number",
                damaged(OutputTables.COMPARE, COMPARE_HEADER + "ban_day,1,2,1,0,2,1,many\n"));
        String tooMany = damaged(OutputTables.COMPARE, COMPARE_HEADER + "ban_day,1,2,1,0,2,1,9,9\n");
        assertEquals(file + ":2: Too many entries", tooMany.replaceAll(": expected.*", ""));
        assertEquals(
                dir.resolve("series.csv") + ":2: column 'date': '2025-13-01' is not a date (yyyy-mm-dd)",
                damaged(OutputTables.SERIES, "scenario,point,step,date,series,p05,p50,p95\na,,0,2025-13-01,s,1,2,3\n"));
        assertEquals(
                dir.resolve("points.csv") + ":2: column 'x': '' is not a value (a number, a word or a date yyyy-mm-dd)",
                damaged(OutputTables.POINTS, "point,x\n0,\n"));
        assertEquals(
                dir.resolve("points.csv") + ":3: column 'x': '2025-02-30' is not a value (a number, a word or a date"
                        + " yyyy-mm-dd)",
                damaged(OutputTables.POINTS, "point,x\n0,2025-02-28\n1,2025-02-30\n"));
    }

    @Test
    void aFileThatIsNotUtf8IsOneLineNamingTheLine() throws Exception {
        Path file = dir.resolve("compare.csv");
        byte[] text = (COMPARE_HEADER + "ban_day,1,2,1,0,2,1,0.5\nban\u00e9_day,1,2,1,0,2,1,0.5\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        String message = assertThrows(
                        IllegalArgumentException.class, () -> OutputTables.read(dir, OutputTables.COMPARE))
                .getMessage();
        assertEquals(file + ":3: Invalid UTF-8 middle byte 0x5f", message);
    }

    @Test
    void aDamagedManifestIsOneLineWithLineAndColumn() throws Exception {
        assertNull(OutputTables.manifest(dir));
        Files.writeString(dir.resolve("manifest.json"), "{\n  \"kind\": batch\n}\n");
        String message = assertThrows(IllegalArgumentException.class, () -> OutputTables.manifest(dir))
                .getMessage();
        assertEquals(
                dir.resolve("manifest.json") + ":2:17: Unrecognized token 'batch'",
                message.replaceAll("(token 'batch').*", "$1"));
        assertFalse(message.contains("\n") || message.contains("REDACTED"), message);
    }

    @Test
    void tablesThatLostWhatTheManifestRecordsAreRefused() throws Exception {
        Files.writeString(
                dir.resolve("manifest.json"),
                "{\"kind\": \"sweep\", \"runsTotal\": 6, \"failedRuns\": 0, "
                        + "\"designPoints\": [{\"point\": 0, \"x\": 1}, {\"point\": 1, \"x\": 2}]}");
        String summaryHeader = "scenario,point,metric,n,mean,sd,ci_low,ci_high,p05,p25,p50,p75,p95,min,max\n";
        Files.writeString(dir.resolve("summary.csv"), summaryHeader);
        assertEquals(
                dir.resolve("points.csv") + ": missing, while the manifest lists 2 design points",
                assertThrows(IllegalArgumentException.class, () -> Report.write(dir))
                        .getMessage());
        Files.writeString(dir.resolve("points.csv"), "point,x\n0,1\n");
        assertEquals(
                dir.resolve("points.csv") + ": 1 rows, while the manifest lists 2 design points",
                assertThrows(IllegalArgumentException.class, () -> Charts.plotAll(dir))
                        .getMessage());
        Files.writeString(dir.resolve("points.csv"), "point,x\n0,1\n1,2\n");
        assertEquals(
                dir.resolve("summary.csv") + ": no rows, while the manifest records 6 replications that ran",
                assertThrows(IllegalArgumentException.class, () -> Report.write(dir))
                        .getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("manifest.json", "points.csv", "summary.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "nothing written");
        }
        // every replication failed: an empty summary is what the study left
        Files.writeString(
                dir.resolve("manifest.json"),
                "{\"kind\": \"batch\", \"runsTotal\": 6, \"failedRuns\": 6, \"designPoints\": []}");
        OutputTables.checkAgainstManifest(dir);
    }

    @Test
    void nothingIsDrawnFromADamagedDirectory() throws Exception {
        Files.writeString(dir.resolve("summary.csv"), "");
        Files.writeString(dir.resolve("compare.csv"), COMPARE_HEADER + "ban_day,1,2,1,0,2,1,9\n");
        assertThrows(IllegalArgumentException.class, () -> Charts.plotAll(dir));
        assertThrows(IllegalArgumentException.class, () -> Report.write(dir));
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("compare.csv", "summary.csv"),
                    files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
