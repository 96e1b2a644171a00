package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.MetricGlossary;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.SourceLocation;
import io.gpusim.core.scenario.ValidationError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Target moments for calibration: for each metric, either a value its median should hit or a band its median
 * should fall in, with a weight.
 */
public record CalibrationTargets(List<Target> targets) {

    public CalibrationTargets {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /** One target: {@code median} or {@code band: [lo, hi]}, and a weight (default 1). */
    public record Target(String metric, Double median, List<Double> band, Double weight) {
        public Target {
            weight = weight == null ? 1.0 : weight;
        }

        /**
         * Squared relative distance of a model median from the target, times the weight: {@code ((m - t) / t)^2}
         * for a value, 0 inside a band and the squared relative distance to the nearer bound outside it.
         */
        public double distance(double modelMedian) {
            if (Double.isNaN(modelMedian)) {
                return weight * 1e6;
            }
            double reference;
            if (median != null) {
                reference = median;
            } else if (modelMedian < band.get(0)) {
                reference = band.get(0);
            } else if (modelMedian > band.get(1)) {
                reference = band.get(1);
            } else {
                return 0.0;
            }
            double scale = Math.abs(reference) > 0 ? Math.abs(reference) : 1.0;
            double rel = (modelMedian - reference) / scale;
            return weight * rel * rel;
        }

        /** The target as text, e.g. "1,000,000" or "[9, 15]". */
        public String describe() {
            return median != null
                    ? SummaryWriters.num(median)
                    : "[" + SummaryWriters.num(band.get(0)) + ", " + SummaryWriters.num(band.get(1)) + "]";
        }
    }

    /**
     * Reads and checks a targets file; errors carry file, line, column and path. Every metric is a known one with one
     * target at most; each target gives a median or a band of finite numbers the metric can take
     * ({@link MetricGlossary.Range}), and a finite weight above 0.
     */
    public static CalibrationTargets load(Path file) throws ScenarioException {
        Map<String, SourceLocation> locations = new HashMap<>();
        CalibrationTargets t = ScenarioLoader.loadFile(file, CalibrationTargets.class, locations);
        List<ValidationError> errors = new ArrayList<>();
        if (t.targets().isEmpty()) {
            errors.add(problem("targets", "at least one target is required"));
        }
        Map<Metric, Integer> targeted = new HashMap<>();
        for (int i = 0; i < t.targets().size(); i++) {
            Target target = t.targets().get(i);
            String p = "targets[" + i + "]";
            Metric metric = null;
            if (target.metric() == null) {
                errors.add(problem(p + ".metric", "is required"));
            } else {
                try {
                    metric = Metric.byId(target.metric());
                } catch (IllegalArgumentException e) {
                    errors.add(problem(p + ".metric", e.getMessage()));
                }
            }
            if (metric != null && targeted.putIfAbsent(metric, i) != null) {
                errors.add(problem(
                        p + ".metric",
                        "'" + metric.id() + "' has a target already (targets[" + targeted.get(metric) + "])"));
            }
            boolean hasMedian = target.median() != null;
            boolean hasBand = target.band() != null;
            if (hasMedian == hasBand) {
                errors.add(problem(p, "give exactly one of median or band"));
            } else if (hasMedian) {
                checkValue(errors, p + ".median", target.median(), metric);
            } else if (target.band().size() != 2
                    || target.band().get(0) == null
                    || target.band().get(1) == null
                    || !(target.band().get(0) <= target.band().get(1))) {
                errors.add(problem(p + ".band", "must be [lo, hi] with lo <= hi"));
            } else {
                checkValue(errors, p + ".band[0]", target.band().get(0), metric);
                checkValue(errors, p + ".band[1]", target.band().get(1), metric);
            }
            if (!(target.weight() > 0) || Double.isInfinite(target.weight())) {
                errors.add(problem(p + ".weight", "must be a finite number > 0"));
            }
        }
        List<ValidationError> located = new ArrayList<>();
        for (ValidationError e : errors) {
            located.add(ScenarioLoader.locate(e.withFile(file.toString()), locations));
        }
        errors = located;
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return t;
    }

    /** Checks a target value: a finite number, and one the metric can take (when the metric is known). */
    private static void checkValue(List<ValidationError> errors, String path, double v, Metric metric) {
        if (!Double.isFinite(v)) {
            errors.add(problem(path, "must be a finite number, not " + v));
            return;
        }
        MetricGlossary.Range range = metric == null
                ? MetricGlossary.Range.ANY
                : MetricGlossary.of(metric).range();
        if (!range.contains(v)) {
            errors.add(problem(
                    path,
                    "must be " + range.describe() + " (the values " + metric.id() + " takes), got "
                            + SummaryWriters.num(v)));
        }
    }

    private static ValidationError problem(String path, String message) {
        return new ValidationError(null, 0, 0, path, message);
    }
}
