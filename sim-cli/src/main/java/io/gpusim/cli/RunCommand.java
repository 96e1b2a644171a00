package io.gpusim.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.gpusim.agents.Simulation;
import io.gpusim.core.Calendar;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.core.metrics.ProductSeries;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.experiment.Cell;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.CsvStudyOutput;
import io.gpusim.experiment.Fingerprint;
import io.gpusim.experiment.Manifest;
import io.gpusim.experiment.OutputDirectory;
import io.gpusim.experiment.OutputLock;
import io.gpusim.experiment.Replication;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/** {@code gpusim run}: one replication, its metrics printed and, with --out, its metrics and series written. */
@Command(
        name = "run",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "Run one replication of a scenario; print its metrics, and with --out write runs.csv, "
                + "products.csv, series.csv (one row per step, one column per series, then each foreign product's "
                + "series) and manifest.json.")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (YAML or JSON).")
    private Path scenarioFile;

    @Option(names = "--seed", defaultValue = "1", description = "Master seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--replication",
            defaultValue = "0",
            description = "Replication index under the master seed; batch row i is replication i (default: 0).")
    private int replication;

    @Mixin
    private Options.Overrides overrides;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            description = "Write runs.csv, products.csv, series.csv and manifest.json here.")
    private Path out;

    @Option(
            names = "--overwrite",
            description = "Replace the outputs of another run or of a study in --out (refused while another gpusim "
                    + "process is writing there).")
    private boolean overwrite;

    /** The scenario file as read, for the hashes of its files in the manifest. */
    private ScenarioTemplate template;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (replication < 0) {
            throw new ParameterException(spec.commandLine(), "--replication must be >= 0, got " + replication);
        }
        template = ScenarioTemplate.load(scenarioFile);
        Scenario scenario = Scenarios.warn(err, template, overrides.list()).with(overrides.list());
        String outProblem = out == null ? null : OutputDirectory.problem(out);
        if (outProblem != null) {
            throw new ParameterException(spec.commandLine(), "--out " + outProblem);
        }
        if (overwrite && out == null) {
            throw new ParameterException(spec.commandLine(), "--overwrite needs --out");
        }
        if (out == null) {
            return run(scenario, null, null);
        }
        String fingerprint = fingerprint(scenario);
        try (OutputLock lock = OutputLock.acquire(out)) {
            if (!overwrite) {
                // refuse another study's directory, or another run's, before running
                OutputDirectory.claim(out, fingerprint, false);
            }
            return run(scenario, out, fingerprint);
        } catch (OutputLock.InUseException e) {
            throw new ParameterException(spec.commandLine(), "--out " + e.getMessage());
        }
    }

    /**
     * What determines this run's outputs: the fully resolved scenario, the master seed and the replication. A directory
     * holding the outputs of another run, or of a study, is refused without --overwrite.
     */
    private String fingerprint(Scenario scenario) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("kind", Manifest.ONE_RUN);
        identity.put("seed", seed);
        identity.put("replication", replication);
        identity.put("scenario", scenario);
        return Fingerprint.of(identity);
    }

    /**
     * Runs the replication, prints its metrics and, with a directory (held by this process), writes them there as the
     * outputs of the run with {@code fingerprint}.
     */
    private int run(Scenario scenario, Path dir, String fingerprint) throws Exception {
        Instant started = Instant.now();
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        long replicationSeed = Seeds.replicationSeed(seed, replication);
        RunResult result;
        try {
            result = Simulation.run(scenario, replicationSeed, dir != null);
        } catch (RuntimeException e) {
            err.println("gpusim run: the replication failed: " + e);
            return Main.EXIT_RUN_FAILED;
        }
        stdout.printf(Locale.ROOT, "%-28s %s%n", "scenario", scenario.name());
        stdout.printf(Locale.ROOT, "%-28s %d%n", "seed", replicationSeed);
        LocalDate start = scenario.simulation().startDate();
        for (Metric m : Metric.values()) {
            double v = result.get(m);
            String shown = Double.isNaN(v) ? "" : Numbers.plain(v);
            if (MetricGlossary.of(m).isDay() && !Double.isNaN(v)) {
                shown += " (" + MetricGlossary.date(v, start) + ")";
            }
            stdout.printf(Locale.ROOT, "%-28s %s%n", m.id(), shown);
        }
        stdout.flush();
        if (dir != null) {
            write(dir, fingerprint, scenario, result, started);
        }
        return 0;
    }

    /**
     * Writes the run's files into {@code dir}: runs.csv, products.csv, the wide series.csv and manifest.json. With
     * --overwrite, what another study or run left there goes once this run's files are in place (without it, such a
     * directory was refused before the run).
     */
    private void write(Path dir, String fingerprint, Scenario scenario, RunResult result, Instant started)
            throws ScenarioException, IOException {
        boolean replacing = overwrite && OutputDirectory.claim(dir, fingerprint, true);
        try (CsvStudyOutput files = CsvStudyOutput.oneRun(dir)) {
            files.run(Cell.of(scenario.name(), scenario), new Replication(replication, result.seed(), result, null));
            files.stage("series.csv", w -> writeSeries(w, scenario, result));
            files.manifest(new Manifest(
                    Version.current(),
                    Version.commit(),
                    Commands.commandLine(spec),
                    scenario.name(),
                    Manifest.ONE_RUN,
                    fingerprint,
                    template.fileHashes(),
                    Map.of(scenario.name(), scenario),
                    List.of(),
                    seed,
                    1,
                    1,
                    1,
                    started.toString(),
                    Instant.now().toString(),
                    Manifest.runningJava(),
                    0));
            files.commit();
            if (replacing) {
                OutputDirectory.removeStudyExcept(dir, files.fileNames());
            }
        }
    }

    private static void writeSeries(Writer w, Scenario scenario, RunResult result) throws IOException {
        CsvSchema.Builder cols = CsvSchema.builder()
                .addColumn("step", CsvSchema.ColumnType.NUMBER)
                .addColumn("date");
        for (Series s : Series.values()) {
            cols.addColumn(s.id(), CsvSchema.ColumnType.NUMBER);
        }
        int products = result.hasProductSeries() ? result.products().size() : 0;
        double[][] perProduct = new double[products * ProductSeries.values().length][];
        for (int f = 0; f < products; f++) {
            for (ProductSeries ps : ProductSeries.values()) {
                cols.addColumn(ps.id(result.products().names().products()[f]), CsvSchema.ColumnType.NUMBER);
                perProduct[f * ProductSeries.values().length + ps.ordinal()] = result.productSeries(f, ps);
            }
        }
        Calendar cal = Calendar.of(scenario.simulation());
        try (SequenceWriter seq = Csv.MAPPER.writer(cols.build().withHeader()).writeValues(w)) {
            int standard = Series.values().length;
            for (int t = 0; t < result.steps(); t++) {
                Object[] row = new Object[2 + standard + perProduct.length];
                row[0] = t;
                row[1] = cal.dateOfStep(t).toString();
                for (Series s : Series.values()) {
                    row[2 + s.ordinal()] = result.series(s)[t];
                }
                for (int k = 0; k < perProduct.length; k++) {
                    row[2 + standard + k] = perProduct[k][t];
                }
                seq.write(row);
            }
        }
    }
}
