package io.gpusim.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpusim.core.Calendar;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.experiment.Cell;
import io.gpusim.experiment.Study;
import io.gpusim.experiment.StudyDefinition;
import io.gpusim.experiment.StudyKind;
import io.gpusim.experiment.StudyPipeline;
import io.gpusim.experiment.StudyResult;
import io.gpusim.experiment.SummaryRow;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.router.exception.HttpResponseExceptionMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The policy explorer: a local web server with the page ({@code /}) and a JSON API ({@code /api}) over the
 * experiment layer. Scenarios are read only from the scenarios folder; each run's files go to a folder of its own
 * under the output directory, exactly as the command line writes them.
 */
public final class ExplorerServer implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = ScenarioLoader.jsonMapper();
    private static final String CLIENT_HEADER = "X-Gpusim-Client";
    /** The run a progress request is about, found before its stream starts. */
    private static final String RUN = "gpusim-run";

    /** Most bytes a request body may have (413 beyond). */
    static final int MAX_BODY_BYTES = 1_000_000;

    /**
     * How to serve.
     *
     * @param host address to bind (127.0.0.1 keeps the server to this machine)
     * @param port port, or 0 for any free one
     * @param scenarios the folder scenarios are read from
     * @param out the folder run outputs go to, one subfolder per run
     * @param workingDir where the equivalent command lines are run from (scenario paths are relative to it)
     * @param threads replication threads of one run
     * @param slots runs at once over all clients
     * @param queueLimit runs one client may have waiting behind its running one
     * @param maxReplications most replications one request may ask for (cells x runs)
     */
    public record Config(
            String host,
            int port,
            Path scenarios,
            Path out,
            Path workingDir,
            int threads,
            int slots,
            int queueLimit,
            int maxReplications,
            String version,
            String commit) {

        /** Defaults: this machine only, the given port and folders, every processor, one run at a time. */
        public static Config of(int port, Path scenarios, Path out) {
            return new Config(
                    "127.0.0.1",
                    port,
                    scenarios,
                    out,
                    Path.of(""),
                    Runtime.getRuntime().availableProcessors(),
                    1,
                    DEFAULT_QUEUE,
                    DEFAULT_MAX_REPLICATIONS,
                    "development",
                    "unknown");
        }

        public Config withHost(String newHost) {
            return new Config(
                    newHost,
                    port,
                    scenarios,
                    out,
                    workingDir,
                    threads,
                    slots,
                    queueLimit,
                    maxReplications,
                    version,
                    commit);
        }

        public Config withLimits(int newThreads, int newQueueLimit, int newMaxReplications) {
            return new Config(
                    host,
                    port,
                    scenarios,
                    out,
                    workingDir,
                    newThreads,
                    slots,
                    newQueueLimit,
                    newMaxReplications,
                    version,
                    commit);
        }

        public Config withProvenance(String newVersion, String newCommit, Path newWorkingDir) {
            return new Config(
                    host,
                    port,
                    scenarios,
                    out,
                    newWorkingDir,
                    threads,
                    slots,
                    queueLimit,
                    maxReplications,
                    newVersion,
                    newCommit);
        }
    }

    /** Runs one client may have waiting by default. */
    public static final int DEFAULT_QUEUE = 2;

    /** Most replications per request by default. */
    public static final int DEFAULT_MAX_REPLICATIONS = 200_000;

    private final Config config;
    private final Catalog catalog;
    private final RunManager runs;
    private final ScheduledExecutorService scheduler;
    private final Javalin app;
    private final Set<String> allowedHosts;

    private ExplorerServer(Config config) throws IOException {
        if (config.threads() < 1 || config.slots() < 1 || config.queueLimit() < 0 || config.maxReplications() < 1) {
            throw new IllegalArgumentException("threads, slots and the replication cap must be >= 1, the queue >= 0");
        }
        this.config = config;
        this.catalog = new Catalog(config.scenarios());
        Files.createDirectories(config.out());
        this.runs = new RunManager(
                config.out(),
                config.threads(),
                config.slots(),
                config.queueLimit(),
                new StudyPipeline.Provenance(config.version(), config.commit(), List.of()));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gpusim-web-progress");
            t.setDaemon(true);
            return t;
        });
        this.allowedHosts = loopback(config.host()) ? Set.of("127.0.0.1", "localhost", "[::1]") : null;
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.staticFiles.enableWebjars();
            c.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/io/gpusim/web/static";
                sf.location = Location.CLASSPATH;
            });
            c.http.maxRequestSize = MAX_BODY_BYTES;
            c.http.prefer405over404 = true; // a known path asked with another method: 405 with the methods it takes
            c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            c.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            c.routes.before(this::checkHost);
            get(c, "/api/scenarios", this::scenarios);
            get(c, "/api/scenarios/{id}", this::scenario);
            get(c, "/api/schema", ctx -> json(ctx, 200, Parameters.schema()));
            get(c, "/api/metrics", ctx -> json(ctx, 200, outputs()));
            c.routes.post("/api/run", ctx -> submit(ctx, StudyKind.BATCH));
            c.routes.post("/api/compare", ctx -> submit(ctx, StudyKind.COMPARE));
            c.routes.post("/api/sweep", ctx -> submit(ctx, StudyKind.SWEEP));
            get(c, "/api/runs", this::list);
            get(c, "/api/runs/{id}", ctx -> json(ctx, 200, status(run(ctx))));
            c.routes.delete("/api/runs/{id}", this::cancel);
            c.routes.post("/api/runs/{id}/cancel", ctx -> {
                requireJson(ctx); // as every POST: a form on another site cannot send it
                cancel(ctx);
            });
            get(c, "/api/runs/{id}/results", this::results);
            get(c, "/api/runs/{id}/series", this::series);
            get(c, "/api/runs/{id}/values", this::values);
            get(c, "/api/runs/{id}/files/{name}", this::file);
            SseHandler progress = new SseHandler(client -> {
                client.keepAlive();
                new ProgressStream(client.ctx().attribute(RUN), client, this::status, scheduler).start();
            });
            c.routes.get("/api/runs/{id}/progress", ctx -> {
                ctx.attribute(RUN, run(ctx)); // an unknown run is a 404 like any other, not a stream
                progress.handle(ctx);
            });
            c.routes.head("/api/runs/{id}/progress", ctx -> {
                run(ctx);
                ctx.contentType("text/event-stream");
            });
            c.routes.exception(ApiException.class, (e, ctx) -> {
                ObjectNode body = NODES.objectNode();
                body.put("error", e.getMessage());
                ArrayNode list = body.putArray("errors");
                for (ApiException.Problem p : e.problems()) {
                    list.addObject().put("field", p.field()).put("message", p.message());
                }
                json(ctx, e.status(), body);
            });
            c.routes.exception(
                    JsonProcessingException.class,
                    (e, ctx) -> json(
                            ctx, 400, problem("", "the request body is not valid JSON: " + e.getOriginalMessage())));
            c.routes.exception(HttpResponseException.class, this::refused);
            c.routes.exception(
                    Exception.class,
                    (e, ctx) -> json(
                            ctx,
                            500,
                            problem("", "internal error: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
        });
    }

    /** Starts a server; {@link #url()} says where. */
    public static ExplorerServer start(Config config) throws IOException {
        ExplorerServer s = new ExplorerServer(config);
        s.app.start(config.host(), config.port());
        Thread warm = new Thread(s::warmUp, "gpusim-web-warm-up");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        s.warmUp = warm;
        return s;
    }

    /** Replications of the warm-up, which runs once at start so the first page's run is not the JIT's first. */
    static final int WARM_UP_RUNS = 100;

    private volatile Thread warmUp;

    /**
     * Reads the scenarios and runs a few replications of the first one (results discarded), so that the parsers,
     * the schema and the model are compiled before the first person asks for anything.
     */
    private void warmUp() {
        try {
            for (Catalog.Entry e : catalog.list()) {
                if (e.error() == null) {
                    Scenario s = catalog.template(e.id()).with(List.of());
                    Parameters.levers(s);
                    Parameters.others(s);
                    io.gpusim.core.Replicator model = io.gpusim.agents.Simulation.replicator(true);
                    for (int i = 0; i < WARM_UP_RUNS && !Thread.currentThread().isInterrupted(); i++) {
                        model.run(s, io.gpusim.core.Seeds.replicationSeed(1, i));
                    }
                    return;
                }
            }
        } catch (IOException | ApiException | ScenarioException | RuntimeException e) {
            // only a warm-up: the requests themselves report problems
        }
    }

    /** The port it listens on. */
    public int port() {
        return app.port();
    }

    /** The page's address. */
    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        if (host.equals("0.0.0.0") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port() + "/";
    }

    /** Cancels every run (their folders are removed) and stops serving. */
    @Override
    public void close() {
        Thread warm = warmUp;
        if (warm != null) {
            warm.interrupt();
        }
        runs.close();
        app.stop();
        scheduler.shutdownNow();
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** On a loopback address, only requests addressed to this machine by name (no DNS rebinding). */
    private void checkHost(Context ctx) throws ApiException {
        if (allowedHosts == null) {
            return;
        }
        String host = ctx.header("Host");
        String name = host == null ? "" : host.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        if (!allowedHosts.contains(name)) {
            throw new ApiException(403, "Host", "this server answers only requests to 127.0.0.1 or localhost");
        }
    }

    private void scenarios(Context ctx) throws IOException {
        ObjectNode body = NODES.objectNode();
        ArrayNode ok = body.putArray("scenarios");
        ArrayNode bad = body.putArray("invalid");
        for (Catalog.Entry e : catalog.list()) {
            if (e.error() == null) {
                ok.addObject().put("id", e.id()).put("name", e.name()).put("description", e.description());
            } else {
                bad.addObject().put("id", e.id()).put("error", e.error());
            }
        }
        json(ctx, 200, body);
    }

    private void scenario(Context ctx) throws ApiException {
        String id = ctx.pathParam("id");
        Scenario s;
        try {
            s = catalog.template(id).with(List.of());
        } catch (ScenarioException e) {
            throw ApiException.badRequest("scenario", e.getMessage());
        }
        Calendar cal = Calendar.of(s.simulation());
        ObjectNode body = NODES.objectNode();
        body.put("id", id);
        body.put("name", s.name());
        body.put("description", s.description());
        body.put("start_date", cal.start().toString());
        body.put("end_date", cal.end().toString());
        body.put("step_days", cal.stepDays());
        body.set("levers", Parameters.levers(s));
        body.set("parameters", Parameters.others(s));
        body.setAll(outputs());
        json(ctx, 200, body);
    }

    private ObjectNode outputs() {
        ObjectNode body = NODES.objectNode();
        ArrayNode metrics = body.putArray("metrics");
        for (Metric m : Metric.values()) {
            metrics.addObject().put("id", m.id()).put("description", m.description());
        }
        ArrayNode series = body.putArray("series");
        for (Series s : Series.values()) {
            series.addObject().put("id", s.id()).put("description", s.description());
        }
        ObjectNode limits = body.putObject("limits");
        limits.put("max_replications", config.maxReplications());
        limits.put("queue", config.queueLimit());
        return body;
    }

    /**
     * Refuses a POST that is not {@code application/json} (parameters such as a charset aside): a page on another site
     * can send a form or plain text here without asking, but not JSON.
     */
    private static void requireJson(Context ctx) throws ApiException {
        String type = ctx.contentType() == null ? "" : ctx.contentType();
        if (!type.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            throw new ApiException(415, "Content-Type", "send the request as application/json");
        }
    }

    private void submit(Context ctx, StudyKind kind) throws ApiException, IOException {
        requireJson(ctx);
        JsonNode body = JSON.readTree(ctx.body());
        RunRequest request = RunRequest.parse(kind, body, catalog, new RunRequest.Limits(config.maxReplications()));
        StudyDefinition.Resolved resolved = request.resolve();
        Study study = resolved.study();
        if (study.plannedRuns() > config.maxReplications()) {
            throw ApiException.badRequest(
                    "runs",
                    study.plannedRuns() + " replications asked for ("
                            + study.cells().size() + " cells x " + study.runs() + " runs); at most "
                            + config.maxReplications() + " per request");
        }
        Run run = runs.submit(
                client(ctx),
                request,
                study,
                resolved.templates(),
                request.definition().designPoints(),
                request.commandLine(config.workingDir()));
        json(ctx, 202, status(run));
    }

    private static String client(Context ctx) {
        String id = ctx.header(CLIENT_HEADER);
        return id != null && id.matches("[A-Za-z0-9_-]{1,64}") ? "c:" + id : "ip:" + ctx.ip();
    }

    private Run run(Context ctx) throws ApiException {
        String id = ctx.pathParam("id");
        Run run = runs.get(id);
        if (run == null) {
            throw new ApiException(404, "id", "no run '" + Catalog.shorten(id) + "'");
        }
        return run;
    }

    private void list(Context ctx) {
        ArrayNode list = NODES.arrayNode();
        String client = client(ctx);
        ObjectNode body = NODES.objectNode();
        body.set("runs", list);
        for (Run r : runs.all()) {
            if (r.client.equals(client)) {
                list.add(status(r));
            }
        }
        json(ctx, 200, body);
    }

    /**
     * Cancels a run and answers with its state once it has stopped (at most {@link #CANCEL_WAIT_MS}): cancelled, or
     * done when the cancel came as its results were being written, so that the answer says which.
     */
    private void cancel(Context ctx) throws ApiException, InterruptedException {
        Run run = run(ctx);
        runs.cancel(run);
        run.awaitEnd(CANCEL_WAIT_MS);
        json(ctx, 200, status(run));
    }

    /** How long a cancel waits for a running run to stop before it answers with the state of the moment. */
    static final long CANCEL_WAIT_MS = 5_000;

    /** A run's state as the API reports it. */
    ObjectNode status(Run run) {
        ObjectNode o = NODES.objectNode();
        o.put("id", run.id);
        o.put("kind", run.request.kind().name().toLowerCase(Locale.ROOT));
        o.put("state", run.state().id());
        o.put("done", run.done.get());
        o.put("planned", run.planned());
        o.put("position", runs.position(run));
        o.put("scenario", run.request.scenario());
        o.put("runs", run.request.runs());
        o.put("seed", run.request.seed());
        if (run.error() != null) {
            o.put("error", run.error());
        }
        ArrayNode cmd = o.putArray("command");
        run.command.forEach(cmd::add);
        o.put("command_line", RunRequest.shellLine(run.command));
        o.put("created", run.created.toString());
        return o;
    }

    private Run finished(Context ctx) throws ApiException {
        Run run = run(ctx);
        if (run.state() != Run.State.DONE) {
            throw new ApiException(
                    409,
                    "id",
                    "run " + run.id + " is " + run.state().id() + (run.error() == null ? "" : ": " + run.error())
                            + "; results come when it is done");
        }
        return run;
    }

    private void results(Context ctx) throws ApiException, IOException {
        Run run = finished(ctx);
        StudyResult result = run.result();
        ObjectNode body = status(run);
        ArrayNode cells = body.putArray("cells");
        for (Cell cell : run.study.cells()) {
            ObjectNode c = cells.addObject();
            c.put("scenario", cell.scenarioLabel());
            c.put("point", cell.pointLabel());
            Calendar cal = Calendar.of(cell.scenario().simulation());
            c.put("start_date", cal.start().toString());
            c.put("step_days", cal.stepDays());
            SummaryRow ban = result.row(cell, Metric.BAN_DAY);
            if (ban.n() > 0 && !Double.isNaN(ban.p50())) {
                c.put("ban_day", ban.p50());
                c.put("ban_date", cal.start().plusDays(Math.round(ban.p50())).toString());
            } else {
                c.putNull("ban_day");
                c.putNull("ban_date");
            }
        }
        body.set("summary", RunFiles.rows(run.dir.resolve("summary.csv"), r -> true));
        if (run.request.kind() == StudyKind.COMPARE) {
            body.set("compare", RunFiles.rows(run.dir.resolve("compare.csv"), r -> true));
        }
        if (run.request.kind() == StudyKind.SWEEP) {
            body.set("points", RunFiles.rows(run.dir.resolve("points.csv"), r -> true));
            ArrayNode vary = body.putArray("vary");
            run.request.vary().forEach(v -> vary.add(v.substring(0, v.indexOf('='))));
        }
        body.put("failures", result.failures().size());
        ArrayNode files = body.putArray("files");
        RunFiles.present(run.dir).forEach(files::add);
        body.setAll(outputs());
        if (!run.request.series()) {
            body.putArray("series");
        }
        json(ctx, 200, body);
    }

    private void series(Context ctx) throws ApiException, IOException {
        Run run = finished(ctx);
        String id = ctx.queryParam("series");
        if (id == null || java.util.Arrays.stream(Series.values()).noneMatch(s -> s.id().equals(id))) {
            throw ApiException.badRequest(
                    "series",
                    (id == null ? "is required" : "unknown series '" + Catalog.shorten(id) + "'") + "; series: "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(Series.values())
                                            .map(Series::id)
                                            .toList()));
        }
        if (!run.request.series()) {
            throw new ApiException(409, "series", "a sweep records no series");
        }
        ObjectNode body = NODES.objectNode();
        body.put("series", id);
        body.set("rows", RunFiles.rows(run.dir.resolve("series.csv"), r -> id.equals(r.get("series"))));
        json(ctx, 200, body);
    }

    private void values(Context ctx) throws ApiException, IOException {
        Run run = finished(ctx);
        String id = ctx.queryParam("metric");
        try {
            Metric.byId(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("metric", id == null ? "is required" : e.getMessage());
        }
        ObjectNode body = NODES.objectNode();
        body.put("metric", id);
        body.set("cells", RunFiles.values(run.dir.resolve("runs.csv"), id));
        json(ctx, 200, body);
    }

    private void file(Context ctx) throws ApiException, IOException {
        Run run = finished(ctx);
        String name = ctx.pathParam("name");
        if (!RunFiles.DOWNLOADS.contains(name)) {
            throw ApiException.badRequest(
                    "name", "not a file a run writes; files: " + String.join(", ", RunFiles.DOWNLOADS));
        }
        Path f = run.dir.resolve(name);
        if (!Files.isRegularFile(f)) {
            throw new ApiException(404, "name", run.id + " has no " + name);
        }
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(name.endsWith(".json") ? "application/json" : "text/csv; charset=utf-8");
        ctx.result(Files.readAllBytes(f));
    }

    /**
     * Registers a GET route and the same handler for HEAD, which answers as GET does without the body (Jetty leaves
     * the body of a HEAD response out).
     */
    private static void get(JavalinConfig c, String path, Handler handler) {
        c.routes.get(path, handler);
        c.routes.head(path, handler);
    }

    /**
     * What Javalin refuses before or while a handler runs (an unknown endpoint, a method the path does not take, a
     * body over the limit): in the API's error shape under {@code /api}, as Javalin answers elsewhere (the page).
     */
    private void refused(HttpResponseException e, Context ctx) {
        if (!ctx.path().startsWith("/api")) {
            HttpResponseExceptionMapper.INSTANCE.handle(e, ctx);
            return;
        }
        String request = ctx.method() + " " + Catalog.shorten(ctx.path());
        String message = switch (e.getStatus()) {
            case 404 -> "no such API endpoint: " + request;
            case 405 -> {
                // Javalin lists the methods the path takes as the one detail of its 405
                String allow = String.join(", ", e.getDetails().values());
                ctx.header("Allow", allow);
                yield request + ": the method is not allowed here; allowed: " + allow;
            }
            case 413 -> "the request body is over the limit of " + MAX_BODY_BYTES + " bytes";
            default -> e.getMessage();
        };
        json(ctx, e.getStatus(), problem("", message));
    }

    static ObjectNode problem(String field, String message) {
        ObjectNode body = NODES.objectNode();
        body.put("error", field.isEmpty() ? message : field + ": " + message);
        body.putArray("errors").addObject().put("field", field).put("message", message);
        return body;
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status);
        ctx.contentType("application/json");
        try {
            ctx.result(JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
