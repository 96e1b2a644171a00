package io.gpusim.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Sensitivity of every metric to scenario parameters: the design's points become the cells of a sweep (each with
 * {@code runs} replications on common random numbers), the mean of each metric at each point is the model output,
 * and {@link Sensitivity} turns those into indices.
 */
public final class SensitivityStudy extends CellStudyJob<SensitivityStudy.Outcome> {
    /** The sensitivity method. */
    public enum Method {
        SOBOL,
        MORRIS
    }

    /** A row of {@code sensitivity.csv}. */
    @JsonPropertyOrder({"metric", "parameter", "index", "estimate", "ci_low", "ci_high"})
    public record Row(
            String metric,
            String parameter,
            String index,
            Double estimate,
            @JsonProperty("ci_low") Double ciLow,
            @JsonProperty("ci_high") Double ciHigh) {}

    /** The indices and the study they came from. */
    public record Outcome(StudyResult result, List<Row> rows) {}

    private final Method method;
    private final List<Parameter> parameters;
    private final int basePoints;
    private final int levels;
    private final double[][] unitPoints;
    private final int bootstrap;

    /** The design's study (its cells) and its points in the unit cube. */
    private record Design(Study study, double[][] unitPoints) {}

    /**
     * Plans the study.
     *
     * @param basePoints Sobol: base points N (the design has N (k + 2) points); Morris: trajectories r (r (k + 1))
     */
    public SensitivityStudy(
            ScenarioTemplate template,
            List<ScenarioOverride> base,
            List<Parameter> parameters,
            Method method,
            int basePoints,
            int levels,
            int runs,
            int bootstrap,
            long seed)
            throws ScenarioException {
        this(
                design(template, base, parameters, method, basePoints, levels, runs, bootstrap, seed),
                template,
                parameters,
                method,
                basePoints,
                levels,
                bootstrap);
    }

    private SensitivityStudy(
            Design design,
            ScenarioTemplate template,
            List<Parameter> parameters,
            Method method,
            int basePoints,
            int levels,
            int bootstrap) {
        super(design.study(), List.of(template));
        this.unitPoints = design.unitPoints();
        this.method = method;
        this.parameters = List.copyOf(parameters);
        this.basePoints = basePoints;
        this.levels = levels;
        this.bootstrap = bootstrap;
    }

    /** Checks the settings and builds the design's cells, every problem reported together. */
    private static Design design(
            ScenarioTemplate template,
            List<ScenarioOverride> base,
            List<Parameter> parameters,
            Method method,
            int basePoints,
            int levels,
            int runs,
            int bootstrap,
            long seed)
            throws ScenarioException {
        int k = parameters.size();
        List<ValidationError> problems = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!p.isRange()) {
                problems.add(new ValidationError(null, 0, 0, "vary", p.path() + ": sensitivity needs a range lo:hi"));
            }
        }
        if (k == 0) {
            problems.add(new ValidationError(null, 0, 0, "vary", "at least one parameter range is required"));
        }
        String twice = Parameter.variedTwice(parameters);
        if (twice != null) {
            problems.add(new ValidationError(null, 0, 0, "vary", twice));
        }
        String alsoSet = Parameter.alsoSet(
                parameters, base.stream().map(ScenarioOverride::path).toList());
        if (alsoSet != null) {
            problems.add(new ValidationError(null, 0, 0, "vary", alsoSet));
        }
        long pointCount = (long) basePoints * (k + (method == Method.SOBOL ? 2 : 1));
        if (basePoints < 2) {
            problems.add(new ValidationError(null, 0, 0, "basePoints", "must be >= 2, got " + basePoints));
        } else if (pointCount > Designs.MAX_POINTS) {
            problems.add(new ValidationError(
                    null,
                    0,
                    0,
                    "basePoints",
                    String.format(
                            Locale.ROOT,
                            "gives %,d design points (%s), more than the %,d a design may have",
                            pointCount,
                            method == Method.SOBOL ? "N (k + 2)" : "r (k + 1)",
                            Designs.MAX_POINTS)));
        }
        if (method == Method.MORRIS && (levels < 2 || levels % 2 != 0)) {
            problems.add(new ValidationError(null, 0, 0, "levels", "must be even and >= 2, got " + levels));
        }
        if (runs < 1) {
            problems.add(new ValidationError(null, 0, 0, "runs", "must be >= 1, got " + runs));
        }
        if (bootstrap < 1) {
            problems.add(new ValidationError(null, 0, 0, "bootstrap", "must be >= 1, got " + bootstrap));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        double[][] unitPoints = method == Method.SOBOL
                ? Sensitivity.saltelliPoints(basePoints, k)
                : Sensitivity.morrisPoints(basePoints, k, levels, seed);
        List<Cell> cells = new ArrayList<>();
        List<ValidationError> errors = new ArrayList<>();
        for (int j = 0; j < unitPoints.length; j++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            List<ScenarioOverride> all = new ArrayList<>(base);
            for (int i = 0; i < k; i++) {
                JsonNode v = parameters.get(i).at(unitPoints[j][i]);
                values.put(parameters.get(i).path(), v);
                all.add(new ScenarioOverride(
                        parameters.get(i).path(),
                        v,
                        "design point " + j + " (" + parameters.get(i).path() + "=" + v + ")"));
            }
            try {
                Scenario s = template.with(all);
                cells.add(new Cell(s.name(), Integer.toString(j), s, values));
            } catch (ScenarioException e) {
                for (ValidationError err : e.errors()) {
                    if (!errors.contains(err)) { // an override's error is the same at every point
                        errors.add(err);
                    }
                }
                if (errors.size() > 20) {
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        String name = "sensitivity-" + method.name().toLowerCase(Locale.ROOT);
        return new Design(new Study(name, StudyKind.SWEEP, cells, runs, seed, null, 0), unitPoints);
    }

    /** The design's points, for {@code points.csv}. */
    public List<DesignPoint> points() {
        List<DesignPoint> out = new ArrayList<>();
        for (int j = 0; j < study.cells().size(); j++) {
            out.add(new DesignPoint(j, study.cells().get(j).pointValues()));
        }
        return out;
    }

    /** Indices for every metric whose mean is defined at every point and varies. */
    public List<Row> analyse(StudyResult result) {
        int k = parameters.size();
        List<Row> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            double[] y = new double[unitPoints.length];
            boolean usable = true;
            for (int j = 0; j < y.length; j++) {
                y[j] = result.row(j, m).mean();
                usable &= Double.isFinite(y[j]);
            }
            if (!usable || java.util.Arrays.stream(y).distinct().count() < 2) {
                continue;
            }
            List<Sensitivity.Estimate> est = method == Method.SOBOL
                    ? Sensitivity.sobolIndices(y, basePoints, k, bootstrap, study.seed())
                    : Sensitivity.morrisIndices(y, unitPoints, basePoints, k, bootstrap, study.seed());
            for (Sensitivity.Estimate e : est) {
                rows.add(new Row(
                        m.id(),
                        parameters.get(e.parameter()).path(),
                        e.index(),
                        Csv.finite(e.estimate()),
                        Csv.finite(e.ciLow()),
                        Csv.finite(e.ciHigh())));
            }
        }
        return rows;
    }

    // ---- as a study job ----------------------------------------------------------------------------------------

    @Override
    public String kind() {
        return "sensitivity";
    }

    @Override
    public String describe() {
        String plan = String.format(
                Locale.ROOT,
                "sensitivity (%s) of every metric to %d parameters: %d design points x %d "
                        + "runs = %d replications, seed %d%n",
                method.name().toLowerCase(Locale.ROOT),
                parameters.size(),
                study.cells().size(),
                study.runs(),
                study.plannedRuns(),
                study.seed());
        if (method == Method.SOBOL) {
            plan += String.format(
                    Locale.ROOT,
                    "  N=%d base points x (k=%d + 2) = %d points; expect the widest 95%% interval of an index to be "
                            + "about +-%.2f (+-2.5/sqrt(N)); +-0.10 needs N of about %d, +-0.05 about %,d%n",
                    basePoints,
                    parameters.size(),
                    study.cells().size(),
                    SensitivityVerdicts.expectedHalfWidth(basePoints),
                    SensitivityVerdicts.basePointsFor(0.10),
                    SensitivityVerdicts.basePointsFor(0.05));
        }
        return plan;
    }

    /** Base points N (Sobol) or trajectories r (Morris). */
    public int basePoints() {
        return basePoints;
    }

    @Override
    public String fingerprint() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", kind());
        identity.put("method", method.name());
        identity.put("basePoints", basePoints);
        identity.put("levels", levels);
        identity.put("bootstrap", bootstrap);
        identity.put("study", study.fingerprint());
        return Fingerprint.of(identity);
    }

    @Override
    public List<DesignPoint> designPoints() {
        return points();
    }

    @Override
    public Outcome run(StudyRunner runner, StudyOutput out, Journal journal)
            throws java.io.IOException, InterruptedException {
        StudyResult result = runner.run(study, out, journal);
        return new Outcome(result, analyse(result));
    }

    @Override
    public List<StudyResult.Failure> failures(Outcome outcome) {
        return outcome.result().failures();
    }

    @Override
    public long runsTotal(Outcome outcome) {
        return outcome.result().totalRuns();
    }

    /** Stages {@code sensitivity.csv}. */
    @Override
    public void writeOutputs(CsvStudyOutput files, Outcome outcome) throws java.io.IOException {
        files.stage("sensitivity.csv", w -> {
            try (var seq = Csv.MAPPER
                    .writer(Csv.MAPPER.schemaFor(Row.class).withHeader())
                    .writeValues(w)) {
                for (Row r : outcome.rows()) {
                    seq.write(r);
                }
            }
        });
    }
}
