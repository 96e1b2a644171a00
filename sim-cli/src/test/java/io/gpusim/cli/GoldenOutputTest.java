package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outputs pinned byte for byte: small batch, sweep, compare, study, sensitivity, calibration (single and joint) and
 * episode-check runs whose printed tables and output files (all but the manifest, which holds times and paths) must
 * equal the recorded ones. A change that moves any number fails here; when the change is meant to (a model change, documented), record the new
 * outputs with {@code mvn -pl sim-cli test -Dtest=GoldenOutputTest -Dgolden.update=true} and say why in the commit.
 */
class GoldenOutputTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden");
    private static final String LATE_BAN =
            Path.of("..", "scenarios", "late-ban.yaml").toString();
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    @TempDir
    Path dir;

    static Stream<Arguments> commands() {
        return Stream.of(
                Arguments.of(
                        "batch",
                        List.of(
                                "batch",
                                CliTest.BASELINE,
                                LATE_BAN,
                                "--runs",
                                "40",
                                "--seed",
                                "7",
                                "--series",
                                "--threads",
                                "2",
                                "--quiet")),
                Arguments.of(
                        "sweep",
                        List.of(
                                "sweep",
                                CliTest.BASELINE,
                                "--vary",
                                "beliefs.leakWeight=1:6",
                                "--vary",
                                "regulator.banDate=2024-10-01:2025-07-01",
                                "--design",
                                "lhs",
                                "--points",
                                "4",
                                "--runs",
                                "12",
                                "--seed",
                                "11",
                                "--threads",
                                "2",
                                "--quiet")),
                Arguments.of(
                        "compare",
                        List.of(
                                "compare",
                                CliTest.BASELINE,
                                "--policy",
                                "grace:regulator.graceDays=30",
                                "--runs",
                                "30",
                                "--seed",
                                "5",
                                "--threads",
                                "2",
                                "--quiet")),
                Arguments.of("study", List.of("study", "STUDY", "--threads", "2", "--quiet")),
                Arguments.of(
                        "sensitivity",
                        List.of(
                                "sensitivity",
                                CliTest.BASELINE,
                                "--vary",
                                "beliefs.leakWeight=1:6",
                                "--vary",
                                "vendor.safetyStockWeeks=2:12",
                                "--base-points",
                                "4",
                                "--runs",
                                "3",
                                "--bootstrap",
                                "20",
                                "--threads",
                                "2",
                                "--quiet")),
                Arguments.of(
                        "calibrate",
                        List.of(
                                "calibrate",
                                CliTest.BASELINE,
                                "--targets",
                                CalibrateCliTest.TARGETS,
                                "--vary",
                                "products[0].unitCostUsd=3000:8000",
                                "--runs",
                                "6",
                                "--max-evals",
                                "40",
                                "--threads",
                                "2")),
                Arguments.of(
                        "calibrate-joint",
                        List.of(CalibrateCliTest.joint("--runs", "6", "--max-evals", "20", "--threads", "2"))),
                Arguments.of(
                        "validate-episodes",
                        List.of(ValidateEpisodesCliTest.episodes(
                                "--runs", "6", "--max-evals", "20", "--check-runs", "20", "--threads", "2"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commands")
    void outputsEqualTheRecordedOnes(String name, List<String> command) throws Exception {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>();
        for (String a : command) {
            args.add(a.equals("STUDY") ? studyFile().toString() : a);
        }
        args.add("--out");
        args.add(out.toString());
        CliTest.Result r = gpusim(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        StringBuilder actual = new StringBuilder();
        actual.append("# stdout\n").append(r.out());
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            files = s.filter(p -> !p.getFileName().toString().equals("manifest.json"))
                    .sorted()
                    .toList();
        }
        actual.append("# files (SHA-256)\n");
        for (Path f : files) {
            actual.append(f.getFileName()).append(' ').append(sha256(f)).append('\n');
        }
        Path golden = GOLDEN.resolve(name + ".txt");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no recorded outputs in " + golden + "; record them with -Dgolden.update=true");
        }
        assertEquals(
                Files.readString(golden, StandardCharsets.UTF_8),
                actual.toString(),
                "outputs of '" + name + "' changed");
    }

    /** A small study file (grid over the ban date) in the temporary directory. */
    private Path studyFile() throws IOException {
        Path baseline = Path.of(CliTest.BASELINE).toAbsolutePath().normalize();
        Path file = dir.resolve("study.yaml");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "name: golden",
                        "scenarios:",
                        "  - " + baseline,
                        "set:",
                        "  regulator.leak.leadDays: 70",
                        "design:",
                        "  type: grid",
                        "  vary:",
                        "    - regulator.banDate=2024-10-01,2025-04-09",
                        "runs: 15",
                        "seed: 2025",
                        "output:",
                        "  series: true",
                        ""));
        return file;
    }

    private static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
