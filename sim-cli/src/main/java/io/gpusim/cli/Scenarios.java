package io.gpusim.cli;

import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ValidationError;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads scenario files for commands, printing every error one line each. */
final class Scenarios {
    private Scenarios() {
    }

    /** Loads all files; returns null (after printing every problem) if any is invalid. */
    static List<Scenario> loadAll(List<Path> files, PrintWriter err) {
        List<Scenario> out = new ArrayList<>();
        boolean ok = true;
        for (Path f : files) {
            try {
                out.add(ScenarioLoader.load(f));
            } catch (ScenarioException e) {
                ok = false;
                for (ValidationError v : e.errors()) {
                    err.println(v);
                }
            }
        }
        err.flush();
        return ok ? out : null;
    }
}
