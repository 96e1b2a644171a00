package io.gpusim.cli;

import io.gpusim.agents.Simulation;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import io.gpusim.experiment.Cell;
import io.gpusim.experiment.CompareRow;
import io.gpusim.experiment.CsvStudyOutput;
import io.gpusim.experiment.DesignPoint;
import io.gpusim.experiment.Journal;
import io.gpusim.experiment.TaskEngine;
import io.gpusim.experiment.TaskEngineFactory;
import io.gpusim.experiment.Manifest;
import io.gpusim.experiment.Study;
import io.gpusim.experiment.StudyDefinition;
import io.gpusim.experiment.StudyKind;
import io.gpusim.experiment.StudyOutput;
import io.gpusim.experiment.StudyResult;
import io.gpusim.experiment.StudyRunner;
import io.gpusim.experiment.SummaryRow;
import io.gpusim.experiment.SummaryWriters;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Runs a study for a command: resolve, check, run with progress, write outputs, print the summary. */
final class StudyExecution {
    private StudyExecution() {
    }

    /** Options every study command shares. */
    record Options(Path out, Integer threads, boolean quiet, boolean dryRun, boolean resume, List<String> commandLine,
            String setOrigin, String engine, String master) {
    }

    static int execute(StudyDefinition def, Path baseDir, Options options, PrintWriter out, PrintWriter err)
            throws IOException, InterruptedException {
        int threads = options.threads() != null ? options.threads()
                : def.threads() != null ? def.threads() : Runtime.getRuntime().availableProcessors();
        if (threads < 1) {
            err.println("gpusim: --threads must be >= 1, got " + threads);
            return Main.EXIT_USAGE;
        }
        Study study;
        List<ScenarioTemplate> templates;
        try {
            study = def.resolve(baseDir, options.setOrigin());
            templates = def.templates(baseDir);
        } catch (ScenarioException e) {
            for (ValidationError v : e.errors()) {
                err.println(v);
            }
            return Main.EXIT_USAGE;
        } catch (IllegalArgumentException e) {
            err.println("gpusim: " + e.getMessage());
            return Main.EXIT_USAGE;
        }
        if (!TaskEngineFactory.available(options.engine())) {
            err.println("gpusim: --engine " + options.engine() + " is not available"
                    + ("spark".equals(options.engine()) ? " here: run with the sim-spark jar and Spark on the class "
                    + "path (see README)" : "; engines: local, spark"));
            return Main.EXIT_USAGE;
        }
        if (options.dryRun()) {
            out.print(study.describe());
            out.flush();
            return 0;
        }
        Path outDir = options.out() != null ? options.out()
                : def.output() != null && def.output().dir() != null ? baseDir.resolve(def.output().dir()) : null;
        if (outDir != null) {
            String problem = OutputDirs.problem(options.out() != null ? "--out" : "output.dir", outDir);
            if (problem != null) {
                err.println("gpusim: " + problem);
                return Main.EXIT_USAGE;
            }
        } else if (options.resume()) {
            err.println("gpusim: --resume needs the output directory (--out) of the interrupted study");
            return Main.EXIT_USAGE;
        }
        String fingerprint = study.fingerprint();
        Journal journal = null;
        if (outDir != null) {
            String journaled = Journal.fingerprintIn(outDir);
            String finished = OutputDirs.finishedStudy(outDir);
            if (options.resume()) {
                if (journaled == null) {
                    if (fingerprint.equals(finished)) {
                        out.println("gpusim: " + outDir + " already holds this finished study; nothing to resume");
                        out.flush();
                        return 0;
                    }
                    err.println("gpusim: --resume: " + outDir + " holds no interrupted study");
                    return Main.EXIT_USAGE;
                }
                if (!journaled.equals(fingerprint)) {
                    err.println("gpusim: --resume: the study journaled in " + outDir + " differs from this one "
                            + "(scenario files, overrides or options changed); run it as it was, or use another --out");
                    return Main.EXIT_USAGE;
                }
            } else {
                String other = journaled != null ? journaled : finished;
                if (other != null && !other.equals(fingerprint)) {
                    err.println("gpusim: --out " + outDir + " holds a different study; use another directory");
                    return Main.EXIT_USAGE;
                }
            }
            Files.createDirectories(outDir);
            CsvStudyOutput.removeStaleTemporaries(outDir);
            if (options.resume() && study.seriesRuns() > 0) {
                err.println("gpusim: note: the journal keeps no series, so this resume recomputes every replication");
                journal = Journal.start(outDir, fingerprint);
            } else {
                journal = options.resume() ? Journal.resume(outDir, study.kind() == StudyKind.COMPARE ? 2 : 1)
                        : Journal.start(outDir, fingerprint);
            }
        }
        Instant started = Instant.now();
        StudyResult result;
        boolean progressBar = !options.quiet() && Terminal.stderrIsTerminal();
        Interrupts interrupts = journal == null ? null : new Interrupts(journal, outDir, study.plannedRuns(),
                options.commandLine(), err);
        try (TaskEngine runner = TaskEngineFactory.create(options.engine(), options.master(), threads);
                CsvStudyOutput files = outDir == null ? null : new CsvStudyOutput(outDir, study.seriesRuns() > 0);
                ProgressBar bar = progressBar ? new ProgressBarBuilder().setTaskName(study.name())
                        .setInitialMax(study.plannedRuns()).setStyle(ProgressBarStyle.ASCII).showSpeed()
                        .setUpdateIntervalMillis(250).build() : null) {
            StudyRunner studyRunner = new StudyRunner(runner, Simulation.replicator(study.seriesRuns() > 0),
                    done -> {
                        if (bar != null) {
                            bar.stepTo(done);
                        }
                    });
            result = studyRunner.run(study, files == null ? StudyOutput.NONE : files, journal);
            if (files != null) {
                files.failures(result.failures());
                files.points(def.designPoints());
                files.manifest(manifest(def, study, templates, result, threads, options, started, fingerprint));
                files.commit();
                journal.delete();
                runner.studyWritten(outDir);
            }
        } finally {
            if (interrupts != null) {
                interrupts.done();
            }
            if (journal != null) {
                journal.close();
            }
        }
        print(study, result, def.designPoints(), out);
        if (study.until() != null) {
            for (int c = 0; c < study.cells().size(); c++) {
                out.printf(Locale.ROOT, "%s: %d runs used (until %s half-width <= %s x mean, at most %d)%n",
                        study.cells().get(c).scenarioLabel(), result.runsPerCell()[c], study.until().metric().id(),
                        study.until().relativeHalfWidth(), study.until().maxRuns());
            }
        }
        out.flush();
        for (StudyResult.Failure f : result.failures()) {
            err.printf(Locale.ROOT, "gpusim: %s%s replication %d (seed %d) failed: %s%n", f.scenario(),
                    f.point().isEmpty() ? "" : " point " + f.point(), f.run(), f.seed(), f.error());
        }
        err.flush();
        return result.failures().isEmpty() ? 0 : Main.EXIT_RUN_FAILED;
    }

    private static void print(Study study, StudyResult result, List<DesignPoint> points, PrintWriter out) {
        switch (study.kind()) {
            case BATCH -> {
                int perCell = Metric.values().length;
                for (int c = 0; c < study.cells().size(); c++) {
                    if (study.cells().size() > 1) {
                        out.println("scenario " + study.cells().get(c).scenarioLabel());
                    }
                    out.print(SummaryWriters.table(result.summary().subList(c * perCell, (c + 1) * perCell)));
                }
            }
            case SWEEP -> out.print(sweepTable(study, result));
            case COMPARE -> out.print(compareTable(study, result.comparison()));
            default -> throw new IllegalStateException();
        }
    }

    private static final Metric[] KEY = {Metric.REQUESTED_UNITS, Metric.STOCKPILE_UNITS_AT_BAN,
        Metric.SHIPPED_SHARE, Metric.VENDOR_WRITEDOWN_USD};

    private static String sweepTable(Study study, StudyResult result) {
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("scenario", "point"));
        Cell first = study.cells().get(0);
        header.addAll(first.pointValues().keySet());
        for (Metric m : KEY) {
            header.add(m.id() + " p50");
        }
        rows.add(header.toArray(new String[0]));
        int perCell = Metric.values().length;
        for (int c = 0; c < study.cells().size(); c++) {
            Cell cell = study.cells().get(c);
            List<String> row = new ArrayList<>(List.of(cell.scenarioLabel(), cell.pointLabel()));
            cell.pointValues().values().forEach(v -> row.add(v.isNumber() ? SummaryWriters.num(v.doubleValue())
                    : v.asText()));
            for (Metric m : KEY) {
                SummaryRow r = result.summary().get(c * perCell + m.ordinal());
                row.add(SummaryWriters.num(r.p50()));
            }
            rows.add(row.toArray(new String[0]));
        }
        return SummaryWriters.align(rows);
    }

    private static String compareTable(Study study, List<CompareRow> rows) {
        List<String[]> table = new ArrayList<>();
        String a = study.cells().get(0).scenarioLabel();
        String b = study.cells().get(1).scenarioLabel();
        table.add(new String[] {"metric", "n", "mean " + a, "mean " + b, "diff (b-a)", "ci95_low", "ci95_high",
            "P(b>a)"});
        for (CompareRow r : rows) {
            table.add(new String[] {r.metric(), Long.toString(r.n()), num(r.meanA()), num(r.meanB()),
                num(r.diffMean()), num(r.diffCiLow()), num(r.diffCiHigh()), num(r.pBGreaterThanA())});
        }
        return SummaryWriters.align(table);
    }

    private static String num(Double v) {
        return v == null ? "" : SummaryWriters.num(v);
    }

    private static Manifest manifest(StudyDefinition def, Study study, List<ScenarioTemplate> templates,
            StudyResult result, int threads, Options options, Instant started, String fingerprint) {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ScenarioTemplate t : templates) {
            hashes.putAll(t.fileHashes());
        }
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (Cell c : study.cells()) {
            scenarios.put(c.pointLabel().isEmpty() ? c.scenarioLabel() : c.scenarioLabel() + " point "
                    + c.pointLabel(), c.scenario());
        }
        List<Map<String, Object>> points = new ArrayList<>();
        for (DesignPoint p : def.designPoints()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("point", p.index());
            p.values().forEach((k, v) -> m.put(k, v));
            points.add(m);
        }
        return new Manifest(Version.current(), Version.commit(), options.commandLine(), study.name(),
                study.kind().name().toLowerCase(Locale.ROOT), fingerprint, hashes, scenarios, points, study.seed(), study.runs(),
                result.totalRuns(), threads, started.toString(), Instant.now().toString(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.version"),
                result.failures().size());
    }
}
