package io.gpusim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpusim.web.ExplorerServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The numbers of the explorer are the command line's: a batch, a comparison and a sweep asked for through the API,
 * then the command line the server gives for each, run as it stands: the same files, byte for byte.
 */
class WebCliEquivalenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;

    static ExplorerServer server;

    @BeforeAll
    static void start() throws Exception {
        server = ExplorerServer.start(ExplorerServer.Config.of(0, Path.of("..", "scenarios"), dir.resolve("web")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Asks for a study, waits for it, runs its command line, and compares every file both wrote. */
    static JsonNode sameAsTheCommandLine(String endpoint, String body, List<String> files) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(server.url() + "api/" + endpoint))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, r.statusCode(), r.body());
        JsonNode status = JSON.readTree(r.body());
        String id = status.get("id").asText();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!status.get("state").asText().equals("done") && System.nanoTime() < deadline) {
            assertTrue(List.of("queued", "running").contains(status.get("state").asText()), status.toString());
            Thread.sleep(50);
            status = JSON.readTree(HTTP.send(
                            HttpRequest.newBuilder(URI.create(server.url() + "api/runs/" + id))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
        }
        List<String> args = new ArrayList<>();
        status.get("command").forEach(a -> args.add(a.asText()));
        assertEquals("gpusim", args.remove(0));
        Path cli = dir.resolve("cli-" + id);
        writingInto(args, cli);
        CliTest.Result run = CliTest.gpusim(args.toArray(new String[0]));
        assertEquals(0, run.code(), run.err());
        Path web = dir.resolve("web").resolve(id);
        for (String f : files) {
            assertArrayEquals(
                    Files.readAllBytes(cli.resolve(f)),
                    Files.readAllBytes(web.resolve(f)),
                    f + " of " + String.join(" ", args));
        }
        assertEquals(
                JSON.readTree(cli.resolve("manifest.json").toFile()).get("studyFingerprint"),
                JSON.readTree(web.resolve("manifest.json").toFile()).get("studyFingerprint"));
        return status;
    }

    /**
     * A command line from the explorer, run as given except that its output folder (the one it names, or an added
     * {@code --out}) is {@code out}, and quietly.
     */
    static void writingInto(List<String> args, Path out) {
        // the line must run as it is shown: series.csv needs an output folder, so a line asking for it names one
        assertTrue(!args.contains("--series") || args.contains("--out"), "no --out for --series: " + args);
        int at = args.indexOf("--out");
        if (at >= 0) {
            args.set(at + 1, out.toString());
        } else {
            args.addAll(List.of("--out", out.toString()));
        }
        args.add("--quiet");
    }

    @Test
    void aBatchWithEditedLevers() throws Exception {
        JsonNode s = sameAsTheCommandLine(
                "run",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 200, \"seed\": 11, \"set\": {"
                        + "\"regulator.banDate\": \"2025-06-01\", \"regulator.graceDays\": 30,"
                        + " \"regulator.leak.probability\": 0.5, \"hyperscalers[Tencent].anticipation\": false,"
                        + " \"hyperscalers[0].budgetUsdPerYear\": 2e10}}",
                List.of("runs.csv", "summary.csv", "series.csv", "failures.csv"));
        assertTrue(s.get("command_line").asText().contains("'hyperscalers[Tencent].anticipation=false'"));
    }

    @Test
    void aComparison() throws Exception {
        sameAsTheCommandLine(
                "compare",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 150, \"set\": {\"regulator.leak.leadDays\": 100},"
                        + " \"b\": {\"name\": \"later\", \"set\": {\"regulator.banDate\": \"2025-07-01\"}}}",
                List.of("runs.csv", "summary.csv", "series.csv", "compare.csv", "failures.csv"));
        sameAsTheCommandLine(
                "compare",
                "{\"scenario\": \"late-ban.yaml\", \"runs\": 60, \"a\": {\"name\": \"nograce\", \"set\":"
                        + " {\"regulator.graceDays\": 0}}, \"b\": {\"name\": \"grace\", \"set\":"
                        + " {\"regulator.graceDays\": 45, \"regulator.reversal.probability\": 0.5,"
                        + " \"regulator.reversal.afterDays\": 90}}}",
                List.of("runs.csv", "summary.csv", "compare.csv"));
    }

    @Test
    void aTwoLeverSweep() throws Exception {
        sameAsTheCommandLine(
                "sweep",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 25, \"points\": 3, \"vary\": ["
                        + "{\"path\": \"regulator.banDate\", \"low\": \"2024-10-01\", \"high\": \"2025-07-01\"},"
                        + "{\"path\": \"beliefs.leakWeight\", \"low\": 1, \"high\": 5}]}",
                List.of("runs.csv", "summary.csv", "points.csv", "failures.csv"));
    }
}
