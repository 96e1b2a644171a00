package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ValidationError;
import java.io.PrintWriter;
import java.util.Map;

/**
 * The one place that prints input errors. Scenario and file errors print as {@code FILE:LINE:COL: PATH: message};
 * errors in settings the experiment layer names by their study-file field ({@code runs}, {@code until},
 * {@code output.dir}, ...) are translated to the flag that gave them.
 */
final class Errors {
    /** Study-file fields and the flags that set them. */
    private static final Map<String, String> FLAGS = Map.ofEntries(
            Map.entry("runs", "--runs"),
            Map.entry("seed", "--seed"),
            Map.entry("threads", "--threads"),
            Map.entry("engine", "--engine"),
            Map.entry("output.dir", "--out"),
            Map.entry("output.series", "--series"),
            Map.entry("resume", "--resume"),
            Map.entry("overwrite", "--overwrite"),
            Map.entry("until", "--until"),
            Map.entry("until.metric", "--until"),
            Map.entry("until.relHalfWidth", "--until"),
            Map.entry("until.maxRuns", "--max-runs"),
            Map.entry("design.vary", "--vary"),
            Map.entry("vary", "--vary"),
            Map.entry("design.points", "--points"),
            Map.entry("points", "--points"),
            Map.entry("design.type", "--design"),
            Map.entry("basePoints", "--base-points"),
            Map.entry("levels", "--levels"),
            Map.entry("bootstrap", "--bootstrap"),
            Map.entry("maxEvaluations", "--max-evals"),
            Map.entry("pairs", "--pair"),
            Map.entry("fit", "--fit"),
            Map.entry("checkRuns", "--check-runs"),
            Map.entry("variants", "--policy"),
            Map.entry("variants.name", "--policy"),
            Map.entry("scenarios", "SCENARIO"),
            Map.entry("variants.scenario", "SCENARIO"),
            Map.entry("set", "--set"));

    private Errors() {}

    /** Prints every error of an input problem, one line each; {@code command} is e.g. "gpusim batch". */
    static void print(PrintWriter err, String command, ScenarioException e) {
        for (ValidationError v : e.errors()) {
            err.println(line(command, v));
        }
        err.flush();
    }

    /** One error as a line: located errors as they are, settings named by their flag. */
    static String line(String command, ValidationError v) {
        if (v.file() == null) {
            String path = v.path() == null ? "" : v.path();
            String key = path.replaceAll("\\[\\d+]", "");
            String flag = FLAGS.get(key);
            if (flag != null) {
                return command + ": " + flag + " " + v.message();
            }
            return command + ": " + (path.isEmpty() ? "" : path + ": ") + v.message();
        }
        return v.toString();
    }
}
