package io.gpusim.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.experiment.Csv;
import io.gpusim.experiment.Explain;
import io.gpusim.experiment.OutputDirectory;
import io.gpusim.experiment.SensitivityStudy;
import io.gpusim.experiment.SensitivityVerdicts;
import io.gpusim.experiment.SummaryWriters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One self-contained HTML page for an output directory: what was run (from the manifest), the summary table, the
 * comparison and sensitivity tables when present, and every chart embedded as an image. It can be opened offline
 * and sent as one file.
 */
public final class Report {
    private static final String[] SUMMARY_COLUMNS = {
        "scenario", "point", "metric", "n", "p05", "p50", "p95", "mean", "ci_low", "ci_high"
    };

    private Report() {}

    /**
     * Writes {@code DIR/report.html} (drawing the charts first when there are none) and returns its path. Every input
     * is read and checked first: a damaged file is an {@link IllegalArgumentException} naming it, and leaves
     * {@code DIR} as it was.
     */
    public static Path write(Path dir) throws IOException {
        OutputTables.checkAgainstManifest(dir);
        JsonNode manifest = OutputTables.manifest(dir);
        List<Map<String, String>> compare = OutputTables.read(dir, OutputTables.COMPARE);
        List<Map<String, String>> sensitivity = OutputTables.read(dir, OutputTables.SENSITIVITY);
        int points = OutputTables.read(dir, OutputTables.POINTS).size();
        List<Map<String, String>> summary = OutputTables.read(dir, OutputTables.SUMMARY);
        List<String> sides = OutputTables.scenarios(dir);
        Path plots = dir.resolve(OutputDirectory.PLOTS);
        if (!Files.isDirectory(plots)) {
            Charts.plotAll(dir);
        }
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>gpusim report</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1000px;color:#222}")
                .append("table{border-collapse:collapse;font-size:13px;margin:1em 0}")
                .append("td,th{border-bottom:1px solid #ddd;padding:3px 8px;text-align:right}")
                .append("td:first-child,th:first-child,td.t{text-align:left}")
                .append("img{max-width:100%;border:1px solid #eee;margin:0.5em 0}")
                .append("code{background:#f4f4f4;padding:1px 4px}</style></head><body>\n");
        html.append("<h1>gpusim report")
                .append(manifest == null ? "" : ": " + escape(text(manifest, "study")))
                .append("</h1>\n");
        if (manifest != null) {
            html.append("<p>")
                    .append(escape(text(manifest, "kind")))
                    .append(", ")
                    .append(escape(text(manifest, "runsTotal")))
                    .append(" replications, master seed ")
                    .append(escape(text(manifest, "masterSeed")))
                    .append(", ")
                    .append(escape(text(manifest, "threads")))
                    .append(" threads; gpusim ")
                    .append(escape(text(manifest, "gpusimVersion")))
                    .append(" (commit <code>")
                    .append(escape(text(manifest, "gitCommit")))
                    .append("</code>), ")
                    .append(escape(text(manifest, "javaVersion")))
                    .append("; finished ")
                    .append(escape(text(manifest, "finished")))
                    .append(".</p>\n<p>Command: <code>");
            for (JsonNode a : manifest.path("commandLine")) {
                html.append(escape(a.asText())).append(' ');
            }
            html.append("</code></p>\n");
        }
        String a = sides.size() > 0 ? sides.get(0) : "A";
        String b = sides.size() > 1 ? sides.get(1) : "B";
        table(
                html,
                "Comparison: " + b + " - " + a + " (paired, 95% interval of the mean difference)",
                comparedWithDates(compare, startDate(manifest, a), startDate(manifest, b)),
                null);
        explain(html, compare, a, b, startDate(manifest, a), startDate(manifest, b));
        table(html, "Sensitivity indices (ci_low, ci_high: bootstrap 95% interval)", sensitivity, null);
        verdicts(html, OutputTables.sensitivityRows(sensitivity), points);
        table(
                html,
                "Summary (ci_low, ci_high: 95% interval of the mean)",
                withDates(summary, manifest),
                SUMMARY_COLUMNS);
        glossary(html, summary, compare);
        if (Files.isDirectory(plots)) {
            html.append("<h2>Charts</h2>\n");
            try (Stream<Path> files = Files.list(plots)) {
                for (Path png : files.filter(p -> p.toString().endsWith(".png"))
                        .sorted()
                        .toList()) {
                    html.append("<img alt=\"")
                            .append(escape(png.getFileName().toString()))
                            .append("\" src=\"data:image/png;base64,")
                            .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png)))
                            .append("\">\n");
                }
            }
        }
        html.append("</body></html>\n");
        Path out = dir.resolve(OutputDirectory.REPORT);
        Csv.writeAtomically(out, w -> w.write(html.toString()));
        return out;
    }

    private static void table(StringBuilder html, String title, List<Map<String, String>> rows, String[] columns) {
        if (rows.isEmpty()) {
            return;
        }
        String[] cols = columns != null ? columns : rows.get(0).keySet().toArray(new String[0]);
        html.append("<h2>").append(escape(title)).append("</h2>\n<table><tr>");
        for (String c : cols) {
            html.append("<th>").append(escape(c)).append("</th>");
        }
        html.append("</tr>\n");
        for (Map<String, String> r : rows) {
            html.append("<tr>");
            for (String c : cols) {
                String v = r.getOrDefault(c, "");
                boolean numeric = !v.isEmpty() && v.matches("-?[0-9.]+([Ee][+-]?[0-9]+)?");
                html.append(numeric ? "<td>" : "<td class=\"t\">")
                        .append(escape(numeric ? SummaryWriters.num(Double.parseDouble(v)) : v))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
    }

    /** A verdict per metric and warnings where the indices cannot be trusted ({@link SensitivityVerdicts}). */
    private static void verdicts(StringBuilder html, List<SensitivityStudy.Row> rows, int points) {
        List<String> verdicts = SensitivityVerdicts.verdicts(rows);
        if (verdicts.isEmpty()) {
            return;
        }
        html.append("<h2>Sensitivity verdicts</h2>\n<ul>\n");
        for (String v : verdicts) {
            html.append("<li>").append(escape(v)).append("</li>\n");
        }
        html.append("</ul>\n");
        List<String> warnings = SensitivityVerdicts.warnings(rows);
        if (!warnings.isEmpty()) {
            long parameters = rows.stream()
                    .map(SensitivityStudy.Row::parameter)
                    .distinct()
                    .count();
            boolean sobol = rows.stream().anyMatch(r -> r.index().equals("ST"));
            int basePoints = sobol && points > 0 ? (int) (points / (parameters + 2)) : 0;
            html.append("<p>Warnings (a Sobol index lies in [0, 1]; wide intervals cannot rank the parameters):</p>")
                    .append("\n<ul>\n");
            for (String w : warnings) {
                html.append("<li>").append(escape(w)).append("</li>\n");
            }
            html.append("<li>what to do: ")
                    .append(escape(SensitivityVerdicts.advice(basePoints)))
                    .append("</li>\n</ul>\n");
        }
    }

    /** The comparison's significant differences traced to their parts ({@link Explain}). */
    private static void explain(
            StringBuilder html,
            List<Map<String, String>> compare,
            String a,
            String b,
            java.time.LocalDate startA,
            java.time.LocalDate startB) {
        List<String> entries = Explain.of(OutputTables.compareRows(compare), startA, startB);
        if (entries.isEmpty()) {
            return;
        }
        html.append("<h2>Explain</h2>\n<p>The differences whose 95% interval excludes 0, ")
                .append(escape(b + " - " + a))
                .append(", traced to their parts (means over the pairs):</p>\n<ul>\n");
        for (String e : entries) {
            String[] lines = e.split("\n");
            html.append("<li>").append(escape(lines[0]));
            if (lines.length > 1) {
                html.append("<ul>");
                for (int i = 1; i < lines.length; i++) {
                    html.append("<li>").append(escape(lines[i].strip())).append("</li>");
                }
                html.append("</ul>");
            }
            html.append("</li>\n");
        }
        html.append("</ul>\n");
    }

    /** Comparison rows with day metrics' means written as dates and their differences in days. */
    private static List<Map<String, String>> comparedWithDates(
            List<Map<String, String>> rows, java.time.LocalDate startA, java.time.LocalDate startB) {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        for (Map<String, String> r : rows) {
            Metric m = SummaryWriters.metric(r.get("metric"));
            if (m == null || !MetricGlossary.of(m).isDay() || startA == null || startB == null) {
                out.add(r);
                continue;
            }
            Map<String, String> dated = new java.util.LinkedHashMap<>(r);
            double meanA = OutputTables.number(r, "mean_a");
            double meanB = OutputTables.number(r, "mean_b");
            dated.put(
                    "mean_a",
                    Double.isNaN(meanA)
                            ? ""
                            : MetricGlossary.date(meanA, startA).toString());
            dated.put(
                    "mean_b",
                    Double.isNaN(meanB)
                            ? ""
                            : MetricGlossary.date(meanB, startB).toString());
            for (String c : new String[] {"diff_mean", "diff_ci_low", "diff_ci_high"}) {
                double v = OutputTables.number(r, c);
                dated.put(c, Double.isNaN(v) ? "" : SummaryWriters.difference(m, v));
            }
            out.add(dated);
        }
        return out;
    }

    /** Summary rows with the values of day metrics ({@code ban_day}) written as dates. */
    private static List<Map<String, String>> withDates(List<Map<String, String>> rows, JsonNode manifest) {
        List<Map<String, String>> out = new java.util.ArrayList<>();
        for (Map<String, String> r : rows) {
            Metric m = SummaryWriters.metric(r.get("metric"));
            String point = r.getOrDefault("point", "");
            String label = r.get("scenario");
            java.time.LocalDate start = startDate(manifest, label);
            if (start == null) {
                start = startDate(manifest, label + " point " + point);
            }
            if (m == null || !MetricGlossary.of(m).isDay() || start == null) {
                out.add(r);
                continue;
            }
            Map<String, String> dated = new java.util.LinkedHashMap<>(r);
            for (String c : new String[] {"p05", "p50", "p95", "mean", "ci_low", "ci_high"}) {
                double v = OutputTables.number(r, c);
                if (!Double.isNaN(v)) {
                    dated.put(c, MetricGlossary.date(v, start).toString());
                }
            }
            out.add(dated);
        }
        return out;
    }

    /** The start date of a cell's scenario as the manifest resolved it, or null. */
    static java.time.LocalDate startDate(JsonNode manifest, String label) {
        if (manifest == null) {
            return null;
        }
        JsonNode start =
                manifest.path("scenarios").path(label).path("simulation").path("startDate");
        try {
            return start.isTextual() ? java.time.LocalDate.parse(start.asText()) : null;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** What each metric in the tables means, its unit and when it is measured. */
    private static void glossary(
            StringBuilder html, List<Map<String, String>> summary, List<Map<String, String>> compare) {
        java.util.Set<String> shown = new java.util.LinkedHashSet<>();
        summary.forEach(r -> shown.add(r.get("metric")));
        compare.forEach(r -> shown.add(r.get("metric")));
        if (shown.isEmpty()) {
            return;
        }
        html.append("<h2>Metrics</h2>\n<table><tr><th>metric</th><th>unit</th><th>when measured</th>")
                .append("<th>meaning</th></tr>\n");
        for (Metric m : Metric.values()) {
            if (shown.contains(m.id())) {
                MetricGlossary.Entry e = MetricGlossary.of(m);
                html.append("<tr><td>")
                        .append(escape(m.id()))
                        .append("</td><td class=\"t\">")
                        .append(escape(e.unit()))
                        .append("</td><td class=\"t\">")
                        .append(escape(e.when()))
                        .append("</td><td class=\"t\">")
                        .append(escape(e.meaning()))
                        .append("</td></tr>\n");
            }
        }
        html.append("</table>\n<p>In the CSV files dates are days from the scenario's start date; "
                + "<code>ci_low</code>/<code>ci_high</code> in the summary are the 95% confidence interval of the "
                + "mean, not a range of outcomes (that is <code>p05</code>-<code>p95</code>).</p>\n");
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** HTML text escaping for element content and attribute values. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
