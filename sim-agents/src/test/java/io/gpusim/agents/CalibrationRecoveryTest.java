package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.Calibration;
import io.gpusim.experiment.CalibrationTargets;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.ReplicationRunner;
import io.gpusim.experiment.StudyRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calibration recovers known parameters from targets the model itself produced at those parameters. */
class CalibrationRecoveryTest {
    @Test
    void recoversLeakWeightAndSafetyStockFromTheirOwnMoments() throws Exception {
        ScenarioTemplate template = ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025.yaml"));
        List<Parameter> params =
                List.of(Parameter.parse("beliefs.leakWeight=1:6"), Parameter.parse("vendor.safetyStockWeeks=2:12"));
        try (ReplicationRunner engine = new ReplicationRunner(2)) {
            // Truth: leakWeight 3.0, safetyStockWeeks 6.0 (unit point 0.4, 0.4).
            CalibrationTargets none = new CalibrationTargets(List.of(
                    new CalibrationTargets.Target("requested_units", 1.0, null, 1.0),
                    new CalibrationTargets.Target("stockpile_units_at_ban", 1.0, null, 1.0)));
            StudyRunner runner = new StudyRunner(engine, Simulation.replicator(false), n -> {});
            double[] truth = new Calibration(template, List.of(), params, none, 30, 7, 300, "baseline", "truth")
                    .medians(runner, null, new double[] {0.4, 0.4});
            CalibrationTargets targets = new CalibrationTargets(List.of(
                    new CalibrationTargets.Target("requested_units", truth[0], null, 1.0),
                    new CalibrationTargets.Target("stockpile_units_at_ban", truth[1], null, 1.0)));
            Calibration.Result fit = new Calibration(
                            template, List.of(), params, targets, 30, 7, 300, "baseline", "truth")
                    .fit(runner, null);
            double leak = fit.fitted().get("beliefs.leakWeight");
            double safety = fit.fitted().get("vendor.safetyStockWeeks");
            // Within 1% of each parameter's range (the fit, on the same seeds as the truth, lands within 2e-4).
            assertEquals(3.0, leak, 0.05, "leakWeight recovered: " + fit);
            assertEquals(6.0, safety, 0.1, "safetyStockWeeks recovered: " + fit);
            assertTrue(fit.objective() < 1e-3, "targets met: " + fit.targets());
            assertEquals(leak, fit.scenario().beliefs().leakWeight(), 1e-12, "the calibrated scenario carries the fit");
        }
    }
}
