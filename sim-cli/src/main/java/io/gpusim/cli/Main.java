package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.experiment.SummaryWriters;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/** The {@code gpusim} command. */
@Command(
        name = "gpusim",
        mixinStandardHelpOptions = true,
        // no command has subcommands written as methods: each says so, and picocli does not scan its methods for them
        addMethodSubcommands = false,
        versionProvider = Version.class,
        description = "Agent-based simulation of export-controlled GPU markets, with Monte Carlo policy studies.",
        footerHeading = "%n",
        footer = {
            "Output metrics (what each means, its unit, when it is measured): gpusim metrics.",
            "Scenario fields (description, unit, range, default): gpusim schema."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a replication failed", "2:bad usage or invalid input"})
public final class Main implements Runnable {
    /**
     * The subcommands, in the order help lists them. A command line that names one gets only that one: building
     * picocli's model of every command (reflection over each one's options) is a large part of a short command's
     * start, and the others are not needed. Help, completion and an unknown name get them all.
     */
    private static final List<Class<?>> COMMANDS = List.of(
            RunCommand.class,
            BatchCommand.class,
            SweepCommand.class,
            CompareCommand.class,
            StudyCommand.class,
            SensitivityCommand.class,
            DiscoverCommand.class,
            CalibrateCommand.class,
            ValidateEpisodesCommand.class,
            PlotCommand.class,
            ReportCommand.class,
            ValidateCommand.class,
            SchemaCommand.class,
            MetricsCommand.class,
            BenchCommand.class,
            ServeCommand.class,
            CompletionCommand.class);

    /** Exit code when a replication failed. */
    public static final int EXIT_RUN_FAILED = 1;
    /** Exit code for bad usage or invalid input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Stack traces with errors.")
    private boolean verbose;

    public static void main(String[] args) {
        List<Class<?>> commands = commandsFor(args);
        prepareScenarioReading(commands);
        StandardOutput stdout = new StandardOutput();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = execute(out, err, commands, args);
        out.flush();
        System.exit(stdout.exitCode(code, err));
    }

    /** Runs the command line on the given streams and returns its exit code (no {@code System.exit}). */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        return execute(out, err, commandsFor(args), args);
    }

    private static int execute(PrintWriter out, PrintWriter err, List<Class<?>> commands, String... args) {
        CommandLine cli = new CommandLine(new Main());
        for (Class<?> command : commands) {
            cli.addSubcommand(command);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        registerConverters(cli);
        cli.setParameterExceptionHandler((ex, a) -> {
            String command = ex.getCommandLine().getCommandSpec().qualifiedName();
            ex.getCommandLine()
                    .getErr()
                    .println(command + ": " + Suggestions.message(ex, a) + " (see '" + command + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter e = commandLine.getErr();
            if (ex instanceof ScenarioException input) {
                Errors.print(e, commandLine.getCommandSpec().qualifiedName(), input);
                return EXIT_USAGE;
            }
            if (ex instanceof IllegalArgumentException) {
                e.println(commandLine.getCommandSpec().qualifiedName() + ": " + ex.getMessage());
                e.flush();
                return EXIT_USAGE;
            }
            e.println(commandLine.getCommandSpec().qualifiedName() + ": "
                    + (ex instanceof java.io.IOException ? "I/O error: " : "error: ") + ex.getMessage());
            if (verbose(parseResult)) {
                ex.printStackTrace(e);
            }
            e.flush();
            return EXIT_RUN_FAILED;
        });
        return cli.execute(args);
    }

    /** The commands that read no scenario file. */
    private static final List<Class<?>> READ_NO_SCENARIO = List.of(
            PlotCommand.class, ReportCommand.class, SchemaCommand.class, MetricsCommand.class, CompletionCommand.class);

    /**
     * For a command that reads scenarios, builds the scenario reader on a thread of its own
     * ({@link ScenarioLoader#prepare}) while this one builds the command line: on two cores, a shorter start. A
     * failure there is left to show itself again, and be reported, when the command reads its first file.
     */
    static boolean prepareScenarioReading(List<Class<?>> commands) {
        if (commands.size() != 1 || READ_NO_SCENARIO.contains(commands.get(0))) {
            return false;
        }
        boolean printsTable = commands.get(0) != ValidateCommand.class;
        Thread prepare = new Thread(
                () -> {
                    try {
                        ScenarioLoader.prepare();
                        if (printsTable) {
                            // then the number formats of the table the command prints at its end (their locale
                            // data), while it reads its files and runs
                            SummaryWriters.num(1234.5);
                            SummaryWriters.num(0.5);
                        }
                    } catch (RuntimeException | LinkageError e) {
                        // the same error meets the command when it reads its first scenario
                    }
                },
                "gpusim-prepare");
        prepare.setDaemon(true);
        prepare.start();
        return true;
    }

    /**
     * The subcommands a command line needs: the one its first word names, none for the version alone, or all of them
     * when it names none (help, an unknown command to suggest a name for) or names the completion script, which
     * covers every command.
     */
    static List<Class<?>> commandsFor(String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return List.of(); // the version alone needs no command
        }
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue; // the root's own options (--verbose, --help, --version) take no value
            }
            for (Class<?> command : COMMANDS) {
                if (command != CompletionCommand.class
                        && command.getAnnotation(Command.class).name().equals(arg)) {
                    return List.of(command);
                }
            }
            break;
        }
        return COMMANDS;
    }

    /** Numbers on the command line are read with messages in the user's terms ("not a whole number"). */
    private static void registerConverters(CommandLine cli) {
        CommandLine.ITypeConverter<Integer> integer = text -> (int) whole(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
        CommandLine.ITypeConverter<Long> longs = text -> whole(text, Long.MIN_VALUE, Long.MAX_VALUE);
        CommandLine.ITypeConverter<Double> number = text -> {
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a number");
            }
        };
        cli.registerConverter(Integer.class, integer)
                .registerConverter(int.class, integer)
                .registerConverter(Long.class, longs)
                .registerConverter(long.class, longs)
                .registerConverter(Double.class, number)
                .registerConverter(double.class, number);
    }

    private static long whole(String text, long min, long max) {
        long value;
        try {
            value = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            boolean digits = text.trim().matches("[-+]?\\d+");
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a whole number" + (digits ? " from " + min + " to " + max : ""));
        }
        if (value < min || value > max) {
            throw new CommandLine.TypeConversionException(
                    "'" + text + "' is not a whole number from " + min + " to " + max);
        }
        return value;
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
        throw new CommandLine.ParameterException(
                spec.commandLine(),
                "a command is required (" + String.join(", ", spec.subcommands().keySet()) + ")");
    }
}
