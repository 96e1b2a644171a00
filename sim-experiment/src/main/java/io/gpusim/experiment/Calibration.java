package io.gpusim.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Fits free parameters to target moments by the simulated method of moments: the distance between model medians
 * and targets ({@link CalibrationTargets.Target#distance}) is minimised by CMA-ES (commons-math3) over the
 * parameters' ranges. Every evaluation uses the same replication seeds (common random numbers), so the objective is
 * a deterministic function of the parameters and the whole fit is reproducible: as a {@link StudyJob}, an
 * interrupted calibration resumes by replaying its journaled evaluations and ends where an uninterrupted one would.
 */
public final class Calibration implements StudyJob<Calibration.Result> {
    /** One target's outcome at the fitted parameters. */
    public record TargetFit(CalibrationTargets.Target target, double modelMedian, double distance) {}

    /** The fit: parameter values (in parameter order), the objective, each target's outcome, and the scenario. */
    public record Result(
            Map<String, Double> fitted,
            double objective,
            List<TargetFit> targets,
            Scenario scenario,
            int evaluations,
            List<StudyResult.Failure> failures) {}

    /** A row of {@code calibration.csv}. */
    @JsonPropertyOrder({"metric", "target_median", "target_low", "target_high", "model_median", "distance"})
    public record Row(
            String metric,
            @JsonProperty("target_median") Double targetMedian,
            @JsonProperty("target_low") Double targetLow,
            @JsonProperty("target_high") Double targetHigh,
            @JsonProperty("model_median") double modelMedian,
            double distance) {
        static Row of(TargetFit t) {
            CalibrationTargets.Target target = t.target();
            return new Row(
                    target.metric(),
                    target.median(),
                    target.band() == null ? null : target.band().get(0),
                    target.band() == null ? null : target.band().get(1),
                    t.modelMedian(),
                    t.distance());
        }
    }

    private final ScenarioTemplate template;
    private final List<ScenarioOverride> base;
    private final List<Parameter> parameters;
    private final CalibrationTargets targets;
    private final int runs;
    private final long seed;
    private final int maxEvaluations;
    private final String scenarioLabel;
    private final String targetsLabel;
    private int evaluations;
    private final List<StudyResult.Failure> failures = new ArrayList<>();

    /**
     * @param scenarioLabel how the scenario file is named in the calibrated scenario's header
     * @param targetsLabel how the targets file is named there
     */
    public Calibration(
            ScenarioTemplate template,
            List<ScenarioOverride> base,
            List<Parameter> parameters,
            CalibrationTargets targets,
            int runs,
            long seed,
            int maxEvaluations,
            String scenarioLabel,
            String targetsLabel)
            throws ScenarioException {
        List<ValidationError> problems = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!p.isRange() || p.dates()) {
                problems.add(new ValidationError(
                        null, 0, 0, "vary", p.path() + ": calibration needs a numeric range lo:hi"));
            }
        }
        if (parameters.isEmpty()) {
            problems.add(new ValidationError(null, 0, 0, "vary", "at least one parameter range is required"));
        }
        if (runs < 1) {
            problems.add(new ValidationError(null, 0, 0, "runs", "must be >= 1, got " + runs));
        }
        if (maxEvaluations < 10) {
            problems.add(new ValidationError(null, 0, 0, "maxEvaluations", "must be >= 10, got " + maxEvaluations));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        this.template = template;
        this.base = List.copyOf(base);
        this.parameters = List.copyOf(parameters);
        this.targets = targets;
        this.runs = runs;
        this.seed = seed;
        this.maxEvaluations = maxEvaluations;
        this.scenarioLabel = scenarioLabel;
        this.targetsLabel = targetsLabel;
        // The overrides and both ends of every range must give valid scenarios.
        List<ValidationError> errors = new ArrayList<>();
        for (double end : new double[] {0.0, 1.0}) {
            double[] u = new double[parameters.size()];
            java.util.Arrays.fill(u, end);
            try {
                scenarioAt(u);
            } catch (ScenarioException e) {
                e.errors().stream().filter(err -> !errors.contains(err)).forEach(errors::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
    }

    private double[] centre() {
        double[] u = new double[parameters.size()];
        java.util.Arrays.fill(u, 0.5);
        return u;
    }

    /** The scenario at a point of the unit cube. */
    public Scenario scenarioAt(double[] u) throws ScenarioException {
        List<ScenarioOverride> all = new ArrayList<>(base);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            JsonNode value = p.at(Math.min(1.0, Math.max(0.0, u[i])));
            all.add(new ScenarioOverride(p.path(), value, "--vary " + p.path() + "=" + value));
        }
        return template.with(all);
    }

    /** Model medians of the target metrics at a point ({@code runs} replications, common seeds). */
    public double[] medians(StudyRunner runner, Journal journal, double[] u) throws IOException, InterruptedException {
        Scenario s;
        try {
            s = scenarioAt(u);
        } catch (ScenarioException e) {
            List<ValidationError> errors = e.errors();
            throw new IllegalArgumentException(
                    "a calibration point is invalid: " + errors.get(0)
                            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                    e);
        }
        Study study = new Study("calibration", StudyKind.BATCH, List.of(Cell.of(s.name(), s)), runs, seed, null, 0);
        StudyResult r = runner.run(study, StudyOutput.NONE, journal);
        failures.addAll(r.failures());
        double[] m = new double[targets.targets().size()];
        for (int t = 0; t < m.length; t++) {
            m[t] = r.row(0, Metric.byId(targets.targets().get(t).metric())).p50();
        }
        evaluations++;
        return m;
    }

    /** The objective: the sum of the targets' weighted distances at model medians. */
    private double objective(double[] medians) {
        double sum = 0;
        for (int t = 0; t < medians.length; t++) {
            sum += targets.targets().get(t).distance(medians[t]);
        }
        return sum;
    }

    /** Runs CMA-ES from the centre of the ranges, at most {@code maxEvaluations} objective evaluations. */
    public Result fit(StudyRunner runner, Journal journal) throws IOException, InterruptedException {
        int k = parameters.size();
        double[] start = centre();
        double[] sigma = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        java.util.Arrays.fill(sigma, 0.3);
        java.util.Arrays.fill(upper, 1.0);
        int population = 4 + (int) Math.floor(3 * Math.log(k));
        CMAESOptimizer cmaes = new CMAESOptimizer(
                maxEvaluations,
                1e-9,
                true,
                0,
                0,
                new MersenneTwister(seed),
                false,
                new SimpleValueChecker(1e-10, 1e-12));
        PointValuePair best;
        try {
            best = cmaes.optimize(
                    new MaxEval(maxEvaluations),
                    new ObjectiveFunction(u -> {
                        try {
                            return objective(medians(runner, journal, u));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new Interrupted(e);
                        }
                    }),
                    GoalType.MINIMIZE,
                    new InitialGuess(start),
                    new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(population));
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            throw new IllegalStateException("CMA-ES did not settle within " + maxEvaluations + " evaluations");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (Interrupted e) {
            throw (InterruptedException) e.getCause();
        }
        double[] u = best.getPoint();
        double[] m = medians(runner, journal, u);
        List<TargetFit> fits = new ArrayList<>();
        double total = 0;
        for (int t = 0; t < m.length; t++) {
            CalibrationTargets.Target target = targets.targets().get(t);
            double d = target.distance(m[t]);
            total += d;
            fits.add(new TargetFit(target, m[t], d));
        }
        Map<String, Double> fitted = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            fitted.put(
                    parameters.get(i).path(),
                    parameters.get(i).at(Math.min(1.0, Math.max(0.0, u[i]))).doubleValue());
        }
        try {
            return new Result(fitted, total, fits, scenarioAt(u), evaluations, List.copyOf(failures));
        } catch (ScenarioException e) {
            throw new IllegalStateException("the fitted point is invalid: " + e.getMessage(), e);
        }
    }

    /** An interruption carried through the optimiser's objective function. */
    private static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted(InterruptedException cause) {
            super(cause);
        }
    }

    // ---- as a study job ----------------------------------------------------------------------------------------

    @Override
    public String name() {
        return "calibration";
    }

    @Override
    public String kind() {
        return "calibration";
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int runsPerCell() {
        return runs;
    }

    /** At most {@code maxEvaluations} evaluations plus the final one at the fitted point. */
    @Override
    public long plannedRuns() {
        return (long) runs * (maxEvaluations + 1);
    }

    @Override
    public String describe() {
        return String.format(
                Locale.ROOT,
                "calibration of %d parameters to %d targets: at most %d evaluations x %d " + "runs, seed %d%n",
                parameters.size(),
                targets.targets().size(),
                maxEvaluations,
                runs,
                seed);
    }

    @Override
    public String fingerprint() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", kind());
        try {
            identity.put("scenario", template.with(base));
        } catch (ScenarioException e) {
            identity.put("scenario", e.getMessage());
        }
        identity.put(
                "parameters",
                parameters.stream()
                        .map(p -> p.path() + "=" + p.low() + ":" + p.high())
                        .toList());
        identity.put("targets", targets);
        identity.put("runs", runs);
        identity.put("seed", seed);
        identity.put("maxEvaluations", maxEvaluations);
        return Fingerprint.of(identity);
    }

    @Override
    public boolean tidyOutputs() {
        return false;
    }

    @Override
    public Map<String, Object> manifestScenarios() {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            m.put("centre of the ranges", scenarioAt(centre()));
        } catch (ScenarioException e) {
            m.put("centre of the ranges", e.getMessage());
        }
        return m;
    }

    @Override
    public Map<String, String> scenarioFiles() {
        return template.fileHashes();
    }

    @Override
    public Result run(StudyRunner runner, StudyOutput out, Journal journal) throws IOException, InterruptedException {
        return fit(runner, journal);
    }

    @Override
    public List<StudyResult.Failure> failures(Result result) {
        return result.failures();
    }

    @Override
    public long runsTotal(Result result) {
        return (long) result.evaluations() * runs;
    }

    /** Stages {@code calibration.csv} and {@code calibrated.yaml}, a complete scenario at the fitted values. */
    @Override
    public void writeOutputs(CsvStudyOutput files, Result fit) throws IOException {
        files.stage("calibration.csv", w -> {
            try (var seq = Csv.MAPPER
                    .writer(Csv.MAPPER.schemaFor(Row.class).withHeader())
                    .writeValues(w)) {
                for (TargetFit t : fit.targets()) {
                    seq.write(Row.of(t));
                }
            }
        });
        StringBuilder header = new StringBuilder("# Calibrated from " + scenarioLabel + " against " + targetsLabel
                + " (gpusim calibrate, seed " + seed + ", " + runs + " replications per evaluation).\n");
        fit.fitted()
                .forEach((k, v) -> header.append("# fitted ")
                        .append(k)
                        .append(" = ")
                        .append(v)
                        .append('\n'));
        String yaml = ScenarioLoader.yamlMapper().writeValueAsString(fit.scenario());
        files.stage("calibrated.yaml", w -> w.write(header + yaml));
    }
}
