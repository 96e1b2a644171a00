package io.gpusim.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
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
 * parameters' ranges. A joint fit has several scenario/targets pairs ({@link CalibrationPair}): every parameter is
 * set in every scenario, and the objective is the sum over pairs of the pair's weight times its targets' distances,
 * so one parameter vector serves them all. Every evaluation uses the same replication seeds in every scenario
 * (common random numbers), so the objective is a deterministic function of the parameters and the whole fit is
 * reproducible: as a {@link StudyJob}, an interrupted calibration resumes by replaying its journaled evaluations and
 * ends where an uninterrupted one would. With one pair the outputs are those of a single fit ({@code calibration.csv}
 * without a scenario column, {@code calibrated.yaml}); with more, {@code calibration.csv} gains a first column
 * {@code scenario} (the pair's name) and each pair's scenario is written to {@code calibrated-NAME.yaml}.
 */
public final class Calibration implements StudyJob<Calibration.Result> {
    /** One target's outcome at the fitted parameters: the pair it belongs to, the model median and the distance. */
    public record TargetFit(String scenario, CalibrationTargets.Target target, double modelMedian, double distance) {}

    /**
     * The fit: parameter values (in parameter order), the point in the unit cube they come from, the objective,
     * each target's outcome, and each pair's calibrated scenario by pair name.
     */
    public record Result(
            Map<String, Double> fitted,
            List<Double> point,
            double objective,
            List<TargetFit> targets,
            Map<String, Scenario> scenarios,
            int evaluations,
            List<StudyResult.Failure> failures) {

        /** The calibrated scenario of the first pair (the only one of a single fit). */
        public Scenario scenario() {
            return scenarios.values().iterator().next();
        }
    }

    /** A row of {@code calibration.csv}; the scenario column is written for joint fits only. */
    @JsonPropertyOrder({"scenario", "metric", "target_median", "target_low", "target_high", "model_median", "distance"})
    public record Row(
            String scenario,
            String metric,
            @JsonProperty("target_median") Double targetMedian,
            @JsonProperty("target_low") Double targetLow,
            @JsonProperty("target_high") Double targetHigh,
            @JsonProperty("model_median") double modelMedian,
            double distance) {
        static Row of(TargetFit t) {
            CalibrationTargets.Target target = t.target();
            return new Row(
                    t.scenario(),
                    target.metric(),
                    target.median(),
                    low(target),
                    high(target),
                    t.modelMedian(),
                    t.distance());
        }
    }

    /** The lower end of a band target, or null for a median target. */
    static Double low(CalibrationTargets.Target target) {
        return target.band() == null ? null : target.band().get(0);
    }

    /** The upper end of a band target, or null for a median target. */
    static Double high(CalibrationTargets.Target target) {
        return target.band() == null ? null : target.band().get(1);
    }

    private final List<CalibrationPair> pairs;
    private final List<ScenarioOverride> base;
    private final List<Parameter> parameters;
    private final int runs;
    private final long seed;
    private final int maxEvaluations;
    private final List<String> labels;
    private int evaluations;
    private final List<StudyResult.Failure> failures = new ArrayList<>();

    /**
     * A single fit: one scenario and its targets.
     *
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
        this(
                List.of(new CalibrationPair(null, template, targets, 1.0, scenarioLabel, targetsLabel)),
                base,
                parameters,
                runs,
                seed,
                maxEvaluations);
    }

    /**
     * A fit of one parameter vector to every pair (a joint fit when there are several). {@code base} overrides and
     * every parameter apply to every scenario; a parameter path a scenario lacks is an error naming both.
     */
    public Calibration(
            List<CalibrationPair> pairs,
            List<ScenarioOverride> base,
            List<Parameter> parameters,
            int runs,
            long seed,
            int maxEvaluations)
            throws ScenarioException {
        List<ValidationError> problems = new ArrayList<>(settingProblems(parameters, base, runs, maxEvaluations));
        problems.addAll(pairProblems(pairs));
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        this.pairs = List.copyOf(pairs);
        this.base = List.copyOf(base);
        this.parameters = List.copyOf(parameters);
        this.runs = runs;
        this.seed = seed;
        this.maxEvaluations = maxEvaluations;
        List<ValidationError> missing = missingPaths();
        if (!missing.isEmpty()) {
            throw new ScenarioException(missing);
        }
        // The overrides and both ends of every range must give valid scenarios, in every pair.
        List<ValidationError> errors = new ArrayList<>();
        for (CalibrationPair pair : this.pairs) {
            for (double end : new double[] {0.0, 1.0}) {
                double[] u = new double[parameters.size()];
                java.util.Arrays.fill(u, end);
                try {
                    scenarioAt(pair, u);
                } catch (ScenarioException e) {
                    e.errors().stream()
                            .map(err -> inPair(err, pair))
                            .filter(err -> !errors.contains(err))
                            .forEach(errors::add);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        List<String> names = new ArrayList<>();
        for (CalibrationPair pair : this.pairs) {
            names.add(
                    pair.name() != null
                            ? pair.name()
                            : pair.template().with(this.base).name());
        }
        this.labels = List.copyOf(names);
    }

    /**
     * Problems with the parameters (each a numeric range, varied once and not also set in {@code base}), runs and
     * evaluation budget, named by their study-file fields.
     */
    static List<ValidationError> settingProblems(
            List<Parameter> parameters, List<ScenarioOverride> base, int runs, int maxEvaluations) {
        List<ValidationError> problems = new ArrayList<>();
        for (Parameter p : parameters) {
            if (!p.isRange() || p.dates()) {
                problems.add(problem("vary", p.path() + ": calibration needs a numeric range lo:hi"));
            }
        }
        if (parameters.isEmpty()) {
            problems.add(problem("vary", "at least one parameter range is required"));
        }
        String twice = Parameter.variedTwice(parameters);
        if (twice != null) {
            problems.add(problem("vary", twice));
        }
        String alsoSet = Parameter.alsoSet(
                parameters, base.stream().map(ScenarioOverride::path).toList());
        if (alsoSet != null) {
            problems.add(problem("vary", alsoSet));
        }
        if (runs < 1) {
            problems.add(problem("runs", "must be >= 1, got " + runs));
        }
        if (maxEvaluations < 10) {
            problems.add(problem("maxEvaluations", "must be >= 10, got " + maxEvaluations));
        }
        return problems;
    }

    /**
     * Problems with the pairs themselves: at least one; in a joint fit each named (explicitly or by its scenario)
     * with a name that can be a file name, and no name twice; positive weights.
     */
    static List<ValidationError> pairProblems(List<CalibrationPair> pairs) {
        List<ValidationError> problems = new ArrayList<>();
        if (pairs.isEmpty()) {
            problems.add(problem("pairs", "at least one SCENARIO=TARGETS pair is required"));
        }
        List<String> seen = new ArrayList<>();
        for (CalibrationPair pair : pairs) {
            if (!(pair.weight() > 0) || !Double.isFinite(pair.weight())) {
                problems.add(problem("pairs", describe(pair) + ": the weight must be a number > 0"));
            }
            if (pairs.size() < 2 && pair.name() == null) {
                continue;
            }
            String name = pair.name() != null ? pair.name() : templateName(pair);
            if (!CalibrationPair.validName(name)) {
                problems.add(problem(
                        "pairs",
                        describe(pair) + ": the name '" + name + "' " + CalibrationPair.nameRule()
                                + "; name the pair with NAME:SCENARIO=TARGETS"));
            } else if (seen.contains(name)) {
                problems.add(problem(
                        "pairs", "names '" + name + "' twice; give each pair its own name with NAME:SCENARIO=TARGETS"));
            }
            seen.add(name);
        }
        return problems;
    }

    /** The name a scenario file gives itself. */
    private static String templateName(CalibrationPair pair) {
        try {
            return pair.template().with(List.of()).name();
        } catch (ScenarioException e) {
            return pair.scenarioLabel();
        }
    }

    /** A pair as messages name it: its name and scenario file, or the file alone. */
    static String describe(CalibrationPair pair) {
        return pair.name() == null ? pair.scenarioLabel() : "'" + pair.name() + "' (" + pair.scenarioLabel() + ")";
    }

    /** Each varied path every scenario must have: a missing list item is one error naming the path and the pair. */
    private List<ValidationError> missingPaths() {
        String marker = "(varied path check)";
        List<ValidationError> errors = new ArrayList<>();
        for (CalibrationPair pair : pairs) {
            for (Parameter p : parameters) {
                List<ScenarioOverride> all = new ArrayList<>(base);
                all.add(new ScenarioOverride(p.path(), p.at(0.5), marker));
                try {
                    pair.template().with(all);
                } catch (ScenarioException e) {
                    e.errors().stream()
                            .filter(err -> marker.equals(err.file())
                                    && (err.path() == null || err.path().isEmpty()))
                            .map(err -> problem("vary", p.path() + ": not in " + describe(pair) + ": " + err.message()))
                            .forEach(errors::add);
                }
            }
        }
        return errors;
    }

    /** In a joint fit, an error a varied value caused names the pair it was caused in. */
    private ValidationError inPair(ValidationError err, CalibrationPair pair) {
        if (pairs.size() < 2 || err.file() == null || !err.file().startsWith("--vary ")) {
            return err;
        }
        return err.withFile(err.file() + " in " + describe(pair));
    }

    private static ValidationError problem(String path, String message) {
        return new ValidationError(null, 0, 0, path, message);
    }

    /** Whether this is a joint fit (more than one pair). */
    public boolean joint() {
        return pairs.size() > 1;
    }

    /** The pairs' names, in order (a pair without a name is named by its scenario). */
    public List<String> names() {
        return labels;
    }

    private double[] centre() {
        double[] u = new double[parameters.size()];
        java.util.Arrays.fill(u, 0.5);
        return u;
    }

    /** The first pair's scenario at a point of the unit cube. */
    public Scenario scenarioAt(double[] u) throws ScenarioException {
        return scenarioAt(pairs.get(0), u);
    }

    /** A pair's scenario at a point of the unit cube: its file, the base overrides, then the parameters. */
    private Scenario scenarioAt(CalibrationPair pair, double[] u) throws ScenarioException {
        List<ScenarioOverride> all = new ArrayList<>(base);
        for (int i = 0; i < parameters.size(); i++) {
            Parameter p = parameters.get(i);
            JsonNode value = p.at(Math.min(1.0, Math.max(0.0, u[i])));
            all.add(new ScenarioOverride(p.path(), value, "--vary " + p.path() + "=" + value));
        }
        return pair.template().with(all);
    }

    /** One cell per pair at a point of the unit cube, labelled by the pair's name. */
    public List<Cell> cellsAt(double[] u) {
        List<Cell> cells = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Scenario s;
            try {
                s = scenarioAt(pairs.get(i), u);
            } catch (ScenarioException e) {
                List<ValidationError> errors = e.errors();
                throw new IllegalArgumentException(
                        "a calibration point is invalid: " + errors.get(0)
                                + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""),
                        e);
            }
            cells.add(Cell.of(labels.get(i), s));
        }
        return cells;
    }

    /**
     * Model medians of every pair's target metrics at a point ({@code runs} replications per scenario, common
     * seeds), in pair and target order.
     */
    public double[] medians(StudyRunner runner, Journal journal, double[] u) throws IOException, InterruptedException {
        Study study = new Study("calibration", StudyKind.BATCH, cellsAt(u), runs, seed, null, 0);
        StudyResult r = runner.run(study, StudyOutput.NONE, journal);
        failures.addAll(r.failures());
        double[] m = new double[targetCount()];
        int k = 0;
        for (int c = 0; c < pairs.size(); c++) {
            for (CalibrationTargets.Target t : pairs.get(c).targets().targets()) {
                m[k++] = r.row(c, Metric.byId(t.metric())).p50();
            }
        }
        evaluations++;
        return m;
    }

    private int targetCount() {
        return pairs.stream().mapToInt(p -> p.targets().targets().size()).sum();
    }

    /** Each target's fit at model medians given in pair and target order; distances carry the pair's weight. */
    private List<TargetFit> targetFits(double[] medians) {
        List<TargetFit> fits = new ArrayList<>();
        int k = 0;
        for (int c = 0; c < pairs.size(); c++) {
            CalibrationPair pair = pairs.get(c);
            for (CalibrationTargets.Target target : pair.targets().targets()) {
                double d = pair.weight() * target.distance(medians[k]);
                fits.add(new TargetFit(labels.get(c), target, medians[k], d));
                k++;
            }
        }
        return fits;
    }

    /** The objective: the sum of every target's distance, weighted by its pair's weight. */
    private double objective(double[] medians) {
        double sum = 0;
        for (TargetFit t : targetFits(medians)) {
            sum += t.distance();
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
        List<TargetFit> fits = targetFits(medians(runner, journal, u));
        double total = 0;
        for (TargetFit t : fits) {
            total += t.distance();
        }
        Map<String, Double> fitted = new LinkedHashMap<>();
        List<Double> point = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            fitted.put(
                    parameters.get(i).path(),
                    parameters.get(i).at(Math.min(1.0, Math.max(0.0, u[i]))).doubleValue());
            point.add(u[i]);
        }
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (Cell c : cellsAt(u)) {
            scenarios.put(c.scenarioLabel(), c.scenario());
        }
        return new Result(fitted, List.copyOf(point), total, fits, scenarios, evaluations, List.copyOf(failures));
    }

    /** The point of a result as an array, for {@link #cellsAt}. */
    public static double[] point(Result fit) {
        return fit.point().stream().mapToDouble(Double::doubleValue).toArray();
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

    /** At most {@code maxEvaluations} evaluations plus the final one at the fitted point, in every scenario. */
    @Override
    public long plannedRuns() {
        return (long) runs * pairs.size() * (maxEvaluations + 1);
    }

    @Override
    public String describe() {
        if (!joint()) {
            return String.format(
                    Locale.ROOT,
                    "calibration of %d parameters to %d targets: at most %d evaluations x %d " + "runs, seed %d%n",
                    parameters.size(),
                    targetCount(),
                    maxEvaluations,
                    runs,
                    seed);
        }
        StringBuilder sb = new StringBuilder(String.format(
                Locale.ROOT,
                "joint calibration of %d parameters to %d targets in %d scenarios: at most %d evaluations x %d runs "
                        + "x %d scenarios, seed %d%n",
                parameters.size(),
                targetCount(),
                pairs.size(),
                maxEvaluations,
                runs,
                pairs.size(),
                seed));
        for (int i = 0; i < pairs.size(); i++) {
            CalibrationPair p = pairs.get(i);
            sb.append(String.format(
                    Locale.ROOT,
                    "  %s: %s against %s (%d targets, weight %s)%n",
                    labels.get(i),
                    p.scenarioLabel(),
                    p.targetsLabel(),
                    p.targets().targets().size(),
                    SummaryWriters.num(p.weight())));
        }
        return sb.toString();
    }

    @Override
    public String fingerprint() {
        return Fingerprint.of(identity());
    }

    /** Everything that determines the fit's results, for fingerprints (a single fit's as it always was). */
    Map<String, Object> identity() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", kind());
        if (joint()) {
            List<Object> each = new ArrayList<>();
            for (int i = 0; i < pairs.size(); i++) {
                Map<String, Object> pair = new LinkedHashMap<>();
                pair.put("name", labels.get(i));
                pair.put("scenario", baseScenario(pairs.get(i)));
                pair.put("targets", pairs.get(i).targets());
                pair.put("weight", pairs.get(i).weight());
                each.add(pair);
            }
            identity.put("pairs", each);
        } else {
            identity.put("scenario", baseScenario(pairs.get(0)));
        }
        identity.put(
                "parameters",
                parameters.stream()
                        .map(p -> p.path() + "=" + p.low() + ":" + p.high())
                        .toList());
        if (!joint()) {
            identity.put("targets", pairs.get(0).targets());
        }
        identity.put("runs", runs);
        identity.put("seed", seed);
        identity.put("maxEvaluations", maxEvaluations);
        return identity;
    }

    /** A pair's scenario with the base overrides (or the error that prevents it), for the fingerprint. */
    private Object baseScenario(CalibrationPair pair) {
        try {
            return pair.template().with(base);
        } catch (ScenarioException e) {
            return e.getMessage();
        }
    }

    @Override
    public boolean tidyOutputs() {
        return false;
    }

    @Override
    public Map<String, Object> manifestScenarios() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i++) {
            String key = joint() ? labels.get(i) + " at the centre of the ranges" : "centre of the ranges";
            try {
                m.put(key, scenarioAt(pairs.get(i), centre()));
            } catch (ScenarioException e) {
                m.put(key, e.getMessage());
            }
        }
        return m;
    }

    @Override
    public Map<String, String> scenarioFiles() {
        Map<String, String> files = new LinkedHashMap<>();
        pairs.forEach(p -> files.putAll(p.template().fileHashes()));
        return files;
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
        return (long) result.evaluations() * runs * pairs.size();
    }

    /**
     * Stages {@code calibration.csv} and the calibrated scenarios, complete scenarios at the fitted values: for a
     * single fit {@code calibrated.yaml}, for a joint fit {@code calibrated-NAME.yaml} for each pair.
     */
    @Override
    public void writeOutputs(CsvStudyOutput files, Result fit) throws IOException {
        writeFits(files, fit.targets(), joint());
        if (!joint()) {
            CalibrationPair pair = pairs.get(0);
            String header = "# Calibrated from " + pair.scenarioLabel() + " against " + pair.targetsLabel()
                    + " (gpusim calibrate, seed " + seed + ", " + runs + " replications per evaluation).\n";
            stageScenario(files, "calibrated.yaml", header, fit.fitted(), fit.scenario());
            return;
        }
        for (int i = 0; i < pairs.size(); i++) {
            CalibrationPair pair = pairs.get(i);
            String header =
                    "# Calibrated jointly to " + pairs.size() + " scenario/targets pairs (gpusim calibrate, seed "
                            + seed + ", " + runs + " replications per evaluation and scenario): pair " + labels.get(i)
                            + ", " + pair.scenarioLabel() + " against " + pair.targetsLabel() + ".\n";
            stageScenario(
                    files,
                    calibratedFile(labels.get(i)),
                    header,
                    fit.fitted(),
                    fit.scenarios().get(labels.get(i)));
        }
    }

    /** The file a pair's calibrated scenario is written to in a joint fit. */
    public static String calibratedFile(String name) {
        return CsvStudyOutput.CALIBRATED_PREFIX + name + ".yaml";
    }

    /** Stages {@code calibration.csv}: one row per target, with the pair's name first when {@code withScenario}. */
    static void writeFits(CsvStudyOutput files, List<TargetFit> fits, boolean withScenario) throws IOException {
        CsvSchema all = Csv.MAPPER.schemaFor(Row.class);
        CsvSchema.Builder columns = CsvSchema.builder();
        for (CsvSchema.Column c : all) {
            if (withScenario || !c.getName().equals("scenario")) {
                columns.addColumn(c.getName(), c.getType());
            }
        }
        files.stage("calibration.csv", w -> {
            try (var seq = Csv.MAPPER
                    .writer(columns.build().withHeader())
                    .with(JsonGenerator.Feature.IGNORE_UNKNOWN)
                    .writeValues(w)) {
                for (TargetFit t : fits) {
                    seq.write(Row.of(t));
                }
            }
        });
    }

    /** Stages a calibrated scenario: a comment header, the fitted values as comments, then the scenario. */
    static void stageScenario(
            CsvStudyOutput files, String file, String header, Map<String, Double> fitted, Scenario scenario)
            throws IOException {
        StringBuilder text = new StringBuilder(header);
        fitted.forEach((k, v) ->
                text.append("# fitted ").append(k).append(" = ").append(v).append('\n'));
        String yaml = ScenarioLoader.yamlMapper().writeValueAsString(scenario);
        files.stage(file, w -> w.write(text + yaml));
    }
}
