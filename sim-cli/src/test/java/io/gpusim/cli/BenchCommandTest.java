package io.gpusim.cli;

import static io.gpusim.cli.CliTest.BASELINE;
import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.bench.ProcessTiming;
import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code gpusim bench} prints the steady state of the model and the reference with their ratio, and times whole
 * processes.
 */
class BenchCommandTest {
    private static final Pattern MEDIAN = Pattern.compile(
            "median: model ([\\d,]+) runs/s, reference ([\\d,]+) runs/s, reference/model (\\d+\\.\\d\\d)");

    @Test
    void steadyStatePrintsEachRepeatAndTheMediansWithTheirRatio() {
        CliTest.Result r = gpusim(
                "bench",
                BASELINE,
                "--runs",
                "40",
                "--repeats",
                "3",
                "--warmup",
                "0",
                "--threads",
                "1",
                "--part",
                "steady");
        assertEquals(0, r.code(), r.err());
        for (int i = 1; i <= 3; i++) {
            assertTrue(r.out().contains("repeat " + i + ": model "), r.out());
        }
        Matcher m = MEDIAN.matcher(r.out());
        assertTrue(m.find(), r.out());
        double model = Double.parseDouble(m.group(1).replace(",", ""));
        double reference = Double.parseDouble(m.group(2).replace(",", ""));
        assertEquals(reference / model, Double.parseDouble(m.group(3)), 0.006, r.out());
        Matcher bytes = Pattern.compile("allocated per replication \\(one thread\\): model ([\\d,]+) bytes, "
                        + "reference ([\\d,]+) bytes")
                .matcher(r.out());
        assertTrue(bytes.find(), r.out());
        for (int g = 1; g <= 2; g++) {
            double b = Double.parseDouble(bytes.group(g).replace(",", ""));
            // a replication allocates its agents, ledger and result arrays: kilobytes, not bytes or megabytes
            assertTrue(b > 5_000 && b < 5_000_000, r.out());
        }
        assertFalse(r.out().contains("whole processes"), "--part steady starts no process");
    }

    @Test
    void wholeProcessesReportStartUpAndTheBatchRate() {
        CliTest.Result r = gpusim(
                "bench", BASELINE, "--runs", "30", "--threads", "1", "--part", "process", "--process-repeats", "1");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*start-up, --runs 1: \\d+\\.\\d\\d s\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*--runs 1000: \\d+\\.\\d\\d s\\n.*"), r.out());
        assertTrue(r.out().matches("(?s).*--runs 30 --threads 1: \\d+\\.\\d\\d s, [\\d,]+ runs/s\\n.*"), r.out());
        assertFalse(r.out().contains("steady state"), "--part process runs nothing in this process");
    }

    @Test
    void aFailingProcessStopsTheTimingWithItsError() {
        ProcessTiming timing = ProcessTiming.likeThisProcess(Main.class.getName());
        IOException e = assertThrows(
                IOException.class, () -> timing.wallSeconds(List.of("batch", "no-such-scenario.yaml", "--quiet"), 2));
        assertTrue(e.getMessage().contains("exited with 2"), e.getMessage());
        assertTrue(e.getMessage().contains("no-such-scenario.yaml"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "--process-repeats, 0, 'gpusim bench: --process-repeats must be >= 1, got 0'",
        "--runs, 0, 'gpusim bench: --runs must be >= 1, got 0'",
        "--threads, 0, 'gpusim bench: --threads must be >= 1, got 0'",
        "--repeats, -1, 'gpusim bench: --repeats must be >= 1, got -1'",
        "--warmup, -1, 'gpusim bench: --warmup must be >= 0, got -1'"
    })
    void badNumbersAreRefusedNamingTheOptionAndTheValue(String option, String value, String message) {
        CliTest.Result r = gpusim("bench", BASELINE, option, value);
        assertEquals(Main.EXIT_USAGE, r.code(), r.err());
        assertEquals(List.of(message), r.err().lines().toList());
        assertEquals("", r.out());
    }
}
