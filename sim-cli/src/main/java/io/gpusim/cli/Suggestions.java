package io.gpusim.cli;

import io.gpusim.core.scenario.Spelling;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Command-line mistakes in the user's terms: a misspelt command or option gets the nearest real one ("unknown
 * command 'bacth'; did you mean 'batch'?"), as misspelt scenario fields, metrics and paths do.
 */
final class Suggestions {
    private Suggestions() {}

    /**
     * The message for a parse error, with a suggestion where a command or option was misspelt. A misspelt option
     * can surface as another error (a required option reported missing because its name was misspelt), so the
     * command line is searched for an unknown option too.
     */
    static String message(ParameterException ex, String[] args) {
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            List<String> known = optionNames(spec);
            for (String a : args) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                if (name.startsWith("--") && name.length() > 2 && !known.contains(name)) {
                    String near = Spelling.closest(name, known);
                    return ex.getMessage() + "; unknown option '" + name + "'"
                            + (near == null ? "" : ": did you mean '" + near + "'?");
                }
            }
            return ex.getMessage();
        }
        String first = u.getUnmatched().get(0);
        if (first.startsWith("-")) {
            String name = first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
            String near = Spelling.closest(name, optionNames(spec));
            return ex.getMessage() + (near == null ? "" : "; did you mean '" + near + "'?");
        }
        if (!spec.subcommands().isEmpty()) {
            List<String> commands = new ArrayList<>(spec.subcommands().keySet());
            String near = Spelling.closest(first, commands);
            return "unknown command '" + first + "'"
                    + (near != null ? "; did you mean '" + near + "'?" : "; commands: " + String.join(", ", commands));
        }
        return ex.getMessage();
    }

    /** Every name of every option of a command ({@code --runs}, {@code -h}, {@code --help}, ...). */
    static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            for (String n : o.names()) {
                if (n.startsWith("--")) {
                    names.add(n);
                }
            }
        }
        return names;
    }
}
