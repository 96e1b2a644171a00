package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.Calibration;
import io.gpusim.experiment.CalibrationPair;
import io.gpusim.experiment.CalibrationTargets;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.ReplicationRunner;
import io.gpusim.experiment.StudyRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A joint calibration recovers known parameters from targets that two scenarios produced at those parameters, and a
 * joint calibration of one pair is the single calibration.
 */
class JointCalibrationTest {
    private static final List<Parameter> PARAMETERS =
            List.of(Parameter.parse("beliefs.leakWeight=1:6"), Parameter.parse("products[0].unitCostUsd=3000:8000"));

    private static ScenarioTemplate scenario(String file) throws Exception {
        return ScenarioTemplate.load(Path.of("..", "scenarios", file));
    }

    /** Targets on {@code metrics}, each a median taken in order from {@code values} starting at {@code from}. */
    private static CalibrationTargets medians(List<String> metrics, double[] values, int from) {
        List<CalibrationTargets.Target> targets = new ArrayList<>();
        for (int i = 0; i < metrics.size(); i++) {
            targets.add(
                    new CalibrationTargets.Target(metrics.get(i), values == null ? 1.0 : values[from + i], null, 1.0));
        }
        return new CalibrationTargets(targets);
    }

    private static List<CalibrationPair> pairs(
            ScenarioTemplate a, List<String> onA, ScenarioTemplate b, List<String> onB, double[] values) {
        return List.of(
                new CalibrationPair("baseline", a, medians(onA, values, 0), 1.0, "h20-2025.yaml", "synthetic"),
                new CalibrationPair("late", b, medians(onB, values, onA.size()), 1.0, "late-ban.yaml", "synthetic"));
    }

    /**
     * Truth: leakWeight 3.0 and unitCostUsd 6,000 (unit point 0.4, 0.6). The baseline's requested units pin the
     * leak weight; the late ban's write-down and stockpile need both. Ten replications per scenario and at most 60
     * evaluations recover both within 0.5 and 300 (the fit lands near 3.00 and 5,970).
     */
    @Test
    void recoversTwoParametersFromTheMomentsOfTwoScenarios() throws Exception {
        ScenarioTemplate baseline = scenario("h20-2025.yaml");
        ScenarioTemplate late = scenario("late-ban.yaml");
        List<String> onBaseline = List.of("requested_units");
        List<String> onLate = List.of("vendor_writedown_usd", "stockpile_units_at_ban");
        try (ReplicationRunner engine = new ReplicationRunner(2)) {
            StudyRunner runner = new StudyRunner(engine, Simulation.replicator(false), n -> {});
            double[] truth = new Calibration(
                            pairs(baseline, onBaseline, late, onLate, null), List.of(), PARAMETERS, 10, 7, 60)
                    .medians(runner, null, new double[] {0.4, 0.6});
            Calibration.Result fit = new Calibration(
                            pairs(baseline, onBaseline, late, onLate, truth), List.of(), PARAMETERS, 10, 7, 60)
                    .fit(runner, null);
            double leak = fit.fitted().get("beliefs.leakWeight");
            double cost = fit.fitted().get("products[0].unitCostUsd");
            assertEquals(3.0, leak, 0.5, "leakWeight recovered: " + fit.fitted());
            assertEquals(6000, cost, 300, "unitCostUsd recovered: " + fit.fitted());
            assertTrue(fit.objective() < 1e-3, "targets met: " + fit.targets());
            assertEquals(
                    List.of("baseline", "late", "late"),
                    fit.targets().stream().map(Calibration.TargetFit::scenario).toList(),
                    "each target's row names its scenario");
            assertEquals(
                    List.of("baseline", "late"), List.copyOf(fit.scenarios().keySet()));
            for (var s : fit.scenarios().values()) {
                assertEquals(leak, s.beliefs().leakWeight(), 1e-12, "each calibrated scenario carries the fit");
            }
            assertEquals("late-ban", fit.scenarios().get("late").name());
        }
    }

    @Test
    void aJointFitOfOnePairIsTheSingleFit() throws Exception {
        ScenarioTemplate baseline = scenario("h20-2025.yaml");
        CalibrationTargets targets = CalibrationTargets.load(Path.of("..", "scenarios", "targets-h20-2025.yaml"));
        List<Parameter> one = PARAMETERS.subList(1, 2);
        try (ReplicationRunner engine = new ReplicationRunner(2)) {
            StudyRunner runner = new StudyRunner(engine, Simulation.replicator(false), n -> {});
            Calibration.Result single =
                    new Calibration(baseline, List.of(), one, targets, 4, 3, 15, "b", "t").fit(runner, null);
            Calibration joint = new Calibration(
                    List.of(new CalibrationPair(null, baseline, targets, 1.0, "b", "t")), List.of(), one, 4, 3, 15);
            Calibration.Result fromPair = joint.fit(runner, null);
            assertFalse(joint.joint());
            assertEquals(single.fitted(), fromPair.fitted());
            assertEquals(single.objective(), fromPair.objective());
            assertEquals(single.targets(), fromPair.targets());
            assertEquals(single.scenario(), fromPair.scenario());
            assertEquals(single.evaluations(), fromPair.evaluations());
        }
    }
}
