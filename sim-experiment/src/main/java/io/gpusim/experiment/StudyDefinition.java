package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioPaths;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.SourceLocation;
import io.gpusim.core.scenario.ValidationError;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything a study says, as written in a study file (YAML) or assembled from command-line flags: scenario files,
 * overrides, a design or two variants to compare, runs, seed, threads, a stopping rule and outputs. Relative paths
 * in a study file are relative to the file. {@link #resolve} turns it into a runnable {@link Study}.
 */
public record StudyDefinition(
        String name,
        List<String> scenarios,
        Map<String, JsonNode> set,
        DesignSpec design,
        List<VariantSpec> variants,
        Integer runs,
        Long seed,
        Integer threads,
        UntilSpec until,
        OutputSpec output) {

    public StudyDefinition {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        set = set == null ? Map.of() : new LinkedHashMap<>(set);
        variants = variants == null ? List.of() : List.copyOf(variants);
    }

    /** A sweep design: its type, the varied paths ({@code PATH=v1,v2} or {@code PATH=lo:hi}) and point count. */
    public record DesignSpec(DesignType type, List<String> vary, Integer points) {}

    /** One side of a comparison: a name, an optional scenario file (default: the first scenario) and overrides. */
    public record VariantSpec(String name, String scenario, Map<String, JsonNode> set) {
        public VariantSpec {
            set = set == null ? Map.of() : new LinkedHashMap<>(set);
        }
    }

    /** A stopping rule: {@code METRIC:REL_HALF_WIDTH} and the most replications per scenario. */
    public record UntilSpec(String metric, Double relHalfWidth, Long maxRuns) {}

    /** Where results go: a directory, whether to write per-step series quantiles, and from how many runs. */
    public record OutputSpec(String dir, Boolean series, Integer seriesRuns) {}

    /** Default replications that feed series quantiles per cell. */
    public static final int DEFAULT_SERIES_RUNS = 1000;

    /** A study file as read: its definition, its name in messages, and where each of its values was written. */
    public record Loaded(StudyDefinition definition, String label, Map<String, SourceLocation> locations) {
        /** An error about one of the file's fields, placed in the file. */
        public ValidationError locate(ValidationError error) {
            return ScenarioLoader.locate(error.withFile(label), locations);
        }
    }

    /**
     * Reads a study file, rejecting unknown fields and checking what can be checked before any scenario file is
     * read (runs, threads, the design, the stopping rule, override paths); errors carry file, line and column.
     */
    public static Loaded load(Path file) throws ScenarioException {
        Map<String, SourceLocation> locations = new HashMap<>();
        StudyDefinition def = ScenarioLoader.loadFile(file, StudyDefinition.class, locations);
        Loaded loaded = new Loaded(def, file.toString(), locations);
        List<ValidationError> errors = new ArrayList<>();
        for (ValidationError e : def.problems()) {
            errors.add(loaded.locate(e));
        }
        if (def.variants().isEmpty() && locations.containsKey("variants")) {
            // an empty list reads as no list, and the study would run as a batch
            errors.add(loaded.locate(problem(
                    "variants", "lists no variant; a comparison needs two, and a batch or a sweep leaves it out")));
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return loaded;
    }

    /** Problems of the definition on its own, each with the path of the field at fault. */
    List<ValidationError> problems() {
        List<ValidationError> errors = new ArrayList<>();
        if (runs == null) {
            errors.add(problem("runs", "is required"));
        } else if (runs < 1) {
            errors.add(problem("runs", "must be >= 1, got " + runs));
        }
        if (threads != null && threads < 1) {
            errors.add(problem("threads", "must be >= 1, got " + threads));
        }
        if (variants.isEmpty() && scenarios.isEmpty()) {
            errors.add(problem("scenarios", "at least one scenario file is required"));
        }
        for (int i = 0; i < scenarios.size(); i++) {
            if (scenarios.get(i).isBlank()) {
                errors.add(problem("scenarios[" + i + "]", "must be the path of a scenario file"));
            }
        }
        paths("set", set, errors);
        if (!variants.isEmpty()) {
            if (variants.size() != 2) {
                errors.add(problem("variants", "a comparison needs exactly two variants, got " + variants.size()));
            } else if (variants.get(0).name() != null
                    && variants.get(0).name().equals(variants.get(1).name())) {
                errors.add(problem(
                        "variants[1].name",
                        "'" + variants.get(1).name() + "' names both variants; give each its own name"));
            }
            if (design != null) {
                errors.add(problem("design", "a study has a design or variants, not both"));
            }
            if (scenarios.size() > 1) {
                // the two variants are the comparison: a further scenario file would be read and never run
                errors.add(problem(
                        "scenarios[1]",
                        "a comparison's variants run the first scenario file (or each its own scenario:), and no"
                                + " other; list one file, or compare the others in studies of their own"));
            }
            for (int i = 0; i < variants.size(); i++) {
                paths("variants[" + i + "].set", variants.get(i).set(), errors);
            }
        }
        if (design != null) {
            List<String> vary = design.vary() == null ? List.of() : design.vary();
            if (vary.isEmpty()) {
                errors.add(problem("design.vary", "at least one PATH=v1,v2,... or PATH=lo:hi is required"));
            }
            List<Parameter> parsed = new ArrayList<>();
            for (int i = 0; i < vary.size(); i++) {
                try {
                    parsed.add(Parameter.parse(vary.get(i)));
                } catch (IllegalArgumentException e) {
                    errors.add(problem("design.vary[" + i + "]", after(e.getMessage(), "'" + vary.get(i) + "': ")));
                }
            }
            String twice = Parameter.variedTwice(parsed);
            if (twice != null) {
                errors.add(problem("design.vary", twice));
            }
            String alsoSet = Parameter.alsoSet(parsed, set.keySet());
            if (alsoSet != null) {
                errors.add(problem("design.vary", alsoSet));
            }
            if (design.points() != null && design.points() < 1) {
                errors.add(problem("design.points", "must be >= 1, got " + design.points()));
            } else if (design.points() != null && Designs.tooManyPoints(design.points()) != null) {
                errors.add(problem("design.points", Designs.tooManyPoints(design.points())));
            } else if (design.points() != null
                    && (design.type() == null || design.type() == DesignType.GRID)
                    && !parsed.isEmpty()
                    && parsed.stream().noneMatch(Parameter::isRange)) {
                errors.add(problem(
                        "design.points",
                        "applies to ranges (lo:hi) in a grid, and every varied path here lists its values"));
            } else if (design.points() != null
                    && design.points() == 1
                    && (design.type() == null || design.type() == DesignType.GRID)
                    && parsed.stream().anyMatch(Parameter::isRange)) {
                // one level of a range is its middle: the range would not be varied at all
                errors.add(problem(
                        "design.points",
                        "must be at least 2 in a grid of ranges, got 1 (one level is the range's middle); set the "
                                + "value instead of varying it"));
            }
        }
        if (until != null) {
            if (kind() != StudyKind.BATCH) {
                errors.add(problem("until", "a stopping rule applies to batches only (no design, no variants)"));
            }
            if (until.metric() == null) {
                errors.add(problem("until.metric", "is required"));
            } else {
                try {
                    io.gpusim.core.metrics.Metric.byId(until.metric());
                } catch (IllegalArgumentException e) {
                    errors.add(problem("until.metric", e.getMessage()));
                }
            }
            if (until.relHalfWidth() == null) {
                errors.add(problem("until.relHalfWidth", "is required"));
            } else if (!(until.relHalfWidth() > 0 && until.relHalfWidth() < 10)) {
                errors.add(problem(
                        "until.relHalfWidth", "must be more than 0 and less than 10, got " + until.relHalfWidth()));
            }
            if (until.maxRuns() != null && until.maxRuns() < 1) {
                errors.add(problem("until.maxRuns", "must be >= 1, got " + until.maxRuns()));
            } else if (until.maxRuns() != null && runs != null && until.maxRuns() < runs) {
                errors.add(problem(
                        "until.maxRuns",
                        "must be at least the runs of the first block (" + runs + "), got " + until.maxRuns()));
            }
        }
        if (output != null && output.dir() != null && output.dir().isBlank()) {
            errors.add(problem("output.dir", OutputDirectory.EMPTY_PATH));
        }
        if (output != null && output.seriesRuns() != null && output.seriesRuns() < 1) {
            errors.add(problem("output.seriesRuns", "must be >= 1, got " + output.seriesRuns()));
        } else if (output != null && output.seriesRuns() != null && !Boolean.TRUE.equals(output.series())) {
            errors.add(problem(
                    "output.seriesRuns", "applies only with series: true (it sets how many runs feed the series)"));
        }
        return errors;
    }

    /** Each key of an override mapping must be a scenario path. */
    private static void paths(String where, Map<String, JsonNode> values, List<ValidationError> errors) {
        for (String path : values.keySet()) {
            try {
                ScenarioPaths.typeOf(path);
            } catch (IllegalArgumentException e) {
                errors.add(problem(where + "." + path, after(e.getMessage(), path + ": ")));
            }
        }
    }

    private static ValidationError problem(String path, String message) {
        return new ValidationError(null, 0, 0, path, message);
    }

    /** The message without a leading prefix that repeats what the error's path already says. */
    private static String after(String message, String prefix) {
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** The study's kind: compare with variants, sweep with a design, batch otherwise. */
    public StudyKind kind() {
        if (!variants.isEmpty()) {
            return StudyKind.COMPARE;
        }
        return design != null ? StudyKind.SWEEP : StudyKind.BATCH;
    }

    /** Points of the design (empty unless a sweep). */
    public List<DesignPoint> designPoints() {
        if (design == null) {
            return List.of();
        }
        List<Parameter> params = new ArrayList<>();
        for (String v : design.vary() == null ? List.<String>of() : design.vary()) {
            params.add(Parameter.parse(v));
        }
        DesignType type = design.type() == null ? DesignType.GRID : design.type();
        int points = design.points() == null ? (type == DesignType.GRID ? 3 : 16) : design.points();
        return Designs.points(params, type, points, seed == null ? 1L : seed);
    }

    /**
     * Loads every scenario, applies overrides and design points, and checks everything; all problems are reported
     * together. Relative paths resolve against {@code baseDir}.
     *
     * @throws ScenarioException listing every problem, one line each
     */
    public Study resolve(Path baseDir) throws ScenarioException {
        return resolve(baseDir, "set");
    }

    /**
     * As {@link #resolve(Path)}, naming the origin of {@code set} values in errors {@code setOrigin PATH=VALUE}
     * (for example "--set" for command-line overrides).
     */
    public Study resolve(Path baseDir, String setOrigin) throws ScenarioException {
        return resolveWithTemplates(baseDir, setOrigin).study();
    }

    /** A resolved study with the scenario files it read, each read once ({@link #templates(Path)}'s order). */
    public record Resolved(Study study, List<ScenarioTemplate> templates) {}

    /**
     * As {@link #resolve(Path, String)}, also giving the scenario files that the study read, so that a command that
     * needs them too (for their warnings, for its job) does not read and check each file a second time.
     */
    public Resolved resolveWithTemplates(Path baseDir, String setOrigin) throws ScenarioException {
        List<ValidationError> errors = new ArrayList<>(problems());
        String studyName = name == null ? "study" : name;
        int runCount = runs == null ? 0 : runs;
        List<ScenarioOverride> base = overrides(set, setOrigin);
        Until rule = null;
        List<DesignPoint> points = List.of();
        if (errors.isEmpty()) {
            points = designPoints();
            if (until != null) {
                rule = Until.parse(
                        until.metric() + ":" + until.relHalfWidth(),
                        until.maxRuns() == null ? 1_000_000L : until.maxRuns());
            }
        }
        Map<String, ScenarioTemplate> templates = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : scenarioFiles().entrySet()) {
            Path file = baseDir.resolve(f.getKey()).normalize();
            String unreadable = ScenarioLoader.unreadable(file);
            if (unreadable != null) {
                errors.add(new ValidationError(null, 0, 0, f.getValue(), f.getKey() + ": " + unreadable));
                continue;
            }
            try {
                templates.put(f.getKey(), ScenarioTemplate.load(file));
            } catch (ScenarioException e) {
                errors.addAll(e.errors());
            }
        }
        List<Cell> cells = new ArrayList<>();
        if (errors.isEmpty()) {
            switch (kind()) {
                case BATCH -> {
                    for (String f : scenarios) {
                        Scenario s = build(templates.get(f), base, errors);
                        if (s != null) {
                            cells.add(Cell.of(s.name(), s));
                        }
                    }
                }
                case SWEEP -> {
                    for (String f : scenarios) {
                        for (DesignPoint p : points) {
                            List<ScenarioOverride> all = new ArrayList<>(base);
                            p.values()
                                    .forEach((path, value) -> all.add(new ScenarioOverride(
                                            path,
                                            value,
                                            "design point " + p.index() + " (" + path + "=" + value + ")")));
                            Scenario s = build(templates.get(f), all, errors);
                            if (s != null) {
                                cells.add(new Cell(s.name(), p.label(), s, p.values()));
                            }
                        }
                    }
                }
                case COMPARE -> {
                    for (VariantSpec v : variants) {
                        String f = v.scenario() != null ? v.scenario() : scenarios.isEmpty() ? null : scenarios.get(0);
                        if (f == null) {
                            errors.add(new ValidationError(
                                    null,
                                    0,
                                    0,
                                    "variants",
                                    "variant '" + v.name() + "' names no scenario and the study has none"));
                            continue;
                        }
                        List<ScenarioOverride> all = new ArrayList<>(base);
                        all.addAll(overrides(v.set(), "variant " + v.name()));
                        Scenario s = build(templates.get(f), all, errors);
                        if (s != null) {
                            cells.add(Cell.of(v.name() == null ? s.name() : v.name(), s));
                        }
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        if (kind() != StudyKind.COMPARE) {
            Set<String> seen = new HashSet<>();
            for (Cell c : cells) {
                if (!seen.add(c.scenarioLabel() + "\u0000" + c.pointLabel())) {
                    errors.add(new ValidationError(
                            null,
                            0,
                            0,
                            "scenarios",
                            "two scenario files are named '" + c.scenarioLabel()
                                    + "'; give each a distinct name (its name: field)"));
                    break;
                }
            }
        } else if (cells.size() == 2
                && cells.get(0).scenarioLabel().equals(cells.get(1).scenarioLabel())) {
            // two scenario files of one name (compare A B) are the files' problem, not the variants'
            boolean files = variants.stream().allMatch(v -> v.scenario() != null);
            errors.add(new ValidationError(
                    null,
                    0,
                    0,
                    files ? "variants.scenario" : "variants",
                    (files
                                    ? "files give both sides of the comparison the name '"
                                    : "both sides of the comparison are " + "named '")
                            + cells.get(0).scenarioLabel()
                            + (files
                                    ? "'; give the scenarios distinct names"
                                    : "'; give the scenarios or variants distinct names")));
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        boolean series = output != null && Boolean.TRUE.equals(output.series());
        int seriesRuns = !series ? 0 : output.seriesRuns() == null ? DEFAULT_SERIES_RUNS : output.seriesRuns();
        return new Resolved(
                new Study(studyName, kind(), cells, runCount, seed == null ? 1L : seed, rule, seriesRuns),
                List.copyOf(templates.values()));
    }

    /** Every scenario file the study reads, resolved against {@code baseDir}. */
    public List<ScenarioTemplate> templates(Path baseDir) throws ScenarioException {
        List<ScenarioTemplate> out = new ArrayList<>();
        for (String f : scenarioFiles().keySet()) {
            out.add(ScenarioTemplate.load(baseDir.resolve(f).normalize()));
        }
        return out;
    }

    /**
     * The scenario files the study names, each once in the order first named, with the study field that first names
     * it (so that a file that is not there is reported at that field).
     */
    private Map<String, String> scenarioFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < scenarios.size(); i++) {
            files.putIfAbsent(scenarios.get(i), "scenarios[" + i + "]");
        }
        for (int i = 0; i < variants.size(); i++) {
            if (variants.get(i).scenario() != null) {
                files.putIfAbsent(variants.get(i).scenario(), "variants[" + i + "].scenario");
            }
        }
        return files;
    }

    /**
     * Why a comparison would show no difference, or null: its second variant sets values that change nothing, so
     * it runs the same scenario as the first, or its two scenario files differ only in what the study's own values
     * set (with common random numbers, every difference is exactly zero). Worth a
     * warning, not an error: such a comparison is also how the pairing itself is checked.
     */
    public static String noDifference(Study study) {
        Cell[] sides = sides(study);
        if (sides == null) {
            return null;
        }
        Cell a = sides[0];
        Cell b = sides[1];
        if (a.scenarioLabel().equals(b.scenarioLabel())) {
            return null;
        }
        if (a.scenario().equals(b.scenario())) {
            return "'" + b.scenarioLabel() + "' runs the same scenario as '" + a.scenarioLabel()
                    + "' (the values it sets change nothing), so every difference will be zero";
        }
        if (model(a.scenario()).equals(model(b.scenario()))) {
            return "'" + b.scenarioLabel() + "' and '" + a.scenarioLabel() + "' differ only in name once the study's"
                    + " values are set, so every difference will be zero";
        }
        return null;
    }

    /** The two sides of a comparison, A then B, or null when the study is no comparison. */
    private static Cell[] sides(Study study) {
        return study.kind() == StudyKind.COMPARE
                ? new Cell[] {study.cells().get(0), study.cells().get(1)}
                : null;
    }

    /** What a scenario simulates: all of it but the name and description, which only label it. */
    private static JsonNode model(Scenario scenario) {
        ObjectNode tree = ScenarioLoader.jsonMapper().valueToTree(scenario);
        tree.remove(List.of("name", "description"));
        return tree;
    }

    /**
     * Why a comparison's differences of day metrics are no calendar gaps, or null: its two scenarios start on
     * different days, and a day metric counts days from its own scenario's start, in {@code compare.csv} as in
     * {@code runs.csv}. Worth a warning: the other differences stand, and these are a constant away from the gaps.
     */
    public static String differentStarts(Study study) {
        Cell[] sides = sides(study);
        if (sides == null) {
            return null;
        }
        Cell a = sides[0];
        Cell b = sides[1];
        LocalDate startA = a.scenario().simulation().startDate();
        LocalDate startB = b.scenario().simulation().startDate();
        if (startA.equals(startB)) {
            return null;
        }
        String days = Arrays.stream(Metric.values())
                .filter(m -> MetricGlossary.of(m).isDay())
                .map(Metric::id)
                .collect(Collectors.joining(", "));
        return String.format(
                Locale.ROOT,
                "'%s' starts on %s and '%s' on %s, and day metrics (%s) count days from their own scenario's start:"
                        + " their differences are no calendar gaps (the gap of %s minus %s is the difference %+d days)",
                b.scenarioLabel(),
                startB,
                a.scenarioLabel(),
                startA,
                days,
                b.scenarioLabel(),
                a.scenarioLabel(),
                ChronoUnit.DAYS.between(startA, startB));
    }

    /**
     * The study's own {@code set} values as overrides, named {@code setOrigin PATH=VALUE} in messages: what every cell
     * of the study applies first (a variant's or design point's values come after them).
     */
    public List<ScenarioOverride> setOverrides(String setOrigin) {
        return overrides(set, setOrigin);
    }

    private static Scenario build(ScenarioTemplate t, List<ScenarioOverride> overrides, List<ValidationError> errors) {
        try {
            return t.with(overrides);
        } catch (ScenarioException e) {
            for (ValidationError err : e.errors()) {
                if (!errors.contains(err)) {
                    errors.add(err);
                }
            }
            return null;
        }
    }

    private static List<ScenarioOverride> overrides(Map<String, JsonNode> values, String origin) {
        List<ScenarioOverride> out = new ArrayList<>();
        values.forEach((path, value) -> out.add(new ScenarioOverride(
                path, value, origin + " " + path + "=" + (value.isTextual() ? value.asText() : value.toString()))));
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "StudyDefinition[%s, %s]", name, kind());
    }
}
