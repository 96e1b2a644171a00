package io.gpusim.cli;

import io.gpusim.experiment.CalibrationPair;
import io.gpusim.experiment.EpisodeValidation;
import io.gpusim.experiment.StudyPipeline;
import io.gpusim.experiment.SummaryWriters;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gpusim validate-episodes}: fit to some episodes, check every episode, held-out ones included. */
@Command(
        name = "validate-episodes",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = {
            "Out-of-sample check of a calibration: fit the --vary parameters jointly to the --fit episodes (as "
                    + "calibrate --pair does), then run every episode, fitted and held out, at the fitted values and "
                    + "check each reported figure against the model.",
            "",
            "A band target is met (in_band) when the model median lies in the band; a median target when it lies "
                    + "within the model's 90%% band (p05 to p95). Writes validation.csv (episode, role, metric, "
                    + "target_median, target_low, target_high, model_median, model_p05, model_p95, in_band), "
                    + "calibration.csv of the fit, calibrated-NAME.yaml for every episode, and the check's runs.csv "
                    + "and summary.csv."
        })
final class ValidateEpisodesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--pair",
            required = true,
            paramLabel = "NAME:SCENARIO=TARGETS[@WEIGHT]",
            converter = Converters.Pair.class,
            description = "An episode: its name, its scenario and its reported figures as a targets file "
                    + "(repeatable). Without NAME the scenario's name is used; WEIGHT multiplies the episode's "
                    + "distances in the fit (default 1).")
    private List<CalibrationPair.Spec> episodes;

    @Option(
            names = "--fit",
            required = true,
            split = ",",
            paramLabel = "NAME",
            description = "The episodes the parameters are fitted to (comma-separated or repeated); the others are "
                    + "held out.")
    private List<String> fit;

    @Mixin
    private Options.Fit flags;

    @Option(
            names = "--check-runs",
            description = "Replications per episode in the check at the fitted values (default: --runs).")
    private Integer checkRuns;

    @Override
    public Integer call() throws Exception {
        EpisodeValidation job = new EpisodeValidation(
                Scenarios.loadPairs(spec.commandLine().getErr(), episodes),
                fit,
                flags.overrides.list(),
                flags.vary,
                flags.runs,
                checkRuns == null ? flags.runs : checkRuns,
                flags.model.seed,
                flags.maxEvals);
        StudyPipeline.Outcome<EpisodeValidation.Result> outcome = Pipelines.run(
                job, spec, flags.output.out, flags.output, flags.model.threadCount(null), flags.engine, false);
        if (outcome == null) {
            return 0;
        }
        EpisodeValidation.Result result = outcome.result();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(CalibrateCommand.parameterTable(result.fit()));
        stdout.println();
        stdout.print(checkTable(result));
        for (EpisodeValidation.Role role : EpisodeValidation.Role.values()) {
            stdout.printf(
                    Locale.ROOT,
                    "%s: %d of %d targets in band%n",
                    role.label(),
                    result.met(role),
                    result.targets(role));
        }
        stdout.flush();
        return Pipelines.reportFailures(result.failures(), spec.commandLine().getErr());
    }

    /** Every episode's targets at the fitted values, as an aligned table. */
    private static String checkTable(EpisodeValidation.Result result) {
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"episode", "role", "metric", "target", "model median", "model 90% band", "in band"});
        for (EpisodeValidation.Check c : result.checks()) {
            table.add(new String[] {
                c.episode(),
                c.role().label(),
                c.target().metric(),
                c.target().describe(),
                SummaryWriters.num(c.p50()),
                "[" + SummaryWriters.num(c.p05()) + ", " + SummaryWriters.num(c.p95()) + "]",
                c.inBand() ? "yes" : "no"
            });
        }
        return SummaryWriters.align(table, 3);
    }
}
