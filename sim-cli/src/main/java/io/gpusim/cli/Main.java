package io.gpusim.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code gpusim} command. */
@Command(name = "gpusim", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Agent-based simulation of export-controlled GPU markets, with Monte Carlo policy studies.",
        subcommands = {RunCommand.class, BatchCommand.class, SweepCommand.class, CompareCommand.class,
            StudyCommand.class, SensitivityCommand.class, DiscoverCommand.class, CalibrateCommand.class,
            PlotCommand.class,
            ReportCommand.class,
            ValidateCommand.class,
            SchemaCommand.class, BenchCommand.class, CompletionCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a replication failed", "2:bad usage or invalid input"})
public final class Main implements Runnable {
    /** Exit code when a replication failed. */
    public static final int EXIT_RUN_FAILED = 1;
    /** Exit code for bad usage or invalid input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(execute(out, err, args));
    }

    /** Runs the command line on the given streams and returns its exit code (no {@code System.exit}). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("gpusim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("gpusim: " + ex.getMessage());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("gpusim: " + (ex instanceof java.io.IOException ? "I/O error: " : "error: ")
                    + ex.getMessage());
            if (verbose) {
                ex.printStackTrace(commandLine.getErr());
            }
            return EXIT_RUN_FAILED;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, batch, sweep, compare, study, sensitivity, discover, calibrate, plot, report, validate, schema, bench)");
    }
}
