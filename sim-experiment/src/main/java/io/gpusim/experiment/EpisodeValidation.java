package io.gpusim.experiment;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ValidationError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An out-of-sample check of a calibration on historical episodes. Each episode is a named scenario/targets pair;
 * the free parameters are fitted jointly to a subset of them ({@link Calibration}), then every episode, fitted
 * (in-sample) and held out, is run at the fitted values and each of its targets is checked against the model's
 * distribution: a band target is met when the model median lies in the band, a median target when it lies within
 * the model's 90% band (p05 to p95). Outputs: {@code calibration.csv} of the fit (with its scenario column),
 * {@code validation.csv}, {@code calibrated-NAME.yaml} for every episode, and the check's {@code runs.csv} and
 * {@code summary.csv}. The fit and the check run through one journal, so an interrupted check resumes to the
 * outputs of an uninterrupted one.
 */
public final class EpisodeValidation implements StudyJob<EpisodeValidation.Result> {
    /** An episode's role in the check: fitted, or held out of the fit. */
    public enum Role {
        IN_SAMPLE("in-sample"),
        HELD_OUT("held-out");

        private final String label;

        Role(String label) {
            this.label = label;
        }

        /** The role as written in outputs. */
        public String label() {
            return label;
        }
    }

    /** One target of one episode at the fitted values: the model's median and 90% band, and whether it is met. */
    public record Check(
            String episode, Role role, CalibrationTargets.Target target, double p05, double p50, double p95) {
        /** Whether the model meets the target ({@link #inBand(CalibrationTargets.Target, double, double, double)}). */
        public boolean inBand() {
            return EpisodeValidation.inBand(target, p05, p50, p95);
        }
    }

    /** What the check found: the fit, every episode's targets at the fitted values, and the failed replications. */
    public record Result(
            Calibration.Result fit,
            List<Check> checks,
            Map<String, Scenario> scenarios,
            List<StudyResult.Failure> failures) {

        /** How many targets of episodes in a role the model meets. */
        public long met(Role role) {
            return checks.stream().filter(c -> c.role() == role && c.inBand()).count();
        }

        /** How many targets episodes in a role have. */
        public long targets(Role role) {
            return checks.stream().filter(c -> c.role() == role).count();
        }
    }

    /** A row of {@code validation.csv}. */
    @JsonPropertyOrder({
        "episode",
        "role",
        "metric",
        "target_median",
        "target_low",
        "target_high",
        "model_median",
        "model_p05",
        "model_p95",
        "in_band"
    })
    public record Row(
            String episode,
            String role,
            String metric,
            @JsonProperty("target_median") Double targetMedian,
            @JsonProperty("target_low") Double targetLow,
            @JsonProperty("target_high") Double targetHigh,
            @JsonProperty("model_median") double modelMedian,
            @JsonProperty("model_p05") double modelP05,
            @JsonProperty("model_p95") double modelP95,
            @JsonProperty("in_band") boolean inBand) {
        static Row of(Check c) {
            CalibrationTargets.Target t = c.target();
            return new Row(
                    c.episode(),
                    c.role().label(),
                    t.metric(),
                    t.median(),
                    Calibration.low(t),
                    Calibration.high(t),
                    c.p50(),
                    c.p05(),
                    c.p95(),
                    c.inBand());
        }
    }

    /**
     * Whether a model distribution meets a target: for a band, the model median lies in it (ends included); for a
     * median, the target lies within the model's p05 to p95 (ends included). Undefined model values never meet it.
     */
    public static boolean inBand(CalibrationTargets.Target target, double p05, double p50, double p95) {
        if (target.band() != null) {
            return p50 >= target.band().get(0) && p50 <= target.band().get(1);
        }
        return target.median() >= p05 && target.median() <= p95;
    }

    private final List<CalibrationPair> episodes;
    private final List<String> fitNames;
    private final Calibration all;
    private final Calibration fitting;
    private final int checkRuns;
    private final long seed;

    /**
     * @param episodes every episode, each named (or named by its scenario), distinct names
     * @param fit the names of the episodes the parameters are fitted to
     * @param fitRuns replications per scenario in each evaluation of the fit
     * @param checkRuns replications per episode at the fitted values
     */
    public EpisodeValidation(
            List<CalibrationPair> episodes,
            List<String> fit,
            List<ScenarioOverride> base,
            List<Parameter> parameters,
            int fitRuns,
            int checkRuns,
            long seed,
            int maxEvaluations)
            throws ScenarioException {
        List<ValidationError> problems = new ArrayList<>();
        if (checkRuns < 1) {
            problems.add(problem("checkRuns", "must be >= 1, got " + checkRuns));
        }
        Calibration every = null;
        try {
            every = new Calibration(episodes, base, parameters, fitRuns, seed, maxEvaluations);
        } catch (ScenarioException e) {
            problems.addAll(e.errors());
        }
        if (every != null) {
            problems.addAll(fitProblems(fit, every.names()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        this.episodes = List.copyOf(episodes);
        this.fitNames = List.copyOf(fit);
        this.all = every;
        List<CalibrationPair> fitted = new ArrayList<>();
        for (int i = 0; i < episodes.size(); i++) {
            if (fit.contains(every.names().get(i))) {
                fitted.add(named(episodes.get(i), every.names().get(i)));
            }
        }
        this.fitting = new Calibration(fitted, base, parameters, fitRuns, seed, maxEvaluations);
        this.checkRuns = checkRuns;
        this.seed = seed;
    }

    /** Problems with the fit subset: at least one name, each an episode's, none twice. */
    static List<ValidationError> fitProblems(List<String> fit, List<String> names) {
        List<ValidationError> problems = new ArrayList<>();
        if (fit.isEmpty()) {
            problems.add(problem("fit", "needs at least one episode to fit"));
        }
        List<String> seen = new ArrayList<>();
        for (String f : fit) {
            if (!names.contains(f)) {
                problems.add(problem(
                        "fit",
                        "names '" + f + "', which is not an episode (episodes: " + String.join(", ", names) + ")"));
            } else if (seen.contains(f)) {
                problems.add(problem("fit", "names '" + f + "' twice"));
            }
            seen.add(f);
        }
        return problems;
    }

    /** The episode with its name made explicit, so the fit labels it as the check does. */
    private static CalibrationPair named(CalibrationPair p, String name) {
        return new CalibrationPair(name, p.template(), p.targets(), p.weight(), p.scenarioLabel(), p.targetsLabel());
    }

    private static ValidationError problem(String path, String message) {
        return new ValidationError(null, 0, 0, path, message);
    }

    /** The role of the episode named {@code name}. */
    private Role role(String name) {
        return fitNames.contains(name) ? Role.IN_SAMPLE : Role.HELD_OUT;
    }

    /** Fits the parameters to the fit subset, then runs every episode at the fitted values and checks its targets. */
    @Override
    public Result run(StudyRunner runner, StudyOutput out, Journal journal) throws IOException, InterruptedException {
        Calibration.Result fit = fitting.fit(runner, journal);
        List<Cell> cells = all.cellsAt(Calibration.point(fit));
        Study check = new Study("validation", StudyKind.BATCH, cells, checkRuns, seed, null, 0);
        StudyResult r = runner.run(check, out, journal);
        List<Check> checks = new ArrayList<>();
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.get(c).scenarioLabel();
            scenarios.put(name, cells.get(c).scenario());
            for (CalibrationTargets.Target t : episodes.get(c).targets().targets()) {
                SummaryRow row = r.row(c, Metric.byId(t.metric()));
                checks.add(new Check(name, role(name), t, row.p05(), row.p50(), row.p95()));
            }
        }
        List<StudyResult.Failure> failures = new ArrayList<>(fit.failures());
        failures.addAll(r.failures());
        return new Result(fit, checks, scenarios, failures);
    }

    @Override
    public String name() {
        return "episodes";
    }

    @Override
    public String kind() {
        return "validation";
    }

    @Override
    public long seed() {
        return seed;
    }

    @Override
    public int runsPerCell() {
        return checkRuns;
    }

    /** The fit's most replications, then every episode's check. */
    @Override
    public long plannedRuns() {
        return fitting.plannedRuns() + (long) checkRuns * episodes.size();
    }

    @Override
    public String describe() {
        return String.format(
                        Locale.ROOT,
                        "episode check: fit to %s, then %d episodes x %d runs at the fitted values, seed %d%n",
                        String.join(", ", fitNames),
                        episodes.size(),
                        checkRuns,
                        seed)
                + fitting.describe();
    }

    @Override
    public String fingerprint() {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", kind());
        identity.put("episodes", all.identity());
        identity.put("fit", fitNames);
        identity.put("checkRuns", checkRuns);
        return Fingerprint.of(identity);
    }

    @Override
    public Map<String, Object> manifestScenarios() {
        return all.manifestScenarios();
    }

    @Override
    public Map<String, String> scenarioFiles() {
        return all.scenarioFiles();
    }

    @Override
    public List<StudyResult.Failure> failures(Result result) {
        return result.failures();
    }

    @Override
    public long runsTotal(Result result) {
        return fitting.runsTotal(result.fit()) + (long) checkRuns * episodes.size();
    }

    /**
     * Stages {@code calibration.csv} (the fit), {@code validation.csv} (every episode's targets) and each episode's
     * scenario at the fitted values, {@code calibrated-NAME.yaml}.
     */
    @Override
    public void writeOutputs(CsvStudyOutput files, Result result) throws IOException {
        Calibration.writeFits(files, result.fit().targets(), true);
        files.stage("validation.csv", w -> {
            try (var seq = Csv.MAPPER
                    .writer(Csv.MAPPER.schemaFor(Row.class).withHeader())
                    .writeValues(w)) {
                for (Check c : result.checks()) {
                    seq.write(Row.of(c));
                }
            }
        });
        for (int i = 0; i < episodes.size(); i++) {
            String name = all.names().get(i);
            CalibrationPair e = episodes.get(i);
            String header = "# Episode " + name + " (" + role(name).label() + ") at the parameters fitted jointly to "
                    + String.join(", ", fitNames) + " (gpusim validate-episodes, seed " + seed + "): "
                    + e.scenarioLabel() + " against " + e.targetsLabel() + ".\n";
            Calibration.stageScenario(
                    files,
                    Calibration.calibratedFile(name),
                    header,
                    result.fit().fitted(),
                    result.scenarios().get(name));
        }
    }
}
