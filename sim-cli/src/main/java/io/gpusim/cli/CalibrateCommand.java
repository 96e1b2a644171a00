package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.Calibration;
import io.gpusim.experiment.CalibrationTargets;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.StudyPipeline;
import io.gpusim.experiment.SummaryWriters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim calibrate}: fit parameters to target moments (simulated method of moments, CMA-ES). */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
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

    @Option(
            names = "--vary",
            required = true,
            paramLabel = "PATH=lo:hi",
            converter = Converters.Vary.class,
            description = "A free parameter (repeatable).")
    private List<Parameter> vary;

    @Option(
            names = "--runs",
            defaultValue = "50",
            description = "Replications per evaluation (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--max-evals", defaultValue = "300", description = "Most evaluations (default: ${DEFAULT-VALUE}).")
    private int maxEvals;

    @Mixin
    private Options.SeedThreads model;

    @Mixin
    private Options.Overrides overrides;

    @Mixin
    private Options.Output output;

    @Mixin
    private Options.Engine engine;

    @Override
    public Integer call() throws Exception {
        Calibration calibration = new Calibration(
                Scenarios.warn(spec.commandLine().getErr(), ScenarioTemplate.load(file)),
                overrides.set,
                vary,
                CalibrationTargets.load(targetsFile),
                runs,
                model.seed,
                maxEvals,
                file.toString(),
                targetsFile.toString());
        StudyPipeline.Outcome<Calibration.Result> outcome =
                Pipelines.run(calibration, spec, output.out, output, model.threadCount(null), engine, false);
        if (outcome == null) {
            return 0;
        }
        Calibration.Result fit = outcome.result();
        PrintWriter stdout = spec.commandLine().getOut();
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
            targets.add(new String[] {
                t.target().metric(),
                t.target().describe(),
                SummaryWriters.num(t.modelMedian()),
                SummaryWriters.num(t.distance())
            });
        }
        stdout.print(SummaryWriters.align(targets));
        stdout.printf(
                Locale.ROOT,
                "objective %s after %d evaluations of %d replications each%n",
                SummaryWriters.num(fit.objective()),
                fit.evaluations(),
                runs);
        stdout.flush();
        return Pipelines.reportFailures(fit.failures(), spec.commandLine().getErr());
    }
}
