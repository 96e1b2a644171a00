package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.SensitivityStudy;
import io.gpusim.experiment.SensitivityVerdicts;
import io.gpusim.experiment.StudyPipeline;
import io.gpusim.experiment.SummaryWriters;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim sensitivity}: Sobol or Morris indices of every metric to scenario parameters. */
@Command(
        name = "sensitivity",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Global sensitivity of every metric to parameters: Sobol first-order and total indices "
                + "(Saltelli design on a Sobol sequence) or Morris mu* and sigma, with bootstrap 95%% intervals, "
                + "a verdict per metric and a warning where the indices cannot be trusted.",
        footerHeading = "%nHow many base points:%n",
        footer = {
            "Sobol runs N x (k + 2) design points x --runs replications (k parameters): N=64, k=3 and --runs 20 "
                    + "are 6,400 runs. Rule of thumb: the widest 95%% interval of an index is about +-2.5/sqrt(N) "
                    + "(+-0.31 at N=64, +-0.11 at N=512), so N of 128-256 ranks the parameters and about 2,500 gives "
                    + "indices to +-0.05. --runs per point must make a point's mean steady: too few and first-order "
                    + "indices sum well below 1 while small ones scatter around 0. Check the cost with --dry-run. "
                    + "Morris: 10-50 trajectories rank the parameters."
        })
final class SensitivityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path file;

    @Option(
            names = "--vary",
            required = true,
            paramLabel = "PATH=lo:hi",
            converter = Converters.Vary.class,
            description = "A parameter range (repeatable); a whole-number field's has whole ends and gives whole "
                    + "values.")
    private List<Parameter> vary;

    @Option(
            names = "--method",
            defaultValue = "sobol",
            completionCandidates = MethodNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    private SensitivityStudy.Method method;

    @Option(
            names = "--base-points",
            defaultValue = "64",
            description = "Sobol: base points N, N (k + 2) points in all (see below for how many); Morris: "
                    + "trajectories (default: ${DEFAULT-VALUE}).")
    private int basePoints;

    @Option(
            names = "--levels",
            defaultValue = "4",
            description = "Morris grid levels, even (default: ${DEFAULT-VALUE}).")
    private int levels;

    @Option(names = "--runs", required = true, description = "Replications per design point.")
    private int runs;

    @Option(
            names = "--bootstrap",
            defaultValue = "200",
            description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int bootstrap;

    @Mixin
    private Options.SeedThreads model;

    @Mixin
    private Options.Overrides overrides;

    @Mixin
    private Options.Output output;

    @Mixin
    private Options.Engine engine;

    /** The methods' names, for help and completion. */
    static final class MethodNames extends ArrayList<String> {
        private static final long serialVersionUID = 1L;

        MethodNames() {
            super(List.of("sobol", "morris"));
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (method != SensitivityStudy.Method.MORRIS
                && spec.commandLine().getParseResult().hasMatchedOption("--levels")) {
            throw new ParameterException(spec.commandLine(), "--levels applies to --method morris only");
        }
        SensitivityStudy plan = new SensitivityStudy(
                Scenarios.warn(err, ScenarioTemplate.load(file), overrides.list()),
                overrides.list(),
                vary,
                method,
                basePoints,
                levels,
                runs,
                bootstrap,
                model.seed);
        StudyPipeline.Outcome<SensitivityStudy.Outcome> outcome =
                Pipelines.run(plan, spec, output.out, output, model.threadCount(null), engine, false);
        if (outcome == null) {
            return 0;
        }
        List<String[]> table = new ArrayList<>();
        table.add(new String[] {"metric", "parameter", "index", "estimate", "ci95_low", "ci95_high"});
        for (SensitivityStudy.Row r : outcome.result().rows()) {
            table.add(new String[] {
                r.metric(), r.parameter(), r.index(), num(r.estimate()), num(r.ciLow()), num(r.ciHigh())
            });
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.print(SummaryWriters.align(table));
        List<String> verdicts = SensitivityVerdicts.verdicts(outcome.result().rows());
        if (!verdicts.isEmpty()) {
            stdout.println();
            stdout.println(
                    method == SensitivityStudy.Method.SOBOL
                            ? "verdicts (by total index ST: dominates >= 0.5 and twice the next, matters >= 0.1, "
                                    + "minor >= 0.01, else negligible):"
                            : "verdicts (by mu_star against the largest: dominates when twice the next, matters >= "
                                    + "20%, minor >= 5%, else negligible):");
            verdicts.forEach(v -> stdout.println("  " + v));
        }
        List<String> warnings = SensitivityVerdicts.warnings(outcome.result().rows());
        if (!warnings.isEmpty()) {
            stdout.println();
            stdout.println("warnings (a Sobol index lies in [0, 1]; wide intervals cannot rank the parameters):");
            warnings.forEach(w -> stdout.println("  " + w));
            stdout.println("  what to do: " + SensitivityVerdicts.advice(basePoints));
        }
        stdout.flush();
        return Pipelines.reportFailures(outcome.result().result().failures(), err);
    }

    private static String num(Double v) {
        return v == null ? "" : SummaryWriters.num(v);
    }
}
