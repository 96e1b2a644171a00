package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import io.gpusim.core.scenario.ValidationError;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One scenario a calibration fits and the targets it is fitted to, with the weight of its targets in a joint
 * objective. In a joint fit (or an episode check) the name labels the pair's rows and its calibrated scenario file;
 * a single fit may leave it null, and its rows are then labelled by the scenario's own name.
 *
 * @param name the pair's label, or null for the scenario's name
 * @param template the scenario file
 * @param targets what the pair's model medians should hit
 * @param weight multiplies every distance of the pair in the objective (1 unless given)
 * @param scenarioLabel how the scenario file is named in outputs
 * @param targetsLabel how the targets file is named in outputs
 */
public record CalibrationPair(
        String name,
        ScenarioTemplate template,
        CalibrationTargets targets,
        double weight,
        String scenarioLabel,
        String targetsLabel) {

    /** What a pair's name may hold: it names an output file, so letters, digits, '.', '_' and '-'. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    /**
     * A pair as written on a command line or in a study file, before any file is read:
     * {@code [NAME:]SCENARIO=TARGETS[@WEIGHT]}.
     *
     * @param name the pair's name, or null to use the scenario's
     * @param weight the pair's weight, or null for 1
     */
    public record Spec(String name, String scenario, String targets, Double weight) {
        /**
         * Parses {@code [NAME:]SCENARIO=TARGETS[@WEIGHT]}, e.g. {@code h20:scenarios/h20-2025.yaml=t.yaml@2}.
         *
         * @throws IllegalArgumentException with a one-line message naming the text
         */
        public static Spec parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || eq == text.length() - 1) {
                throw new IllegalArgumentException("'" + text + "': expected [NAME:]SCENARIO=TARGETS[@WEIGHT]");
            }
            String left = text.substring(0, eq).trim();
            String right = text.substring(eq + 1).trim();
            String name = null;
            int colon = left.indexOf(':');
            if (colon >= 0) {
                name = left.substring(0, colon).trim();
                left = left.substring(colon + 1).trim();
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + text + "': the name before ':' " + nameRule());
                }
            }
            Double weight = null;
            int at = right.lastIndexOf('@');
            if (at >= 0) {
                weight = weight(text, right.substring(at + 1).trim());
                right = right.substring(0, at).trim();
            }
            if (left.isEmpty() || right.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': expected [NAME:]SCENARIO=TARGETS[@WEIGHT]");
            }
            return new Spec(name, left, right, weight);
        }

        private static double weight(String text, String value) {
            try {
                double w = Double.parseDouble(value);
                if (w > 0 && Double.isFinite(w)) {
                    return w;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("'" + text + "': the weight after '@' must be a number > 0");
        }

        private static Path resolve(Path baseDir, String file) {
            return baseDir == null ? Path.of(file) : baseDir.resolve(file).normalize();
        }

        /** The text {@link #parse} reads back to this spec. */
        public String format() {
            return (name == null ? "" : name + ":") + scenario + "=" + targets + (weight == null ? "" : "@" + weight);
        }

        /**
         * Reads the scenario and targets files, relative to {@code baseDir} (as written when it is null); every
         * problem of both is reported together, each naming its file.
         */
        public CalibrationPair load(Path baseDir) throws ScenarioException {
            List<ValidationError> errors = new ArrayList<>();
            Path scenarioFile = resolve(baseDir, scenario);
            Path targetsFile = resolve(baseDir, targets);
            ScenarioTemplate template = null;
            CalibrationTargets loaded = null;
            try {
                template = ScenarioTemplate.load(scenarioFile);
            } catch (ScenarioException e) {
                errors.addAll(e.errors());
            }
            try {
                loaded = CalibrationTargets.load(targetsFile);
            } catch (ScenarioException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new ScenarioException(errors);
            }
            return new CalibrationPair(
                    name,
                    template,
                    loaded,
                    weight == null ? 1.0 : weight,
                    scenarioFile.toString(),
                    targetsFile.toString());
        }
    }

    /** Loads every pair, reporting the problems of all of them together. */
    public static List<CalibrationPair> loadAll(List<Spec> specs, Path baseDir) throws ScenarioException {
        List<CalibrationPair> out = new ArrayList<>();
        List<ValidationError> errors = new ArrayList<>();
        for (Spec s : specs) {
            try {
                out.add(s.load(baseDir));
            } catch (ScenarioException e) {
                e.errors().stream().filter(err -> !errors.contains(err)).forEach(errors::add);
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return out;
    }

    /** Whether a name can label a pair (and name its calibrated scenario file). */
    public static boolean validName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** What {@link #validName} requires, in words. */
    static String nameRule() {
        return "must start with a letter or digit and hold only letters, digits, '.', '_' and '-'";
    }
}
