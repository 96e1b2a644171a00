package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoverCliTest {
    @TempDir
    Path dir;

    @Test
    void findsWhereALateBanLetsMoreShip() throws Exception {
        Path out = dir.resolve("sweep");
        assertEquals(
                0,
                gpusim(
                                "sweep",
                                CliTest.BASELINE,
                                "--vary",
                                "regulator.banDate=2024-10-01:2025-07-01",
                                "--vary",
                                "beliefs.leakWeight=1:6",
                                "--design",
                                "lhs",
                                "--points",
                                "30",
                                "--runs",
                                "6",
                                "--out",
                                out.toString(),
                                "--quiet")
                        .code());
        CliTest.Result r = gpusim("discover", out.toString(), "--metric", "shipped_share", "--above", "0.6");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("shipped_share >= 0.6000 in "), r.out());
        assertTrue(r.out().contains("regulator.banDate >= 2025-"), "a later ban is what lets more ship: " + r.out());
        List<String> boxes = Files.readAllLines(out.resolve("boxes.csv"));
        assertEquals("box,chosen,coverage,density,support,parameter,lower,upper,restricted", boxes.get(0));
        assertTrue(boxes.stream().anyMatch(l -> l.contains(",true,") && l.contains("regulator.banDate")));
        assertEquals(
                2,
                gpusim("discover", out.toString(), "--metric", "nonsense", "--above", "1")
                        .code());
        assertEquals(
                2,
                gpusim("discover", out.toString(), "--metric", "shipped_share").code(),
                "needs a threshold");
        for (String[] threshold : new String[][] {{"--above", "NaN"}, {"--above", "1e400"}, {"--below", "-Infinity"}}) {
            CliTest.Result bad =
                    gpusim("discover", out.toString(), "--metric", "shipped_share", threshold[0], threshold[1]);
            assertEquals(2, bad.code(), bad.err());
            assertEquals(
                    "gpusim discover: " + threshold[0] + " must be a finite number, got '" + threshold[1] + "'",
                    bad.err().strip());
            assertEquals("", bad.out());
        }

        Files.delete(out.resolve("boxes.csv"));
        List<String> runs = Files.readAllLines(out.resolve("runs.csv"));
        Files.writeString(out.resolve("runs.csv"), runs.get(0) + "\n" + runs.get(1) + "\ngarbage,,,\"\n");
        CliTest.Result damaged = gpusim("discover", out.toString(), "--metric", "shipped_share", "--above", "0.6");
        assertEquals(2, damaged.code());
        assertEquals(
                "gpusim discover: " + out.resolve("runs.csv") + ":4: Missing closing quote for value",
                damaged.err().strip());
        assertTrue(Files.notExists(out.resolve("boxes.csv")), "nothing written");
        Files.writeString(
                out.resolve("runs.csv"), runs.get(0) + "\n" + runs.get(1).replaceFirst(",\\d+,", ",99,"));
        CliTest.Result unknownPoint = gpusim("discover", out.toString(), "--metric", "shipped_share", "--above", "0.6");
        assertEquals(2, unknownPoint.code());
        assertEquals(
                "gpusim discover: " + out.resolve("runs.csv") + ":2: point '99' is not in points.csv",
                unknownPoint.err().strip());
    }

    @Test
    void aStudyThatReplacesTheSweepTakesItsDiscoveredBoxesWithIt() throws Exception {
        Path out = smallSweep();
        CliTest.succeeds("discover", out.toString(), "--metric", "shipped_share", "--above", "0.5");
        assertTrue(Files.exists(out.resolve("boxes.csv")));
        CliTest.succeeds("batch", CliTest.BASELINE, "--runs", "3", "--out", out.toString(), "--overwrite", "--quiet");
        assertTrue(Files.notExists(out.resolve("boxes.csv")), "boxes of a sweep that is gone describe nothing");
        assertTrue(Files.notExists(out.resolve("points.csv")));
    }

    @Test
    void aSweepOfAnEnumIsPlottedReportedAndDiscoveredLeavingTheEnumOut() throws Exception {
        Path out = dir.resolve("enum");
        CliTest.succeeds(
                "sweep",
                CliTest.BASELINE,
                "--vary",
                "vendor.allocation=FIFO,PROPORTIONAL",
                "--vary",
                "regulator.banDate=2024-10-01:2025-07-01",
                "--points",
                "3",
                "--runs",
                "3",
                "--out",
                out.toString(),
                "--quiet");
        assertEquals(
                "0,FIFO,2024-10-01",
                Files.readAllLines(out.resolve("points.csv")).get(1));
        CliTest.succeeds("plot", out.toString());
        CliTest.succeeds("report", out.toString());
        CliTest.Result r = CliTest.succeeds("discover", out.toString(), "--metric", "shipped_share", "--above", "0.5");
        assertTrue(r.out().startsWith("shipped_share >= 0.5000 in "), r.out());
        assertEquals(
                "note: left out vendor.allocation (FIFO, PROPORTIONAL): PRIM finds ranges of numbers and dates, and a"
                        + " parameter taking words has none; summary.csv compares its points",
                r.out().lines().toList().get(1));
        assertTrue(Files.readString(out.resolve("boxes.csv")).contains("regulator.banDate"));
        assertTrue(!Files.readString(out.resolve("boxes.csv")).contains("vendor.allocation"), "no box of words");

        Path booleans = dir.resolve("boolean");
        CliTest.succeeds(
                "sweep",
                CliTest.BASELINE,
                "--vary",
                "hyperscalers[Tencent].anticipation=true,false",
                "--runs",
                "3",
                "--out",
                booleans.toString(),
                "--quiet");
        CliTest.succeeds("plot", booleans.toString());
        CliTest.Result none = gpusim("discover", booleans.toString(), "--metric", "shipped_share", "--above", "0.5");
        assertEquals(2, none.code(), none.err());
        assertEquals(
                "gpusim discover: " + booleans + ": no varied parameter is a number or a date, so there are no ranges"
                        + " for PRIM to find (it leaves out hyperscalers[Tencent].anticipation (true, false))\n",
                none.err());
        assertTrue(Files.notExists(booleans.resolve("boxes.csv")), "nothing written");
    }

    @Test
    void anOutcomeIsAMetricThatSomeRunHas() throws Exception {
        Path out = smallSweep();
        String[][] cases = {
            {"seed", "--above", "0", "unknown metric 'seed'; metrics: requested_units, requested_value_usd, "},
            {"point", "--above", "0", "unknown metric 'point'; metrics: requested_units, requested_value_usd, "},
            {"requested_unit", "--above", "0", "unknown metric 'requested_unit'; did you mean 'requested_units'?"},
            {
                "shipped_share",
                "--above",
                "1e99",
                "no run has shipped_share at or above the threshold (its largest value in the 12 runs is "
            },
            {
                "shipped_share",
                "--below",
                "-1",
                "no run has shipped_share at or below the threshold (its smallest value in the 12 runs is "
            },
        };
        for (String[] c : cases) {
            CliTest.Result r = gpusim("discover", out.toString(), "--metric", c[0], c[1], c[2]);
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().startsWith("gpusim discover: " + c[3]), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertEquals("", r.out());
            assertTrue(Files.notExists(out.resolve("boxes.csv")), "nothing written");
        }
    }

    /** A sweep of three ban dates, four runs each (12 runs), in {@code dir/sweep}. */
    private Path smallSweep() {
        Path out = dir.resolve("sweep");
        CliTest.succeeds(
                "sweep",
                CliTest.BASELINE,
                "--vary",
                "regulator.banDate=2024-10-01:2025-07-01",
                "--points",
                "3",
                "--runs",
                "4",
                "--out",
                out.toString(),
                "--quiet");
        return out;
    }
}
