package io.gpusim.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.gpusim.agents.Simulation;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.Calibration;
import io.gpusim.experiment.CalibrationTargets;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.SummaryWriters;
import io.gpusim.experiment.TaskEngine;
import io.gpusim.experiment.TaskEngineFactory;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim calibrate}: fit parameters to target moments (simulated method of moments, CMA-ES). */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = "Fit free parameters to target moments (medians or bands of metrics) by the simulated method "
                + "of moments with common random numbers and CMA-ES; report the fit and write the calibrated "
                + "scenario.")
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path file;

    @Option(names = "--targets", required = true, paramLabel = "TARGETS.yaml", description = "Target moments.")
    private Path targetsFile;

    @Option(names = "--vary", required = true, paramLabel = "PATH=lo:hi", description = "A free parameter (repeatable).")
    private List<String> vary;

    @Option(names = "--runs", defaultValue = "50", description = "Replications per evaluation (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--max-evals", defaultValue = "300", description = "Most evaluations (default: ${DEFAULT-VALUE}).")
    private int maxEvals;

    @picocli.CommandLine.Mixin
    private ModelFlags model;

    @Option(names = "--out", paramLabel = "DIR", description = "Write calibration.csv and calibrated.yaml here.")
    private Path out;

    @JsonPropertyOrder({"metric", "target_median", "target_low", "target_high", "model_median", "distance"})
    record Row(String metric, @JsonProperty("target_median") Double targetMedian,
            @JsonProperty("target_low") Double targetLow, @JsonProperty("target_high") Double targetHigh,
            @JsonProperty("model_median") double modelMedian, double distance) {
        static Row of(Calibration.TargetFit t) {
            CalibrationTargets.Target target = t.target();
            return new Row(target.metric(), target.median(), target.band() == null ? null : target.band().get(0),
                    target.band() == null ? null : target.band().get(1), t.modelMedian(), t.distance());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int threadCount = model.threadCount();
        String flagProblem = runs < 1 ? "--runs must be >= 1, got " + runs
                : threadCount < 1 ? "--threads must be >= 1, got " + threadCount
                : maxEvals < 10 ? "--max-evals must be >= 10, got " + maxEvals : null;
        if (flagProblem != null) {
            err.println("gpusim calibrate: " + flagProblem);
            return Main.EXIT_USAGE;
        }
        if (out != null && OutputDirs.problem(out) != null) {
            err.println("gpusim calibrate: " + OutputDirs.problem(out));
            return Main.EXIT_USAGE;
        }
        Calibration.Result fit;
        try (TaskEngine engine = TaskEngineFactory.create("local", null, threadCount)) {
            Calibration calibration;
            try {
                List<Parameter> params = ModelFlags.parameters(vary);
                List<ScenarioOverride> base = model.overrides();
                calibration = new Calibration(ScenarioTemplate.load(file), base, params,
                        CalibrationTargets.load(targetsFile), runs, model.seed, engine, Simulation.replicator(false));
            } catch (ScenarioException e) {
                for (ValidationError v : e.errors()) {
                    err.println(v);
                }
                return Main.EXIT_USAGE;
            } catch (IllegalArgumentException e) {
                err.println("gpusim calibrate: " + e.getMessage());
                return Main.EXIT_USAGE;
            }
            fit = calibration.fit(maxEvals);
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"parameter", "fitted"});
        for (Map.Entry<String, Double> e : fit.fitted().entrySet()) {
            table.add(new String[] {e.getKey(), SummaryWriters.num(e.getValue())});
        }
        stdout.print(SummaryWriters.align(table));
        stdout.println();
        List<String[]> targets = new ArrayList<>();
        targets.add(new String[] {"metric", "target", "model median", "distance"});
        for (Calibration.TargetFit t : fit.targets()) {
            targets.add(new String[] {t.target().metric(), t.target().describe(), SummaryWriters.num(t.modelMedian()),
                SummaryWriters.num(t.distance())});
        }
        stdout.print(SummaryWriters.align(targets));
        stdout.printf(Locale.ROOT, "objective %s after %d evaluations of %d replications each%n",
                SummaryWriters.num(fit.objective()), fit.evaluations(), runs);
        stdout.flush();
        if (out != null) {
            Files.createDirectories(out);
            Csv.writeAtomically(out.resolve("calibration.csv"), w -> {
                try (var seq = Csv.MAPPER.writer(Csv.MAPPER.schemaFor(Row.class).withHeader()).writeValues(w)) {
                    for (Calibration.TargetFit t : fit.targets()) {
                        seq.write(Row.of(t));
                    }
                }
            });
            StringBuilder header = new StringBuilder("# Calibrated from " + file + " against " + targetsFile
                    + " (gpusim calibrate, seed " + model.seed + ", " + runs + " replications per evaluation).\n");
            fit.fitted().forEach((k, v) -> header.append("# fitted ").append(k).append(" = ").append(v).append('\n'));
            String yaml = ScenarioLoader.yamlMapper().writeValueAsString(fit.scenario());
            Csv.writeAtomically(out.resolve("calibrated.yaml"), w -> w.write(header + yaml));
        }
        return 0;
    }
}
