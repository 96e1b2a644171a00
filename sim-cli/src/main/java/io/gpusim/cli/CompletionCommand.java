package io.gpusim.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/** {@code gpusim completion}: picocli's bash/zsh completion script for every command and option. */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        helpCommand = true,
        description = {
            "Print a bash/zsh completion script for gpusim.",
            "Load it in the current shell with: source <(./gpusim completion)"
        })
final class CompletionCommand extends AutoComplete.GenerateCompletion {}
