package io.gpusim.cli;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.Cell;
import io.gpusim.experiment.CellsJob;
import io.gpusim.experiment.CompareRow;
import io.gpusim.experiment.Explain;
import io.gpusim.experiment.Study;
import io.gpusim.experiment.StudyDefinition;
import io.gpusim.experiment.StudyPipeline;
import io.gpusim.experiment.StudyResult;
import io.gpusim.experiment.SummaryRow;
import io.gpusim.experiment.SummaryWriters;
import io.gpusim.experiment.Until;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/** Runs a batch, sweep or comparison for a command: resolve, run through the pipeline, print the summary. */
final class StudyExecution {
    private StudyExecution() {}

    /**
     * Resolves a study definition and runs it.
     *
     * @param setOrigin how {@code set} values are named in errors ({@code --set}, or the study file)
     * @param out the output directory from the command line, or null for the definition's
     * @param threads threads from the command line, or null for the definition's
     */
    static int execute(
            StudyDefinition def,
            Path baseDir,
            String setOrigin,
            CommandSpec spec,
            Options.Output output,
            Integer threads,
            Options.Engine engine)
            throws ScenarioException, IOException, InterruptedException {
        StudyDefinition.Resolved resolved = def.resolveWithTemplates(baseDir, setOrigin);
        Study study = resolved.study();
        List<ScenarioTemplate> templates = resolved.templates();
        Scenarios.warn(spec.commandLine().getErr(), templates, def.setOverrides(setOrigin));
        for (String warning :
                new String[] {StudyDefinition.noDifference(study), StudyDefinition.differentStarts(study)}) {
            if (warning != null) {
                spec.commandLine().getErr().println(spec.qualifiedName() + ": warning: " + warning);
            }
        }
        Path outDir = output.out != null
                ? output.out
                : def.output() != null && def.output().dir() != null
                        ? baseDir.resolve(def.output().dir())
                        : null;
        if (study.seriesRuns() > 0 && outDir == null) {
            throw new ScenarioException(List.of(
                    new ValidationError(null, 0, 0, "output.series", "needs an output directory to write series.csv")));
        }
        int threadCount = threads != null
                ? threads
                : def.threads() != null ? def.threads() : Runtime.getRuntime().availableProcessors();
        CellsJob job = new CellsJob(study, templates, def.designPoints());
        StudyPipeline.Outcome<StudyResult> outcome =
                Pipelines.run(job, spec, outDir, output, threadCount, engine, study.seriesRuns() > 0);
        if (outcome == null) {
            return 0;
        }
        StudyResult result = outcome.result();
        PrintWriter out = spec.commandLine().getOut();
        print(study, result, out);
        if (study.until() != null) {
            for (int c = 0; c < study.cells().size(); c++) {
                Cell cell = study.cells().get(c);
                out.printf(
                        Locale.ROOT,
                        "%s: %d runs used (until %s half-width <= %s x mean, at most %d)%s%n",
                        cell.scenarioLabel(),
                        result.runsPerCell()[c],
                        study.until().metric().id(),
                        study.until().relativeHalfWidth(),
                        study.until().maxRuns(),
                        notMet(study.until(), result.rows(cell), result.runsPerCell()[c]));
            }
        }
        out.flush();
        return Pipelines.reportFailures(result.failures(), spec.commandLine().getErr());
    }

    /**
     * Why a cell that used every run it could did not meet the stopping rule, or "" when it met it: a metric that no
     * run gave a value never can, and the rule then only spent the runs.
     */
    private static String notMet(Until until, List<SummaryRow> rows, long runsUsed) {
        if (runsUsed < until.maxRuns()) {
            return "";
        }
        SummaryRow row = rows.stream()
                .filter(r -> r.metric().equals(until.metric().id()))
                .findFirst()
                .orElse(null);
        if (row == null || row.n() == 0) {
            return "; not met: " + until.metric().id() + " had no value in any run";
        }
        return until.met(row) ? "" : "; not met at the most runs allowed";
    }

    private static void print(Study study, StudyResult result, PrintWriter out) {
        switch (study.kind()) {
            case BATCH -> {
                for (Cell cell : study.cells()) {
                    if (study.cells().size() > 1) {
                        out.println("scenario " + cell.scenarioLabel());
                    }
                    out.print(SummaryWriters.table(result.rows(cell), startOf(cell)));
                }
            }
            case SWEEP -> out.print(sweepTable(study, result));
            case COMPARE -> {
                out.print(compareTable(study, result.comparison()));
                out.print(Explain.text(
                        result.comparison(),
                        study.cells().get(0).scenarioLabel(),
                        study.cells().get(1).scenarioLabel(),
                        startOf(study.cells().get(0)),
                        startOf(study.cells().get(1))));
            }
            default -> throw new IllegalStateException();
        }
    }

    private static final Metric[] KEY = {
        Metric.REQUESTED_UNITS, Metric.STOCKPILE_UNITS_AT_BAN, Metric.SHIPPED_SHARE, Metric.VENDOR_WRITEDOWN_USD
    };

    private static String sweepTable(Study study, StudyResult result) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scenario", "point"));
        Cell first = study.cells().get(0);
        header.addAll(first.pointValues().keySet());
        for (Metric m : KEY) {
            header.add(m.id() + " p50");
        }
        rows.add(header.toArray(new String[0]));
        for (Cell cell : study.cells()) {
            List<String> row = new ArrayList<>(List.of(cell.scenarioLabel(), cell.pointLabel()));
            cell.pointValues()
                    .values()
                    .forEach(v -> row.add(v.isNumber() ? SummaryWriters.num(v.doubleValue()) : v.asText()));
            for (Metric m : KEY) {
                row.add(SummaryWriters.num(result.row(cell, m).p50()));
            }
            rows.add(row.toArray(new String[0]));
        }
        return SummaryWriters.align(rows);
    }

    /** The first day of a cell's scenario, from which day metrics are counted. */
    static LocalDate startOf(Cell cell) {
        return cell.scenario() == null || cell.scenario().simulation() == null
                ? null
                : cell.scenario().simulation().startDate();
    }

    private static String compareTable(Study study, List<CompareRow> rows) {
        List<String[]> table = new ArrayList<>();
        String a = study.cells().get(0).scenarioLabel();
        String b = study.cells().get(1).scenarioLabel();
        LocalDate startA = startOf(study.cells().get(0));
        LocalDate startB = startOf(study.cells().get(1));
        table.add(new String[] {
            "metric",
            "unit",
            "n",
            "mean " + a,
            "mean " + b,
            "diff_mean",
            "diff_ci95_low",
            "diff_ci95_high",
            "P(" + b + " > " + a + ")"
        });
        for (CompareRow r : rows) {
            Metric m = SummaryWriters.metric(r.metric());
            table.add(new String[] {
                r.metric(),
                m == null ? "" : MetricGlossary.of(m).unit(),
                Long.toString(r.n()),
                value(m, r.meanA(), startA),
                value(m, r.meanB(), startB),
                difference(m, r.diffMean()),
                difference(m, r.diffCiLow()),
                difference(m, r.diffCiHigh()),
                r.pBGreaterThanA() == null ? "" : SummaryWriters.num(r.pBGreaterThanA())
            });
        }
        String n = Long.toString(rows.stream().mapToLong(CompareRow::n).max().orElse(0));
        return "paired differences " + b + " - " + a + " over " + n + " pairs of replications with the same seeds "
                + "(diff_mean: mean difference; diff_ci95: its 95% t interval; P: share of pairs where " + b
                + " is larger)" + System.lineSeparator() + SummaryWriters.align(table);
    }

    private static String value(Metric m, Double v, LocalDate start) {
        return v == null ? "" : SummaryWriters.value(m, v, start);
    }

    private static String difference(Metric m, Double v) {
        return v == null ? "" : SummaryWriters.difference(m, v);
    }
}
