package io.gpusim.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gpusim.core.metrics.Metric;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON API over HTTP: what it lists, what it refuses, and how runs go, end, cancel and survive clients. */
class ExplorerServerTest {
    /** Rows per cell in a summary: one per metric. */
    private static final int METRICS = Metric.values().length;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path tmp;

    static Path scenarios;
    static Path out;
    static ExplorerServer server;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Path repo = Path.of("..").toAbsolutePath().normalize();
        scenarios = Files.createDirectories(tmp.resolve("scenarios"));
        for (String f : List.of("h20-2025.yaml", "late-ban.yaml", "targets-h20-2025.yaml")) {
            Files.copy(repo.resolve("scenarios").resolve(f), scenarios.resolve(f));
        }
        Files.writeString(tmp.resolve("secret.yaml"), "name: outside\n");
        Files.createSymbolicLink(scenarios.resolve("escape.yaml"), tmp.resolve("secret.yaml"));
        out = tmp.resolve("out");
        server = ExplorerServer.start(ExplorerServer.Config.of(0, scenarios, out)
                .withLimits(2, 1, 150_000)
                .withProvenance("test", "unknown", tmp));
        base = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, JsonNode body, String text, HttpHeaders headers) {
        String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    static Reply get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), "t");
    }

    static Reply post(String path, String body) throws IOException, InterruptedException {
        return post(path, body, "t");
    }

    static Reply post(String path, String body, String client) throws IOException, InterruptedException {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                client);
    }

    static Reply send(HttpRequest.Builder b, String client) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(
                b.header("X-Gpusim-Client", client)
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode body = null;
        try {
            body = JSON.readTree(r.body());
        } catch (IOException notJson) {
            // pages and files
        }
        return new Reply(r.statusCode(), body, r.body(), r.headers());
    }

    /** A request written as is, for what HttpClient will not send (a malformed URL). */
    static Reply raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String text = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String[] headAndBody = text.split("\r\n\r\n", 2);
            String[] lines = headAndBody[0].split("\r\n");
            java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                String[] kv = lines[i].split(":\\s*", 2);
                headers.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv[1]);
            }
            return new Reply(
                    Integer.parseInt(lines[0].split(" ")[1]),
                    JSON.readTree(headAndBody[1]),
                    headAndBody[1],
                    HttpHeaders.of(headers, (k, v) -> true));
        }
    }

    /** An error in the API's shape with one problem: the status, JSON, the field at fault ("" for none), the message. */
    static void assertError(Reply r, int status, String field, String message) {
        assertEquals(status, r.status(), r.text());
        assertEquals("application/json", r.contentType(), r.text());
        assertEquals(
                field.isEmpty() ? message : field + ": " + message,
                r.body().get("error").asText(),
                r.text());
        assertEquals(1, r.body().get("errors").size(), r.text());
        assertEquals(field, r.body().get("errors").get(0).get("field").asText(), r.text());
        assertEquals(message, r.body().get("errors").get(0).get("message").asText(), r.text());
    }

    /** The status after the run ends, polled. */
    static JsonNode await(String id) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode s = get("/api/runs/" + id).body();
            String state = s.get("state").asText();
            if (state.equals("done") || state.equals("failed") || state.equals("cancelled")) {
                return s;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + id + " did not end");
    }

    static void assertField(Reply r, int status, String field) {
        assertEquals(status, r.status(), r.text());
        List<String> fields = new ArrayList<>();
        r.body().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertTrue(fields.contains(field), "errors name " + field + ": " + r.text());
        assertTrue(r.body().get("error").asText().contains(field), r.text());
    }

    @Test
    void listsTheScenariosOfTheFolderAndSaysWhichDoNotLoad() throws Exception {
        Reply r = get("/api/scenarios");
        assertEquals(200, r.status());
        List<String> ids = new ArrayList<>();
        r.body().get("scenarios").forEach(s -> ids.add(s.get("id").asText()));
        assertTrue(ids.containsAll(List.of("h20-2025.yaml", "late-ban.yaml")), ids.toString());
        assertFalse(ids.contains("escape.yaml"), "a link out of the folder is not offered");
        assertEquals(
                "targets-h20-2025.yaml",
                r.body().get("invalid").get(0).get("id").asText());
    }

    @Test
    void aScenarioComesWithItsLeversAndTheirRangesFromTheSchema() throws Exception {
        JsonNode s = get("/api/scenarios/h20-2025.yaml").body();
        assertEquals("h20-2025", s.get("name").asText());
        JsonNode grace = null;
        JsonNode banDate = null;
        JsonNode reversal = null;
        for (JsonNode p : s.get("levers")) {
            switch (p.get("path").asText()) {
                case "regulator.graceDays" -> grace = p;
                case "regulator.banDate" -> banDate = p;
                case "regulator.reversal.probability" -> reversal = p;
                default -> {}
            }
        }
        assertEquals("integer", grace.get("type").asText());
        assertEquals(0, grace.get("minimum").asInt());
        assertEquals(3650, grace.get("maximum").asInt());
        assertEquals("days", grace.get("unit").asText());
        assertEquals(0, grace.get("value").asInt());
        assertEquals("date", banDate.get("type").asText());
        assertEquals("2025-04-09", banDate.get("value").asText());
        assertTrue(reversal.get("value").isNull(), "a lever the file leaves out is offered without a value");
        assertEquals(1.0, reversal.get("maximum").asDouble());
        boolean leakWeight = false;
        for (JsonNode p : s.get("parameters")) {
            leakWeight |= p.get("path").asText().equals("beliefs.leakWeight");
        }
        assertTrue(leakWeight, "other parameters are listed too");
        assertEquals(METRICS, s.get("metrics").size());
        assertEquals(200, get("/api/schema").status());
    }

    @Test
    void scenariosAreReadOnlyFromTheFolder() throws Exception {
        for (String name : List.of("..%2Fsecret.yaml", "%2Fetc%2Fpasswd", "..", "a%5Cb.yaml")) {
            int status = get("/api/scenarios/" + name).status();
            assertTrue(status == 400 || status == 404, name + " -> " + status);
        }
        assertEquals(404, get("/api/scenarios/escape.yaml").status(), "a link leading out of the folder");
        for (String name : List.of("../secret.yaml", "/etc/passwd", "escape.yaml", "scenarios/h20-2025.yaml")) {
            Reply r = post("/api/run", "{\"scenario\": \"" + name + "\", \"runs\": 10}");
            assertField(r, 400, "scenario");
        }
    }

    @Test
    void badInputIsA400NamingTheField() throws Exception {
        assertField(post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 0}"), 400, "runs");
        assertField(post("/api/run", "{\"scenario\": \"h20-2025.yaml\"}"), 400, "runs");
        assertField(post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"seed\": 1.5}"), 400, "seed");
        assertField(
                post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 200000}"),
                400,
                "runs"); // over the server's cap
        assertField(
                post(
                        "/api/run",
                        "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"set\": {\"regulator.graceDays\": 5000}}"),
                400,
                "set.regulator.graceDays");
        assertField(
                post(
                        "/api/run",
                        "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"set\": {\"regulator.banDate\": \"soon\"}}"),
                400,
                "set.regulator.banDate");
        assertField(
                post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"set\": {\"regulator.nope\": 1}}"),
                400,
                "set.regulator.nope");
        assertField(post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"color\": 1}"), 400, "color");
        assertField(
                post(
                        "/api/compare",
                        "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"b\": {\"name\": \"later\", \"set\": {}}}"),
                400,
                "b.set");
        assertField(
                post(
                        "/api/compare",
                        "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"b\": {\"set\": "
                                + "{\"regulator.leak.probability\": 2}}}"),
                400,
                "b.set.regulator.leak.probability");
        assertField(
                post(
                        "/api/sweep",
                        "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"vary\": [{\"path\": \"regulator.graceDays\","
                                + " \"low\": 30, \"high\": 10}]}"),
                400,
                "vary[0]");
        assertField(
                post(
                        "/api/sweep",
                        "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"vary\": [{\"path\": \"regulator.graceDays\","
                                + " \"low\": 0, \"high\": 9000}]}"),
                400,
                "vary");
        // a range and a list together, or a value listed twice: refused rather than one of them dropped or run twice
        Reply both = post(
                "/api/sweep",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"vary\": [{\"path\": \"regulator.graceDays\","
                        + " \"low\": 0, \"high\": 30, \"values\": [1, 2]}]}");
        assertField(both, 400, "vary[0]");
        assertTrue(both.text().contains("either values or low and high, not both"), both.text());
        Reply twice = post(
                "/api/sweep",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"vary\": [{\"path\": \"regulator.graceDays\","
                        + " \"values\": [1, 1]}]}");
        assertField(twice, 400, "vary[0].values[1]");
        assertTrue(twice.text().contains("'1' is listed twice"), twice.text());
        // a number given as text is refused in every numeric field, not read in some
        String batch = "{\"scenario\": \"h20-2025.yaml\", ";
        assertError(
                post("/api/run", batch + "\"runs\": 10, \"seed\": \"7\"}"),
                400,
                "seed",
                "must be a whole number (64-bit), got \"7\"");
        assertError(
                post("/api/run", batch + "\"runs\": \"2\"}"),
                400,
                "runs",
                "must be a whole number from 1 to 150000, got \"2\"");
        assertError(
                post(
                        "/api/sweep",
                        batch + "\"runs\": 10, \"points\": \"3\", "
                                + "\"vary\": [{\"path\": \"regulator.graceDays\", \"low\": 0, \"high\": 30}]}"),
                400,
                "points",
                "must be a whole number from 2 to 25, got \"3\"");
        // a bad swept value is named by its own field, not the parameter's path or the study file's field
        String sweep = "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, ";
        Reply listed =
                post("/api/sweep", sweep + "\"vary\": [{\"path\": \"regulator.graceDays\", \"values\": [0, \"x\"]}]}");
        assertField(listed, 400, "vary[0].values[1]");
        assertFalse(listed.text().contains("vary[0].path"), listed.text());
        assertField(
                post(
                        "/api/sweep",
                        sweep + "\"vary\": [{\"path\": \"regulator.banDate\", \"low\": \"soon\", "
                                + "\"high\": \"2025-07-01\"}]}"),
                400,
                "vary[0].low");
        assertField(
                post("/api/sweep", sweep + "\"vary\": [{\"path\": \"regulator.nope\", \"values\": [1, 2]}]}"),
                400,
                "vary[0].path");
        Reply setAndVaried = post(
                "/api/sweep",
                sweep + "\"set\": {\"regulator.graceDays\": 5}, "
                        + "\"vary\": [{\"path\": \"regulator.graceDays\", \"values\": [0, 30]}]}");
        assertField(setAndVaried, 400, "vary");
        assertTrue(setAndVaried.text().contains("regulator.graceDays is both set and varied"), setAndVaried.text());
        Reply notJson = post("/api/run", "{runs: ");
        assertEquals(400, notJson.status(), notJson.text());
        Reply plain = send(
                HttpRequest.newBuilder(URI.create(base + "/api/run"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("{}")),
                "t");
        assertEquals(415, plain.status());
        // the media type itself, not its first letters
        for (String type :
                List.of("application/jsonp", "application/json-patch+json", "application/json, text/plain")) {
            Reply other = send(
                    HttpRequest.newBuilder(URI.create(base + "/api/run"))
                            .header("Content-Type", type)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"scenario\": \"h20-2025.yaml\", \"runs\": 2}")),
                    "t");
            assertEquals(415, other.status(), type);
        }
        assertField(get("/api/runs/nope"), 404, "id");
        assertField(get("/api/scenarios/targets-h20-2025.yaml"), 400, "scenario");
        assertEquals(404, get("/api/nothing").status());
        assertEquals(
                "application/json",
                HTTP.send(
                                HttpRequest.newBuilder(URI.create(base + "/api/nothing"))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .headers()
                        .firstValue("Content-Type")
                        .orElse(""));
    }

    @Test
    void whatTheServerRefusesBeforeAHandlerIsAJsonErrorToo() throws Exception {
        String big = "{\"scenario\": \"" + "x".repeat(ExplorerServer.MAX_BODY_BYTES) + "\"}";
        assertError(
                raw("POST /api/run HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + big.length() + "\r\n\r\n" + big),
                413,
                "",
                "the request body is over the limit of 1000000 bytes");
        for (String path : List.of("/api/scenarios/%zz", "/api/scenarios/a%2", "/api/runs/%C0%AF")) {
            Reply r = raw("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            assertEquals(400, r.status(), path + ": " + r.text());
            assertEquals("application/json", r.contentType(), path);
            assertTrue(r.body().get("error").asText().startsWith("the request is malformed: "), r.text());
        }
        assertError(
                raw("GET /api/sc%20enarios HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\nConnection: close\r\n\r\n"),
                400,
                "",
                "the request is malformed: Illegal character SPACE=' '");
    }

    @Test
    void aPathAskedWithAMethodItDoesNotTakeIsA405ListingTheOnesItDoes() throws Exception {
        Reply put = send(
                HttpRequest.newBuilder(URI.create(base + "/api/runs/nope")).PUT(HttpRequest.BodyPublishers.noBody()),
                "t");
        assertError(put, 405, "", "PUT /api/runs/nope: the method is not allowed here; allowed: GET, DELETE, HEAD");
        assertEquals("GET, DELETE, HEAD", put.headers().firstValue("Allow").orElse(""));
        Reply get = get("/api/run");
        assertError(get, 405, "", "GET /api/run: the method is not allowed here; allowed: POST");
        assertEquals("POST", get.headers().firstValue("Allow").orElse(""));
        assertError(get("/api/nothing"), 404, "", "no such API endpoint: GET /api/nothing");
        // HEAD answers as GET does, without the body
        HttpResponse<String> head = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/scenarios"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals(
                "application/json", head.headers().firstValue("Content-Type").orElse(""));
        assertEquals("", head.body());
        assertEquals(
                get("/api/scenarios").text().getBytes(StandardCharsets.UTF_8).length,
                head.headers().firstValueAsLong("Content-Length").orElse(-1));
        for (String path : List.of("/api/runs/nope", "/api/runs/nope/progress")) {
            HttpResponse<String> missing = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .method("HEAD", HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode(), path);
            assertEquals(
                    "application/json",
                    missing.headers().firstValue("Content-Type").orElse(""),
                    path);
        }
    }

    @Test
    void theProgressOfAnUnknownRunIsA404LikeItsStatus() throws Exception {
        Reply r = send(
                HttpRequest.newBuilder(URI.create(base + "/api/runs/nope/progress"))
                        .header("Accept", "text/event-stream"),
                "t");
        assertError(r, 404, "id", "no run 'nope'");
    }

    @Test
    void anErrorAboutThousandsOfUnknownKeysStaysSmall() throws Exception {
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            set.append(i == 0 ? "" : ", ").append("\"qqqqqqqq").append(i).append("\": 1");
        }
        String request = "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"set\": {" + set + "}}";
        Reply r = post("/api/run", request);
        assertField(r, 400, "set.qqqqqqqq4");
        JsonNode errors = r.body().get("errors");
        assertEquals(RunRequest.Errors.UNKNOWN_SHOWN + 1, errors.size(), r.text());
        assertTrue(errors.get(0).get("message").asText().contains("; known: "), r.text());
        assertEquals(
                "no field 'qqqqqqqq1' in the scenario",
                errors.get(1).get("message").asText(),
                "listed once");
        assertEquals("", errors.get(5).get("field").asText());
        assertEquals(
                "4995 more unknown fields not listed",
                errors.get(5).get("message").asText());
        assertTrue(r.text().length() < request.length() / 10, r.text().length() + " bytes");
        Reply longKey = post(
                "/api/run",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"set\": {\"" + "q".repeat(50_000) + "\": 1}}");
        assertEquals(400, longKey.status());
        assertEquals(
                "set." + "q".repeat(196) + "...",
                longKey.body().get("errors").get(0).get("field").asText());
        assertTrue(longKey.text().length() < 2_000, longKey.text());
        Reply fields = post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 10, \"x\": 1, \"y\": 2}");
        assertEquals(
                "x: unknown field; expected runs, scenario, seed, set; y: unknown field",
                fields.body().get("error").asText());
    }

    @Test
    void onlyRequestsAddressedToThisMachineAreAnswered() throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            OutputStream os = s.getOutputStream();
            os.write(("GET /api/scenarios HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            os.flush();
            String status =
                    new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertTrue(status.contains(" 403 "), status);
        }
    }

    @Test
    void thePageAndItsChartLibraryComeFromTheServer() throws Exception {
        Reply page = get("/");
        assertEquals(200, page.status());
        assertTrue(page.text().contains("gpusim policy explorer"));
        assertTrue(page.text().contains("/webjars/echarts/"));
        assertEquals(200, get("/app.js").status());
        HttpResponse<Void> js = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/webjars/echarts/5.3.1/dist/echarts.min.js"))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        assertEquals(200, js.statusCode());
    }

    @Test
    void aBatchReportsProgressAndGivesTheFilesTheCommandLineWrites() throws Exception {
        Reply r = post(
                "/api/run",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 300, \"seed\": 7, "
                        + "\"set\": {\"regulator.graceDays\": 30, \"regulator.banDate\": \"2025-06-01\"}}",
                "batch");
        assertEquals(202, r.status(), r.text());
        String id = r.body().get("id").asText();
        assertEquals(
                "gpusim batch scenarios/h20-2025.yaml --runs 300 --seed 7 --set regulator.graceDays=30 "
                        + "--set regulator.banDate=2025-06-01 --out explorer-batch --series",
                r.body().get("command_line").asText());

        List<String> events = new ArrayList<>();
        HttpResponse<Stream<String>> sse = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/progress"))
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(120))
                        .build(),
                HttpResponse.BodyHandlers.ofLines());
        try (Stream<String> lines = sse.body()) {
            lines.filter(l -> l.startsWith("event: ")).forEach(events::add);
        }
        assertEquals("event: end", events.get(events.size() - 1), events.toString());
        assertTrue(events.contains("event: progress"));

        JsonNode status = get("/api/runs/" + id).body();
        assertEquals("done", status.get("state").asText());
        assertEquals(300, status.get("done").asLong());
        JsonNode results = get("/api/runs/" + id + "/results").body();
        assertEquals(METRICS, results.get("summary").size());
        JsonNode row = results.get("summary").get(0);
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        String header =
                Files.readAllLines(out.resolve(id).resolve("summary.csv")).get(0);
        assertEquals(header, String.join(",", names), "the API's fields are the CSV's columns");
        assertEquals("2025-07-01", results.get("cells").get(0).get("ban_date").asText(), "announced + 30 days");
        List<String> files = new ArrayList<>();
        results.get("files").forEach(f -> files.add(f.asText()));
        assertEquals(
                List.of(
                        "runs.csv",
                        "summary.csv",
                        "products.csv",
                        "products_summary.csv",
                        "series.csv",
                        "failures.csv",
                        "manifest.json"),
                files);

        Reply summary = get("/api/runs/" + id + "/files/summary.csv");
        assertEquals(Files.readString(out.resolve(id).resolve("summary.csv")), summary.text());
        assertField(get("/api/runs/" + id + "/files/..%2F..%2Fsecret.yaml"), 400, "name");
        JsonNode manifest = get("/api/runs/" + id + "/files/manifest.json").body();
        assertEquals("gpusim", manifest.get("commandLine").get(0).asText());
        assertEquals("batch", manifest.get("commandLine").get(1).asText());

        JsonNode series = get("/api/runs/" + id + "/series?series=buyer_stock_vendor_units")
                .body();
        assertTrue(series.get("rows").size() > 100);
        assertEquals(
                "buyer_stock_vendor_units",
                series.get("rows").get(0).get("series").asText());
        assertField(get("/api/runs/" + id + "/series?series=nope"), 400, "series");
        JsonNode values =
                get("/api/runs/" + id + "/values?metric=stockpile_units_at_ban").body();
        assertEquals(300, values.get("cells").get(0).get("values").size());
        assertField(get("/api/runs/" + id + "/values?metric=stockpile"), 400, "metric");
    }

    @Test
    void aCancelledRunLeavesNothingBehind() throws Exception {
        Reply r = post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 100000}", "cancel");
        assertEquals(202, r.status(), r.text());
        String id = r.body().get("id").asText();
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (get("/api/runs/" + id).body().get("done").asLong() < 500 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(Files.isDirectory(out.resolve(id)), "the run writes into its folder");
        Reply c = send(
                HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id)).DELETE(), "cancel");
        assertEquals(200, c.status());
        assertEquals("cancelled", c.body().get("state").asText(), "the answer comes once the run has stopped");
        JsonNode s = await(id);
        assertEquals("cancelled", s.get("state").asText());
        assertTrue(s.get("done").asLong() < 100000);
        assertFalse(Files.exists(out.resolve(id)), "nothing of a cancelled run is left");
        try (Stream<Path> left = Files.walk(out)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no half-written file");
        }
        assertEquals(409, get("/api/runs/" + id + "/results").status());
    }

    @Test
    void oneRunAtATimePerClientWithALimitedQueue() throws Exception {
        String body = "{\"scenario\": \"h20-2025.yaml\", \"runs\": 100000}";
        Reply first = post("/api/run", body, "queue");
        Reply second = post("/api/run", body, "queue");
        assertEquals(202, first.status(), first.text());
        assertEquals(202, second.status(), second.text());
        assertEquals("queued", second.body().get("state").asText());
        assertEquals(1, second.body().get("position").asInt());
        Reply third = post("/api/run", body, "queue");
        assertEquals(429, third.status(), "the queue holds one run (this server's limit)");
        // a cancel sent as a form could come from another site: refused, and the run goes on
        Reply form = send(
                HttpRequest.newBuilder(URI.create(
                                base + "/api/runs/" + first.body().get("id").asText() + "/cancel"))
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.noBody()),
                "queue");
        assertEquals(415, form.status(), form.text());
        for (Reply r : List.of(second, first)) {
            send(
                    HttpRequest.newBuilder(URI.create(
                                    base + "/api/runs/" + r.body().get("id").asText() + "/cancel"))
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    "queue");
        }
        assertEquals(
                "cancelled", await(first.body().get("id").asText()).get("state").asText());
        assertEquals(
                "cancelled",
                await(second.body().get("id").asText()).get("state").asText());
        assertFalse(Files.exists(out.resolve(second.body().get("id").asText())));
    }

    @Test
    void aClientThatGoesAwayMidRunDoesNotStopTheServerOrTheRun() throws Exception {
        Reply r = post("/api/run", "{\"scenario\": \"h20-2025.yaml\", \"runs\": 4000}", "leaver");
        String id = r.body().get("id").asText();
        HttpResponse<InputStream> sse = HTTP.send(
                HttpRequest.newBuilder(URI.create(base + "/api/runs/" + id + "/progress"))
                        .header("Accept", "text/event-stream")
                        .build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = sse.body()) {
            assertTrue(in.read(new byte[64]) > 0, "the stream starts");
        } // closed mid-run: the client is gone
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.getOutputStream()
                    .write(("GET /api/runs/" + id + "/progress HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Accept: text/event-stream\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            assertTrue(s.getInputStream().read() >= 0);
        } // and a raw socket cut without a word
        assertEquals(200, get("/api/scenarios").status(), "the server still answers");
        assertEquals("done", await(id).get("state").asText(), "the run goes on to the end");
        assertEquals(200, get("/api/runs/" + id + "/results").status());
    }

    @Test
    void aComparisonAndASweepRunLikeTheirCommands() throws Exception {
        Reply c = post(
                "/api/compare",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 100, \"b\": {\"name\": \"grace\", "
                        + "\"set\": {\"regulator.graceDays\": 60}}}",
                "kinds");
        assertEquals(202, c.status(), c.text());
        assertEquals(
                "gpusim compare scenarios/h20-2025.yaml --policy grace:regulator.graceDays=60 --runs 100 --seed 1 "
                        + "--out explorer-compare --series",
                c.body().get("command_line").asText());
        String cid = c.body().get("id").asText();
        assertEquals("done", await(cid).get("state").asText());
        JsonNode cr = get("/api/runs/" + cid + "/results").body();
        assertEquals("h20-2025", cr.get("cells").get(0).get("scenario").asText());
        assertEquals("grace", cr.get("cells").get(1).get("scenario").asText());
        assertEquals(METRICS, cr.get("compare").size());
        assertTrue(cr.get("compare").get(0).has("p_b_gt_a"));

        Reply s = post(
                "/api/sweep",
                "{\"scenario\": \"h20-2025.yaml\", \"runs\": 20, \"points\": 3, \"vary\": ["
                        + "{\"path\": \"regulator.banDate\", \"low\": \"2024-10-01\", \"high\": \"2025-07-01\"},"
                        + "{\"path\": \"regulator.graceDays\", \"values\": [0, 30]}]}",
                "kinds");
        assertEquals(202, s.status(), s.text());
        assertEquals(
                "gpusim sweep scenarios/h20-2025.yaml --vary regulator.banDate=2024-10-01:2025-07-01 "
                        + "--vary regulator.graceDays=0,30 --design grid --points 3 --runs 20 --seed 1",
                s.body().get("command_line").asText());
        String sid = s.body().get("id").asText();
        assertEquals("done", await(sid).get("state").asText());
        JsonNode sr = get("/api/runs/" + sid + "/results").body();
        assertEquals(6, sr.get("points").size());
        assertEquals(6 * METRICS, sr.get("summary").size());
        assertEquals("regulator.banDate", sr.get("vary").get(0).asText());
    }
}
