package io.gpusim.cli;

import io.gpusim.agents.Simulation;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.CsvStudyOutput;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.SensitivityStudy;
import io.gpusim.experiment.StudyOutput;
import io.gpusim.experiment.StudyResult;
import io.gpusim.experiment.StudyRunner;
import io.gpusim.experiment.SummaryWriters;
import io.gpusim.experiment.TaskEngine;
import io.gpusim.experiment.TaskEngineFactory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gpusim sensitivity}: Sobol or Morris indices of every metric to scenario parameters. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = "Global sensitivity of every metric to parameters: Sobol first-order and total indices "
                + "(Saltelli design on a Sobol sequence) or Morris mu* and sigma, with bootstrap 95%% intervals.")
final class SensitivityCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path file;

    @Option(names = "--vary", required = true, paramLabel = "PATH=lo:hi", description = "A parameter range (repeatable).")
    private List<String> vary;

    @Option(names = "--method", defaultValue = "sobol", description = "sobol or morris (default: ${DEFAULT-VALUE}).")
    private String method;

    @Option(names = "--base-points", defaultValue = "64",
            description = "Sobol: base points N, N (k + 2) points in all; Morris: trajectories (default: ${DEFAULT-VALUE}).")
    private int basePoints;

    @Option(names = "--levels", defaultValue = "4", description = "Morris grid levels, even (default: ${DEFAULT-VALUE}).")
    private int levels;

    @Option(names = "--runs", required = true, description = "Replications per design point.")
    private int runs;

    @Option(names = "--bootstrap", defaultValue = "200", description = "Bootstrap resamples (default: ${DEFAULT-VALUE}).")
    private int bootstrap;

    @picocli.CommandLine.Mixin
    private ModelFlags model;

    @Option(names = "--out", paramLabel = "DIR", description = "Write sensitivity.csv, points.csv, runs.csv, summary.csv.")
    private Path out;

    @Option(names = "--quiet", description = "No progress output.")
    private boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        int threadCount = model.threadCount();
        String flagProblem = runs < 1 ? "--runs must be >= 1, got " + runs
                : threadCount < 1 ? "--threads must be >= 1, got " + threadCount
                : bootstrap < 1 ? "--bootstrap must be >= 1, got " + bootstrap : null;
        if (flagProblem != null) {
            err.println("gpusim sensitivity: " + flagProblem);
            return Main.EXIT_USAGE;
        }
        SensitivityStudy.Method m;
        try {
            m = SensitivityStudy.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            err.println("gpusim sensitivity: --method " + method + ": expected sobol or morris");
            return Main.EXIT_USAGE;
        }
        if (out != null && OutputDirs.problem(out) != null) {
            err.println("gpusim sensitivity: " + OutputDirs.problem(out));
            return Main.EXIT_USAGE;
        }
        SensitivityStudy plan;
        try {
            List<Parameter> params = ModelFlags.parameters(vary);
            List<ScenarioOverride> base = model.overrides();
            plan = new SensitivityStudy(ScenarioTemplate.load(file), base, params, m, basePoints, levels, runs, model.seed);
        } catch (ScenarioException e) {
            for (ValidationError v : e.errors()) {
                err.println(v);
            }
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("gpusim sensitivity: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!quiet) {
            err.printf(Locale.ROOT, "gpusim: %d design points x %d runs = %d replications%n",
                    plan.study().cells().size(), runs, plan.study().plannedRuns());
        }
        StudyResult result;
        try (TaskEngine engine = TaskEngineFactory.create("local", null, threadCount);
                CsvStudyOutput files = out == null ? null : new CsvStudyOutput(out, false)) {
            result = new StudyRunner(engine, Simulation.replicator(false), n -> { })
                    .run(plan.study(), files == null ? StudyOutput.NONE : files);
            List<SensitivityStudy.Row> rows = plan.analyse(result, bootstrap);
            if (files != null) {
                files.failures(result.failures());
                files.points(plan.points());
                files.commit();
                SensitivityStudy.write(out.resolve("sensitivity.csv"), rows);
            }
            List<String[]> table = new ArrayList<>();
            table.add(new String[] {"metric", "parameter", "index", "estimate", "ci95_low", "ci95_high"});
            for (SensitivityStudy.Row r : rows) {
                table.add(new String[] {r.metric(), r.parameter(), r.index(), num(r.estimate()), num(r.ciLow()),
                    num(r.ciHigh())});
            }
            stdout.print(SummaryWriters.align(table));
            stdout.flush();
        }
        return result.failures().isEmpty() ? 0 : Main.EXIT_RUN_FAILED;
    }

    private static String num(Double v) {
        return v == null ? "" : SummaryWriters.num(v);
    }
}
