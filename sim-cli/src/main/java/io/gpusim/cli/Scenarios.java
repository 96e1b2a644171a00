package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.CalibrationPair;
import java.io.PrintWriter;
import java.util.List;

/** Loads scenario files for commands and prints their warnings. */
final class Scenarios {
    private Scenarios() {}

    /** Reads the scenario and targets files of calibration pairs (all problems together) and prints warnings. */
    static List<CalibrationPair> loadPairs(PrintWriter err, List<CalibrationPair.Spec> specs) throws ScenarioException {
        List<CalibrationPair> pairs = CalibrationPair.loadAll(specs, null);
        warn(err, pairs.stream().map(CalibrationPair::template).toList());
        return pairs;
    }

    /** Prints the warnings of scenario files to stderr, one line each; returns how many there were. */
    static int warn(PrintWriter err, List<ScenarioTemplate> templates) throws ScenarioException {
        return warn(err, templates, List.of());
    }

    /**
     * Prints the warnings of scenario files as they run, with the command's {@code --set} overrides applied, to
     * stderr, one line each; returns how many there were.
     */
    static int warn(PrintWriter err, List<ScenarioTemplate> templates, List<ScenarioOverride> overrides)
            throws ScenarioException {
        int n = 0;
        for (ScenarioTemplate t : templates) {
            for (ValidationError w : t.warnings(overrides)) {
                err.println(w);
                n++;
            }
        }
        err.flush();
        return n;
    }

    /** {@link #warn(PrintWriter, List, List)} for one file; returns the template. */
    static ScenarioTemplate warn(PrintWriter err, ScenarioTemplate template, List<ScenarioOverride> overrides)
            throws ScenarioException {
        warn(err, List.of(template), overrides);
        return template;
    }
}
