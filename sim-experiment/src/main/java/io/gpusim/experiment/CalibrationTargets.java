package io.gpusim.experiment;

import io.gpusim.core.metrics.Metric;
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

    /** Reads and checks a targets file; errors carry file, line, column and path. */
    public static CalibrationTargets load(Path file) throws ScenarioException {
        Map<String, SourceLocation> locations = new HashMap<>();
        CalibrationTargets t = ScenarioLoader.loadFile(file, CalibrationTargets.class, locations);
        List<ValidationError> errors = new ArrayList<>();
        if (t.targets().isEmpty()) {
            errors.add(problem("targets", "at least one target is required"));
        }
        for (int i = 0; i < t.targets().size(); i++) {
            Target target = t.targets().get(i);
            String p = "targets[" + i + "]";
            if (target.metric() == null) {
                errors.add(problem(p + ".metric", "is required"));
            } else {
                try {
                    Metric.byId(target.metric());
                } catch (IllegalArgumentException e) {
                    errors.add(problem(p + ".metric", e.getMessage()));
                }
            }
            boolean hasMedian = target.median() != null;
            boolean hasBand = target.band() != null;
            if (hasMedian == hasBand) {
                errors.add(problem(p, "give exactly one of median or band"));
            } else if (hasBand
                    && (target.band().size() != 2
                            || target.band().get(0) == null
                            || target.band().get(1) == null
                            || !(target.band().get(0) <= target.band().get(1)))) {
                errors.add(problem(p + ".band", "must be [lo, hi] with lo <= hi"));
            }
            if (!(target.weight() > 0)) {
                errors.add(problem(p + ".weight", "must be > 0"));
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

    private static ValidationError problem(String path, String message) {
        return new ValidationError(null, 0, 0, path, message);
    }
}
