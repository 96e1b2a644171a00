package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input is refused with one line per problem and exit code 2, and an existing output is left untouched. */
class BadInputTest {
    @TempDir
    Path dir;

    private static Map<String, String> snapshot(Path d) throws Exception {
        Map<String, String> m = new HashMap<>();
        try (var files = Files.list(d)) {
            for (Path f : files.toList()) {
                FileTime t = Files.getLastModifiedTime(f);
                m.put(f.getFileName().toString(), t + ":" + Files.readString(f).hashCode());
            }
        }
        return m;
    }

    @Test
    void aFailedCommandLeavesAnExistingOutputUnchanged() throws Exception {
        Path out = dir.resolve("out");
        CliTest.succeeds("batch", CliTest.BASELINE, "--runs", "20", "--out", out.toString(), "--quiet");
        Map<String, String> before = snapshot(out);
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "extends: " + Path.of(CliTest.BASELINE).toAbsolutePath() + "\nvendor:\n  bogus: 1\n");
        CliTest.Result r = gpusim("batch", bad.toString(), "--runs", "20", "--out", out.toString());
        assertEquals(2, r.code());
        assertEquals(
                bad + ":3:10: vendor.bogus: unknown field 'bogus'",
                r.err().lines().findFirst().orElse("").replaceAll("; known fields.*", ""));
        assertEquals(before, snapshot(out));
        CliTest.Result usage = gpusim("batch", CliTest.BASELINE, "--runs", "-3", "--out", out.toString());
        assertEquals(2, usage.code());
        assertEquals(before, snapshot(out));
    }

    @Test
    void everyKindOfScenarioErrorIsOneLineWithExitTwo() throws Exception {
        String base = Files.readString(Path.of(CliTest.BASELINE));
        String[][] cases = {
            {"syntax", base.replace("name: h20-2025", "name: [h20"), "syntax error"},
            {"key", base + "? [a, b]\n: 1\n", "a field name must be plain text, not a list or a mapping"},
            {
                "type",
                base.replace("stepDays: 7", "stepDays: weekly"),
                "simulation.stepDays: expected a whole number, got 'weekly'"
            },
            {"range", base.replace("tpp: 2368", "tpp: -1"), "products[0].tpp: must be between 0 and"},
            {"missing", base.replace("  banDate: 2025-04-09", ""), "regulator.banDate: is required"},
            {"horizon", base.replace("banDate: 2025-04-09", "banDate: 2030-01-01"), "outside the simulated horizon"},
            {"duplicate", base.replace("- name: Tencent", "- name: Alibaba"), "duplicate hyperscaler name"},
            {"reference", base.replace("- product: Ascend-950", "- product: Ascend-990"), "no product named"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve(c[0] + ".yaml");
            Files.writeString(f, c[1]);
            CliTest.Result r = gpusim("validate", f.toString());
            assertEquals(2, r.code(), c[0]);
            assertTrue(r.err().contains(c[2]), c[0] + ": " + r.err());
            assertTrue(r.err().startsWith(f + ":"), c[0] + ": " + r.err());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), c[0] + ": " + r.err());
            for (String line : r.err().strip().split("\\R")) {
                assertTrue(line.matches(".+?:(\\d+:\\d+: )?.*"), line);
            }
        }
    }

    @Test
    void outputDirectoryProblemsAreRefusedBeforeRunning() throws Exception {
        Path file = dir.resolve("plain-file");
        Files.writeString(file, "x");
        CliTest.Result notDir = gpusim("batch", CliTest.BASELINE, "--runs", "5", "--out", file.toString());
        assertEquals(2, notDir.code());
        assertTrue(notDir.err().contains("exists and is not a directory"), notDir.err());
        CliTest.Result under = gpusim(
                "batch",
                CliTest.BASELINE,
                "--runs",
                "5",
                "--out",
                file.resolve("sub").toString());
        assertEquals(2, under.code());
        assertTrue(under.err().contains("cannot be created"), under.err());
        CliTest.Result noOut = gpusim("batch", CliTest.BASELINE, "--runs", "5", "--resume");
        assertEquals(2, noOut.code());
        assertTrue(noOut.err().contains("--resume needs the output directory"), noOut.err());
    }

    @Test
    void anOutputDirectoryTheFileSystemRefusesIsAnErrorBeforeAnythingRuns() {
        assumeTrue(Files.isDirectory(Path.of("/proc", "self")), "a Linux /proc, where no directory can be made");
        Path refused = Path.of("/proc", "gpusim-out");
        for (String command : new String[] {"run", "batch"}) {
            CliTest.Result r = command.equals("run")
                    ? gpusim(command, CliTest.BASELINE, "--out", refused.toString())
                    : gpusim(command, CliTest.BASELINE, "--runs", "3", "--out", refused.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("", r.out(), "nothing is simulated");
            assertTrue(
                    r.err()
                            .startsWith("gpusim " + command + ": --out " + refused
                                    + " cannot be created: no such file or directory"),
                    r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Path fresh = dir.resolve("a").resolve("b");
        CliTest.Result dry = gpusim("batch", CliTest.BASELINE, "--runs", "3", "--out", fresh.toString(), "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertFalse(Files.exists(dir.resolve("a")), "checking a new directory leaves nothing behind");
    }

    @Test
    void aStudyThatFailsAfterTakingItsOutputDirectoryLeavesNoneBehind() throws Exception {
        for (String command : new String[] {"batch", "sweep"}) {
            Path out = dir.resolve(command).resolve("out");
            CliTest.Result r = command.equals("batch")
                    ? gpusim(command, CliTest.BASELINE, "--runs", "2", "--resume", "--out", out.toString())
                    : gpusim(
                            command,
                            CliTest.BASELINE,
                            "--runs",
                            "2",
                            "--vary",
                            "products[0].tpp=2000,2368",
                            "--resume",
                            "--out",
                            out.toString());
            assertEquals(2, r.code(), r.err());
            assertEquals(
                    "gpusim " + command + ": --resume " + out + " holds no interrupted study",
                    r.err().strip());
            assertFalse(Files.exists(dir.resolve(command)), command + ": the directories it made are removed");
        }
        Path existing = Files.createDirectory(dir.resolve("existing"));
        Files.writeString(existing.resolve("notes.txt"), "mine\n");
        Map<String, String> before = snapshot(existing);
        CliTest.Result r = gpusim("batch", CliTest.BASELINE, "--runs", "2", "--resume", "--out", existing.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(before, snapshot(existing), "a directory that was there keeps what it held, and only that");
    }

    @Test
    void aRunRefusedAfterTakingItsOutputDirectoryLeavesItAsItWas() throws Exception {
        Path out = dir.resolve("out");
        CliTest.succeeds("batch", CliTest.BASELINE, "--runs", "3", "--out", out.toString(), "--quiet");
        Map<String, String> before = snapshot(out);
        CliTest.Result r = gpusim("run", CliTest.BASELINE, "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(
                "gpusim run: --out " + out + " holds a different study; use another directory, or --overwrite to "
                        + "replace it",
                r.err().strip());
        assertEquals(before, snapshot(out), "no lock file or output is left in it");
    }

    @Test
    void aDirectoryWhereAnOutputFileGoesIsRefusedBeforeAnythingRuns() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out").resolve("summary.csv"));
        CliTest.Result run =
                gpusim("run", CliTest.BASELINE, "--out", out.getParent().toString());
        assertEquals(2, run.code(), run.err());
        assertEquals("", run.out(), "nothing is simulated");
        assertTrue(
                run.err().startsWith("gpusim run: --out " + out + " is a directory, where gpusim writes a file"),
                run.err());
        CliTest.Result batch = gpusim(
                "batch",
                CliTest.BASELINE,
                "--runs",
                "2",
                "--out",
                out.getParent().toString(),
                "--quiet");
        assertEquals(2, batch.code(), batch.err());
        assertEquals(
                "gpusim batch: --out " + out + " is a directory, where gpusim writes a file",
                batch.err().strip());
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of(out), left.toList(), "nothing is written beside it");
        }
    }

    @Test
    void verboseIsAccepted() {
        assertEquals(0, gpusim("run", CliTest.BASELINE, "--verbose").code());
    }
}
