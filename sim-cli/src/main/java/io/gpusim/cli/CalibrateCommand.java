package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.experiment.Calibration;
import io.gpusim.experiment.CalibrationPair;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gpusim calibrate}: fit parameters to target moments (simulated method of moments, CMA-ES), for one scenario
 * ({@code SCENARIO --targets T}) or jointly for several ({@code --pair SCENARIO=TARGETS}, repeated).
 */
@Command(
        name = "calibrate",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Fit free parameters to target moments (medians or bands of metrics) by the simulated method of moments "
                    + "with common random numbers and CMA-ES; report the fit and write the calibrated scenario.",
            "",
            "Single fit: SCENARIO --targets TARGETS.yaml. Joint fit: --pair SCENARIO=TARGETS.yaml, repeated: one "
                    + "parameter vector is fitted to every pair, each --vary path is set in every scenario, and the "
                    + "objective is the sum over pairs of the pair's weight times its targets' distances. A joint "
                    + "fit's calibration.csv has a first column scenario (the pair's name) and each pair's scenario "
                    + "is written to calibrated-NAME.yaml; with one --pair the outputs are a single fit's."
        })
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "SCENARIO",
            description = "Scenario file (YAML or JSON) of a single fit, with --targets.")
    private Path file;

    @Option(names = "--targets", paramLabel = "TARGETS.yaml", description = "Target moments of SCENARIO.")
    private Path targetsFile;

    @Option(
            names = "--pair",
            paramLabel = "[NAME:]SCENARIO=TARGETS[@WEIGHT]",
            converter = Converters.Pair.class,
            description = "A scenario and its targets for a joint fit (repeatable; instead of SCENARIO --targets). "
                    + "NAME labels the pair's rows and file (default: the scenario's name); WEIGHT multiplies its "
                    + "distances in the objective (default 1).")
    private List<CalibrationPair.Spec> pairs = new ArrayList<>();

    @Mixin
    private Options.Fit flags;

    @Override
    public Integer call() throws Exception {
        Calibration calibration = new Calibration(
                loadPairs(), flags.overrides.list(), flags.vary, flags.runs, flags.model.seed, flags.maxEvals);
        StudyPipeline.Outcome<Calibration.Result> outcome = Pipelines.run(
                calibration, spec, flags.output.out, flags.output, flags.model.threadCount(null), flags.engine, false);
        if (outcome == null) {
            return 0;
        }
        Calibration.Result result = outcome.result();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(parameterTable(result));
        stdout.println();
        List<String[]> targets = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("metric", "target", "model median", "distance"));
        if (calibration.joint()) {
            header.add(0, "scenario");
        }
        targets.add(header.toArray(new String[0]));
        for (Calibration.TargetFit t : result.targets()) {
            List<String> row = new ArrayList<>(List.of(
                    t.target().metric(),
                    t.target().describe(),
                    SummaryWriters.num(t.modelMedian()),
                    SummaryWriters.num(t.distance())));
            if (calibration.joint()) {
                row.add(0, t.scenario());
            }
            targets.add(row.toArray(new String[0]));
        }
        stdout.print(SummaryWriters.align(targets, calibration.joint() ? 2 : 1));
        stdout.printf(
                Locale.ROOT,
                "objective %s after %d evaluations of %d replications each%s%n",
                SummaryWriters.num(result.objective()),
                result.evaluations(),
                flags.runs,
                calibration.joint() ? " in each of " + result.scenarios().size() + " scenarios" : "");
        stdout.flush();
        return Pipelines.reportFailures(result.failures(), spec.commandLine().getErr());
    }

    /** The pairs the command line gives: SCENARIO with --targets, or the --pair options; files read, warnings shown. */
    private List<CalibrationPair> loadPairs() throws ScenarioException {
        if (file != null && !pairs.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(), "give SCENARIO --targets TARGETS.yaml or --pair SCENARIO=TARGETS, not both");
        }
        if (file == null && pairs.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "give SCENARIO --targets TARGETS.yaml, or --pair SCENARIO=TARGETS (repeatable)");
        }
        if (file != null && targetsFile == null) {
            throw new ParameterException(spec.commandLine(), "SCENARIO needs --targets TARGETS.yaml");
        }
        if (file == null && targetsFile != null) {
            throw new ParameterException(
                    spec.commandLine(), "--targets goes with SCENARIO; with --pair give each pair's targets after '='");
        }
        List<CalibrationPair.Spec> specs = file != null
                ? List.of(new CalibrationPair.Spec(null, file.toString(), targetsFile.toString(), null))
                : pairs;
        return Scenarios.loadPairs(spec.commandLine().getErr(), specs);
    }

    /** The fitted parameters as an aligned table. */
    static String parameterTable(Calibration.Result fit) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"parameter", "fitted"});
        for (Map.Entry<String, Double> e : fit.fitted().entrySet()) {
            table.add(new String[] {e.getKey(), SummaryWriters.num(e.getValue())});
        }
        return SummaryWriters.align(table);
    }
}
