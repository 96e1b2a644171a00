package io.gpusim.cli;

import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.experiment.CalibrationPair;
import io.gpusim.experiment.Parameter;
import io.gpusim.experiment.StudyDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Text from the command line parsed once, at the boundary, into the experiment layer's types. */
final class Converters {
    private Converters() {}

    /** {@code --set PATH=VALUE}: a scenario override, its value typed by the path. */
    static final class SetValue implements ITypeConverter<ScenarioOverride> {
        @Override
        public ScenarioOverride convert(String value) {
            return override(value, "--set");
        }
    }

    /** A path given twice, with both assignments as written ({@code PATH=V1}, {@code PATH=V2}). */
    record Twice(String path, String first, String second) {
        /** {@code (PATH=V1, PATH=V2)}. */
        String both() {
            return "(" + first + ", " + second + ")";
        }
    }

    /**
     * The first path given twice among these overrides, or null: a second value for a path would silently replace
     * the first.
     */
    static Twice givenTwice(List<ScenarioOverride> overrides) {
        Map<String, ScenarioOverride> seen = new HashMap<>();
        for (ScenarioOverride o : overrides) {
            ScenarioOverride earlier = seen.putIfAbsent(o.path(), o);
            if (earlier != null) {
                return new Twice(o.path(), assignment(earlier), assignment(o));
            }
        }
        return null;
    }

    /** An override's {@code PATH=VALUE} as written, without the option's name that its origin starts with. */
    private static String assignment(ScenarioOverride o) {
        return o.origin().substring(o.origin().indexOf(' ') + 1);
    }

    /**
     * One {@code PATH=VALUE} of the option {@code origin}: the path checked against the scenario format and the value
     * typed by it, so that a misspelt path is answered at once, in the option's terms.
     *
     * @throws TypeConversionException naming {@code origin PATH=VALUE} and what is wrong with it
     */
    static ScenarioOverride override(String assignment, String origin) {
        try {
            ScenarioOverride o = ScenarioOverride.parse(assignment, origin);
            try {
                io.gpusim.core.scenario.ScenarioPaths.typeOf(o.path());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(o.origin() + ": " + e.getMessage(), e);
            }
            return o;
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code --vary PATH=v1,v2,...} or {@code --vary PATH=lo:hi}. */
    static final class Vary implements ITypeConverter<Parameter> {
        @Override
        public Parameter convert(String value) {
            try {
                return Parameter.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --pair [NAME:]SCENARIO=TARGETS[@WEIGHT]}: a scenario and its calibration targets. */
    static final class Pair implements ITypeConverter<CalibrationPair.Spec> {
        @Override
        public CalibrationPair.Spec convert(String value) {
            try {
                return CalibrationPair.Spec.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --until METRIC:REL_HALF_WIDTH} (the most runs come from {@code --max-runs}). */
    static final class Until implements ITypeConverter<StudyDefinition.UntilSpec> {
        @Override
        public StudyDefinition.UntilSpec convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0) {
                throw new TypeConversionException("'" + value + "': expected METRIC:REL_HALF_WIDTH");
            }
            try {
                io.gpusim.experiment.Until.parse(value, 1);
                return new StudyDefinition.UntilSpec(
                        value.substring(0, colon), Double.parseDouble(value.substring(colon + 1)), null);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
