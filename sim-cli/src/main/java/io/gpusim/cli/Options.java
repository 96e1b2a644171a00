package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.experiment.StudyDefinition;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Option groups shared by the commands, as picocli mixins. */
final class Options {
    private Options() {}

    /** {@code --seed} and {@code --threads}. */
    static final class SeedThreads {
        @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--threads", description = "Worker threads (default: available processors).")
        Integer threads;

        /** The threads to use: the option, else a default, else every processor. */
        int threadCount(Integer fallback) {
            return threads != null
                    ? threads
                    : fallback != null ? fallback : Runtime.getRuntime().availableProcessors();
        }
    }

    /** {@code --set PATH=VALUE}, repeatable. */
    static final class Overrides {
        @Option(
                names = "--set",
                paramLabel = "PATH=VALUE",
                converter = Converters.SetValue.class,
                description = "Override a scenario field, e.g. regulator.banDate=2025-06-01 or "
                        + "hyperscalers[1].budgetUsdPerYear=2e10 (repeatable).")
        private List<ScenarioOverride> set = new ArrayList<>();

        /**
         * The overrides in the order given.
         *
         * @throws IllegalArgumentException when a path is given twice (only the later value would count)
         */
        List<ScenarioOverride> list() {
            Converters.Twice twice = Converters.givenTwice(set);
            if (twice != null) {
                throw new IllegalArgumentException(
                        "--set " + twice.path() + " is given twice " + twice.both() + "; give it once");
            }
            return set;
        }

        /** The overrides as a path-to-value map, in the order given (see {@link #list()}). */
        Map<String, com.fasterxml.jackson.databind.JsonNode> asMap() {
            Map<String, com.fasterxml.jackson.databind.JsonNode> map = new LinkedHashMap<>();
            for (ScenarioOverride o : list()) {
                map.put(o.path(), o.value());
            }
            return map;
        }
    }

    /**
     * Where results go and how the run is reported: {@code --out}, {@code --resume}, {@code --overwrite},
     * {@code --dry-run}, {@code --quiet}.
     */
    static final class Output {
        @Option(
                names = "--out",
                paramLabel = "DIR",
                description = "Write the outputs (runs.csv, summary.csv, " + "manifest.json, ...) here.")
        Path out;

        @Option(
                names = "--resume",
                description = "Finish an interrupted study in --out: only missing replications "
                        + "run, and the outputs equal an uninterrupted run's.")
        boolean resume;

        @Option(
                names = "--overwrite",
                description = "Replace the outputs of a different study in --out (refused while another gpusim "
                        + "process is writing there).")
        boolean overwrite;

        @Option(names = "--dry-run", description = "Print the plan and stop.")
        boolean dryRun;

        @Option(names = "--quiet", description = "No progress bar.")
        boolean quiet;
    }

    /** Where replications run: {@code --engine} and {@code --master}. */
    static final class Engine {
        @Option(
                names = "--engine",
                defaultValue = "local",
                completionCandidates = EngineNames.class,
                description = "Where replications run: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        String engine;

        @Option(names = "--master", description = "Spark master URL with --engine spark (default: local[--threads]).")
        String master;
    }

    /**
     * What {@code calibrate} and {@code validate-episodes} share: the free parameters, replications per evaluation,
     * the evaluation budget, and the seed, override, output and engine groups.
     */
    static final class Fit {
        @Option(
                names = "--vary",
                required = true,
                paramLabel = "PATH=lo:hi",
                converter = Converters.Vary.class,
                description = "A free parameter (repeatable), set in every scenario; a whole-number field's range "
                        + "has whole ends and is fitted over whole values.")
        List<io.gpusim.experiment.Parameter> vary;

        @Option(
                names = "--runs",
                defaultValue = "50",
                description = "Replications per evaluation and scenario (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(
                names = "--max-evals",
                defaultValue = "300",
                description = "Most evaluations of the search, which then evaluates the fitted point once more "
                        + "(default: ${DEFAULT-VALUE}).")
        int maxEvals;

        @Mixin
        SeedThreads model;

        @Mixin
        Overrides overrides;

        @Mixin
        Output output;

        @Mixin
        Engine engine;
    }

    /** The engines' names, for help and completion. */
    static final class EngineNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        EngineNames() {
            super(List.of("local", "spark"));
        }
    }

    /** What batch, sweep and compare share: runs, series, and the groups above. */
    static final class Study {
        @Option(names = "--runs", required = true, description = "Replications per scenario (per design point).")
        int runs;

        @Option(names = "--series", description = "Also write series.csv: per-step p05/p50/p95 of every series.")
        boolean series;

        @Mixin
        SeedThreads model;

        @Mixin
        Overrides overrides;

        @Mixin
        Output output;

        @Mixin
        Engine engine;

        StudyDefinition.OutputSpec outputSpec() {
            return new StudyDefinition.OutputSpec(null, series, null);
        }
    }
}
