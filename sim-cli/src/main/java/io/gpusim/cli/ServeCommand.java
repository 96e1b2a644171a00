package io.gpusim.cli;

import io.gpusim.experiment.OutputDirectory;
import io.gpusim.web.ExplorerServer;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code gpusim serve}: the policy explorer in the browser, until Ctrl-C. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Serve the policy explorer: a page to pick a scenario, change its policy levers, run batches, "
                + "comparisons and sweeps with live progress, see fan charts and histograms, and download the files "
                + "the command line writes. Also a JSON API under /api. Runs until Ctrl-C.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port (0: any free one; default: ${DEFAULT-VALUE}).")
    private int port;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String host;

    @Option(
            names = "--scenarios",
            paramLabel = "DIR",
            defaultValue = "scenarios",
            description = "The folder the page may read scenarios from (default: ${DEFAULT-VALUE}).")
    private Path scenarios;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "out/web",
            description = "Where each run's files go, one folder per run (default: ${DEFAULT-VALUE}).")
    private Path out;

    @Option(
            names = "--threads",
            paramLabel = "T",
            description = "Worker threads of a run (default: available processors).")
    private Integer threads;

    @Option(
            names = "--max-replications",
            paramLabel = "N",
            defaultValue = "" + ExplorerServer.DEFAULT_MAX_REPLICATIONS,
            description = "Most replications one request may ask for (default: ${DEFAULT-VALUE}).")
    private int maxReplications;

    @Option(
            names = "--queue",
            paramLabel = "N",
            defaultValue = "" + ExplorerServer.DEFAULT_QUEUE,
            description = "Runs a client may have waiting behind its running one (default: ${DEFAULT-VALUE}).")
    private int queue;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be from 0 to 65535, got " + port);
        }
        if (!java.nio.file.Files.isDirectory(scenarios)) {
            throw new ParameterException(spec.commandLine(), "--scenarios " + scenarios + " is not a directory");
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1 || maxReplications < 1 || queue < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--threads and --max-replications must be >= 1, --queue >= 0");
        }
        String outProblem = OutputDirectory.problem(out);
        if (outProblem != null) {
            throw new ParameterException(spec.commandLine(), "--out " + outProblem);
        }
        checkListening();
        ExplorerServer.Config config = ExplorerServer.Config.of(port, scenarios, out)
                .withHost(host)
                .withLimits(threadCount, queue, maxReplications)
                .withProvenance(Version.current(), Version.commit(), Path.of(""));
        CountDownLatch stopped = new CountDownLatch(1);
        try (ExplorerServer server = ExplorerServer.start(config)) {
            Thread hook = new Thread(
                    () -> {
                        server.close();
                        stopped.countDown();
                    },
                    "gpusim-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine()
                    .getOut()
                    .println("gpusim: the policy explorer is at " + server.url() + " (scenarios from " + scenarios
                            + ", runs into " + out + "; Ctrl-C to stop)");
            spec.commandLine().getOut().flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
        return 0;
    }

    /**
     * Refuses, before anything starts, a host that is not an address of this machine and a port another process
     * holds, with their own reasons: the web server, failing later, reports both as a port in use.
     */
    private void checkListening() {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--host " + host + " is not a known host name or address");
        }
        try (ServerSocket probe = new ServerSocket(port, 1, address)) {
            // free: the server takes it in a moment
        } catch (BindException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    port == 0
                            ? "--host " + host + " is not an address of this machine (" + e.getMessage() + ")"
                            : "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(), "cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }
}
