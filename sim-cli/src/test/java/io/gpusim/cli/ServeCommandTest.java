package io.gpusim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gpusim serve}: starts the explorer, prints its address, serves until stopped; bad options exit 2. */
class ServeCommandTest {
    @TempDir
    Path dir;

    /** A writer the command prints to from its thread while the test reads it. */
    static final class Shared extends StringWriter {
        @Override
        public synchronized void write(String str, int off, int len) {
            super.write(str, off, len);
        }

        @Override
        public synchronized String toString() {
            return super.toString();
        }
    }

    @Test
    void servesThePageAndTheApiUntilStopped() throws Exception {
        Shared out = new Shared();
        Shared err = new Shared();
        AtomicInteger code = new AtomicInteger(-1);
        Thread serve = new Thread(() -> code.set(Main.execute(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                "serve",
                "--port",
                "0",
                "--scenarios",
                Path.of("..", "scenarios").toString(),
                "--out",
                dir.resolve("web").toString())));
        serve.start();
        Pattern address = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/");
        Matcher m = address.matcher("");
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!(m = address.matcher(out.toString())).find() && System.nanoTime() < deadline && serve.isAlive()) {
            Thread.sleep(50);
        }
        assertTrue(m.find(0), "the address is printed: " + out + err);
        URI api = URI.create(m.group() + "api/scenarios");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertTrue(r.body().contains("h20-2025.yaml"), r.body());
        HttpResponse<String> page =
                http.send(HttpRequest.newBuilder(URI.create(m.group())).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.body().contains("gpusim policy explorer"));

        serve.interrupt(); // as Ctrl-C ends the wait
        serve.join(30_000);
        assertFalse(serve.isAlive());
        assertEquals(0, code.get(), err.toString());
        assertThrows(
                ConnectException.class,
                () -> http.send(HttpRequest.newBuilder(api).build(), HttpResponse.BodyHandlers.discarding()),
                "the server is gone");
    }

    @Test
    void badOptionsExitTwoWithAMessage() throws IOException {
        CliTest.Result port = CliTest.gpusim("serve", "--port", "70000");
        assertEquals(2, port.code());
        assertTrue(port.err().contains("--port"), port.err());
        CliTest.Result folder = CliTest.gpusim(
                "serve", "--port", "0", "--scenarios", dir.resolve("none").toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("--scenarios"), folder.err());
    }

    @Test
    void whatKeepsItFromListeningIsSaidBeforeAnythingStartsOrIsCreated() throws IOException {
        String scenarios = Path.of("..", "scenarios").toString();
        Path out = dir.resolve("web");
        CliTest.Result host = CliTest.gpusim(
                "serve", "--scenarios", scenarios, "--out", out.toString(), "--port", "0", "--host", "999.1.1.1");
        assertEquals(2, host.code());
        assertEquals(
                "gpusim serve: --host 999.1.1.1 is not a known host name or address (see 'gpusim serve --help')",
                host.err().strip());
        Path file = Files.writeString(dir.resolve("afile"), "x");
        CliTest.Result notDir =
                CliTest.gpusim("serve", "--scenarios", scenarios, "--out", file.toString(), "--port", "0");
        assertEquals(2, notDir.code());
        assertTrue(notDir.err().startsWith("gpusim serve: --out " + file + " exists and is not a directory"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            CliTest.Result inUse = CliTest.gpusim(
                    "serve", "--scenarios", scenarios, "--out", out.toString(), "--port", String.valueOf(port));
            assertEquals(2, inUse.code());
            assertTrue(inUse.err().startsWith("gpusim serve: cannot listen on 127.0.0.1:" + port + " ("), inUse.err());
        }
        assertFalse(Files.exists(out), "nothing created");
    }
}
