package io.gpusim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/** Helpers shared by commands. */
final class Commands {
    private Commands() {}

    /** The command line as typed: "gpusim", the subcommand and its arguments. */
    static List<String> commandLine(CommandSpec spec) {
        List<String> line = new ArrayList<>();
        line.add("gpusim");
        line.addAll(spec.root().commandLine().getParseResult().originalArgs());
        return line;
    }
}
