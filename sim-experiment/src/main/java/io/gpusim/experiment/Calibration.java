package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.Replicator;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * a deterministic function of the parameters and the whole fit is reproducible.
 */
public final class Calibration {
    /** One target's outcome at the fitted parameters. */
    public record TargetFit(CalibrationTargets.Target target, double modelMedian, double distance) {
    }

    /** The fit: parameter values (in parameter order), the objective, each target's outcome, and the scenario. */
    public record Result(Map<String, Double> fitted, double objective, List<TargetFit> targets, Scenario scenario,
            int evaluations) {
    }

    private final ScenarioTemplate template;
    private final List<ScenarioOverride> base;
    private final List<Parameter> parameters;
    private final CalibrationTargets targets;
    private final int runs;
    private final long seed;
    private final StudyRunner runner;
    private int evaluations;

    /**
     * Plans a calibration; the overrides and both ends of every range are checked on the scenario first.
     *
     * @throws ScenarioException when the scenario with the overrides at the lower or upper ends is invalid
     */
    public Calibration(ScenarioTemplate template, List<ScenarioOverride> base, List<Parameter> parameters,
            CalibrationTargets targets, int runs, long seed, TaskEngine engine, Replicator replicator)
            throws ScenarioException {
        for (Parameter p : parameters) {
            if (!p.isRange() || p.dates()) {
                throw new IllegalArgumentException("--vary " + p.path() + ": calibration needs a numeric range lo:hi");
            }
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("calibration needs at least one --vary");
        }
        this.template = template;
        this.base = List.copyOf(base);
        this.parameters = List.copyOf(parameters);
        this.targets = targets;
        this.runs = runs;
        this.seed = seed;
        this.runner = new StudyRunner(engine, replicator, n -> { });
        List<ValidationError> errors = new ArrayList<>();
        for (double end : new double[] {0.0, 1.0}) {
            double[] u = new double[parameters.size()];
            Arrays.fill(u, end);
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

    /** Model medians of the target metrics at a point (runs replications, common seeds). */
    public double[] medians(double[] u) {
        try {
            Scenario s = scenarioAt(u);
            Study study = new Study("calibration", StudyKind.BATCH, List.of(new Cell(s.name(), "", s, Map.of())), runs,
                    seed, null, 0);
            StudyResult r = runner.run(study, StudyOutput.NONE);
            double[] m = new double[targets.targets().size()];
            for (int t = 0; t < m.length; t++) {
                m[t] = r.summary().get(Metric.byId(targets.targets().get(t).metric()).ordinal()).p50();
            }
            evaluations++;
            return m;
        } catch (ScenarioException e) {
            List<ValidationError> errors = e.errors();
            throw new IllegalArgumentException("a calibration point is invalid: " + errors.get(0)
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""), e);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The objective: the sum of the targets' distances at a point. */
    public double objective(double[] u) {
        double[] m = medians(u);
        double sum = 0;
        for (int t = 0; t < m.length; t++) {
            sum += targets.targets().get(t).distance(m[t]);
        }
        return sum;
    }

    /** Runs CMA-ES from the centre of the ranges, at most {@code maxEvaluations} objective evaluations. */
    public Result fit(int maxEvaluations) throws ScenarioException {
        int k = parameters.size();
        double[] start = new double[k];
        double[] sigma = new double[k];
        double[] lower = new double[k];
        double[] upper = new double[k];
        java.util.Arrays.fill(start, 0.5);
        java.util.Arrays.fill(sigma, 0.3);
        java.util.Arrays.fill(upper, 1.0);
        int population = 4 + (int) Math.floor(3 * Math.log(k));
        CMAESOptimizer cmaes = new CMAESOptimizer(maxEvaluations, 1e-9, true, 0, 0,
                new MersenneTwister(seed), false, new SimpleValueChecker(1e-10, 1e-12));
        PointValuePair best;
        try {
            best = cmaes.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(this::objective),
                    GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(lower, upper),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            throw new IllegalStateException("CMA-ES did not settle within " + maxEvaluations + " evaluations");
        }
        double[] u = best.getPoint();
        double[] m = medians(u);
        List<TargetFit> fits = new ArrayList<>();
        double total = 0;
        for (int t = 0; t < m.length; t++) {
            CalibrationTargets.Target target = targets.targets().get(t);
            double d = target.distance(m[t]);
            total += d;
            fits.add(new TargetFit(target, m[t], d));
        }
        Map<String, Double> fitted = new java.util.LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            fitted.put(parameters.get(i).path(), parameters.get(i).at(Math.min(1.0, Math.max(0.0, u[i])))
                    .doubleValue());
        }
        return new Result(fitted, total, fits, scenarioAt(u), evaluations);
    }
}
