package io.gpusim.cli;

import java.io.PrintWriter;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gpusim completion}: picocli's bash/zsh completion script for every command and option. An ordinary command,
 * not a help command, so that an unknown option or an extra argument is an error as with every other command.
 */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Print a bash/zsh completion script for gpusim.",
            "Load it in the current shell with: source <(./gpusim completion)"
        })
final class CompletionCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        // print, not println: a script with Windows line separators fails in strange ways
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.print('\n');
        out.flush();
    }
}
