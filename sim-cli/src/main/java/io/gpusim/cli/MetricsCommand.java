package io.gpusim.cli;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gpusim metrics}: the glossary of output metrics. */
@Command(
        name = "metrics",
        mixinStandardHelpOptions = true,
        addMethodSubcommands = false,
        description = "List the output metrics (the columns of runs.csv, the rows of summary.csv and compare.csv): "
                + "what each means, its unit and when in a run it is measured.")
final class MetricsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "METRIC", description = "Only these metrics (default: all).")
    private List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        List<Metric> metrics = new ArrayList<>();
        if (names.isEmpty()) {
            metrics.addAll(List.of(Metric.values()));
        } else {
            for (String n : names) {
                metrics.add(Metric.byId(n));
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        for (Metric m : metrics) {
            out.print(describe(MetricGlossary.of(m)));
        }
        if (names.isEmpty()) {
            out.println("Empty cells in the CSV files mean \"no value\" (no ban, no leak, nothing requested). Dates "
                    + "are days from the scenario's startDate in the CSV files.");
        }
        out.flush();
        return 0;
    }

    /** A metric's entry as a few lines: name and unit, meaning, when it is measured. */
    static String describe(MetricGlossary.Entry e) {
        String nl = System.lineSeparator();
        return e.metric().id() + " (" + e.unit() + ")" + nl
                + "    " + e.meaning() + nl
                + (e.when().isEmpty() ? "" : "    measured: " + e.when() + nl);
    }
}
