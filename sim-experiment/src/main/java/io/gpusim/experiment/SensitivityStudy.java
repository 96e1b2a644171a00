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
public final class SensitivityStudy {
    /** The sensitivity method. */
    public enum Method { SOBOL, MORRIS }

    /** A row of {@code sensitivity.csv}. */
    @JsonPropertyOrder({"metric", "parameter", "index", "estimate", "ci_low", "ci_high"})
    public record Row(String metric, String parameter, String index, Double estimate,
            @JsonProperty("ci_low") Double ciLow, @JsonProperty("ci_high") Double ciHigh) {
    }

    private final Method method;
    private final List<Parameter> parameters;
    private final int basePoints;
    private final int levels;
    private final double[][] unitPoints;
    private final Study study;

    /**
     * Plans the study.
     *
     * @param basePoints Sobol: base points N (the design has N (k + 2) points); Morris: trajectories r (r (k + 1))
     */
    public SensitivityStudy(ScenarioTemplate template, List<ScenarioOverride> base, List<Parameter> parameters,
            Method method, int basePoints, int levels, int runs, long seed) throws ScenarioException {
        this.method = method;
        this.parameters = List.copyOf(parameters);
        this.basePoints = basePoints;
        this.levels = levels;
        int k = parameters.size();
        for (Parameter p : parameters) {
            if (!p.isRange()) {
                throw new IllegalArgumentException("--vary " + p.path() + ": sensitivity needs a range lo:hi");
            }
        }
        if (k == 0 || basePoints < 2) {
            throw new IllegalArgumentException("sensitivity needs at least one --vary and --base-points >= 2");
        }
        unitPoints = method == Method.SOBOL ? Sensitivity.saltelliPoints(basePoints, k)
                : Sensitivity.morrisPoints(basePoints, k, levels, seed);
        List<Cell> cells = new ArrayList<>();
        List<ValidationError> errors = new ArrayList<>();
        for (int j = 0; j < unitPoints.length; j++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            List<ScenarioOverride> all = new ArrayList<>(base);
            for (int i = 0; i < k; i++) {
                JsonNode v = parameters.get(i).at(unitPoints[j][i]);
                values.put(parameters.get(i).path(), v);
                all.add(new ScenarioOverride(parameters.get(i).path(), v, "design point " + j + " ("
                        + parameters.get(i).path() + "=" + v + ")"));
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
        this.study = new Study(name, StudyKind.SWEEP, cells, runs, seed, null, 0);
    }

    public Study study() {
        return study;
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
    public List<Row> analyse(StudyResult result, int bootstrap) {
        int k = parameters.size();
        int perCell = Metric.values().length;
        List<Row> rows = new ArrayList<>();
        for (Metric m : Metric.values()) {
            double[] y = new double[unitPoints.length];
            boolean usable = true;
            for (int j = 0; j < y.length; j++) {
                y[j] = result.summary().get(j * perCell + m.ordinal()).mean();
                usable &= Double.isFinite(y[j]);
            }
            if (!usable || java.util.Arrays.stream(y).distinct().count() < 2) {
                continue;
            }
            List<Sensitivity.Estimate> est = method == Method.SOBOL
                    ? Sensitivity.sobolIndices(y, basePoints, k, bootstrap, study.seed())
                    : Sensitivity.morrisIndices(y, unitPoints, basePoints, k, bootstrap, study.seed());
            for (Sensitivity.Estimate e : est) {
                rows.add(new Row(m.id(), parameters.get(e.parameter()).path(), e.index(), finite(e.estimate()),
                        finite(e.ciLow()), finite(e.ciHigh())));
            }
        }
        return rows;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** Writes {@code sensitivity.csv} atomically. */
    public static void write(java.nio.file.Path file, List<Row> rows) throws java.io.IOException {
        Csv.writeAtomically(file, w -> {
            try (var seq = Csv.MAPPER.writer(Csv.MAPPER.schemaFor(Row.class).withHeader()).writeValues(w)) {
                for (Row r : rows) {
                    seq.write(r);
                }
            }
        });
    }
}
