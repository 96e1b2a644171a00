package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

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

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Stack traces with errors.")
    private boolean verbose;

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
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("gpusim: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for more information.");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ScenarioException input) {
                Errors.print(e, input);
                return EXIT_USAGE;
            }
            if (ex instanceof IllegalArgumentException) {
                e.println("gpusim: " + ex.getMessage());
                e.flush();
                return EXIT_USAGE;
            }
            e.println("gpusim: " + (ex instanceof java.io.IOException ? "I/O error: " : "error: ")
                    + ex.getMessage());
            if (verbose(parseResult)) {
                ex.printStackTrace(e);
            }
            e.flush();
            return EXIT_RUN_FAILED;
        });
        return cli.execute(args);
    }

    /** Whether {@code --verbose} was given, to the command or any subcommand. */
    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (run, batch, sweep, "
                + "compare, study, sensitivity, discover, calibrate, plot, report, validate, schema, bench)");
    }
}
