package io.gpusim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by batch, sweep and compare. */
final class StudyFlags {
    @Option(names = "--runs", required = true, description = "Replications per scenario (per design point).")
    int runs;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", description = "Worker threads (default: available processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "DIR", description = "Write runs.csv, summary.csv, manifest.json, ... here.")
    Path out;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Override a scenario field, e.g. regulator.banDate=2025-06-01 or "
                    + "hyperscalers[1].budgetUsdPerYear=2e10 (repeatable).")
    List<String> set = new ArrayList<>();

    @Option(names = "--series", description = "Also write series.csv: per-step p05/p50/p95 of every series.")
    boolean series;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @Option(names = "--dry-run", description = "Print the plan (cells x runs) and stop.")
    boolean dryRun;

    @Option(names = "--resume", description = "Finish an interrupted study in --out: only missing replications "
            + "run, and the outputs equal an uninterrupted run's.")
    boolean resume;

    @Option(names = "--verbose", description = "Stack traces with errors.")
    boolean verbose;

    @Option(names = "--engine", defaultValue = "local",
            description = "Where replications run: local (threads of this process) or spark (default: ${DEFAULT-VALUE}).")
    String engine;

    @Option(names = "--master", description = "Spark master URL with --engine spark (default: local[--threads]).")
    String master;

    /** The --set values as a path-to-value map (values read as YAML). */
    Map<String, JsonNode> overrides() {
        Map<String, JsonNode> map = new LinkedHashMap<>();
        for (String s : set) {
            ScenarioOverride o = ScenarioOverride.parse(s);
            map.put(o.path(), o.value());
        }
        return map;
    }

    StudyDefinition.OutputSpec output() {
        return new StudyDefinition.OutputSpec(null, series, null);
    }

    /** A one-line problem with the flags themselves, or null. */
    String problem() {
        if (runs < 1) {
            return "--runs must be >= 1, got " + runs;
        }
        if (threads != null && threads < 1) {
            return "--threads must be >= 1, got " + threads;
        }
        return null;
    }

    StudyExecution.Options options(List<String> commandLine) {
        return new StudyExecution.Options(out, threads, quiet, dryRun, resume, commandLine, "--set", engine, master);
    }
}
