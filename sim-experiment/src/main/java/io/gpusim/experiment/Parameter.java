package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.gpusim.core.scenario.ScenarioPaths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A scenario field a design varies: either a list of values ({@code PATH=v1,v2,...}) or a range
 * ({@code PATH=lo:hi}) of numbers or dates. {@code spec} is the text it was parsed from. Listed values are checked
 * as a scenario file's values are ({@code 3.5} for a whole-number field is an error). A range of a whole-number
 * field ({@code whole}) has whole ends and gives only whole values: each whole value of the range equally likely
 * in a sampled design, and each at most once among a grid's levels.
 */
public record Parameter(
        String path, List<JsonNode> values, double low, double high, boolean dates, boolean whole, String spec) {

    /** True for a range, false for a list of values. */
    public boolean isRange() {
        return values == null;
    }

    /**
     * Parses {@code PATH=v1,v2,...} or {@code PATH=lo:hi} (numbers or YYYY-MM-DD dates). Listed values are distinct
     * and none is empty: a repeated value would run its design point twice, and an empty one is a slip of the comma.
     */
    public static Parameter parse(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new IllegalArgumentException("'" + spec + "': expected PATH=v1,v2,... or PATH=lo:hi");
        }
        String path = spec.substring(0, eq).trim();
        String body = spec.substring(eq + 1).trim();
        boolean whole;
        try {
            whole = ScenarioPaths.isWhole(path); // the path must exist
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--vary " + spec + ": " + e.getMessage(), e);
        }
        if (!body.contains(",") && body.indexOf(':') > 0 && body.indexOf(':') == body.lastIndexOf(':')) {
            String lo = body.substring(0, body.indexOf(':')).trim();
            String hi = body.substring(body.indexOf(':') + 1).trim();
            return range(path, lo, hi, whole, spec);
        }
        List<JsonNode> values = new ArrayList<>();
        for (String v : body.split(",", -1)) {
            if (v.isBlank()) {
                throw new IllegalArgumentException("'" + spec + "': a listed value is empty (two commas, or a comma at "
                        + "either end); give values separated by single commas");
            }
            JsonNode value = ScenarioPaths.parseValue(path, v.trim());
            try {
                ScenarioPaths.check(path, value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + spec + "': " + e.getMessage(), e);
            }
            if (values.contains(value)) {
                throw new IllegalArgumentException(
                        "'" + spec + "': " + v.trim() + " is listed twice; list each value once");
            }
            values.add(value);
        }
        return new Parameter(path, List.copyOf(values), Double.NaN, Double.NaN, false, false, spec);
    }

    /**
     * The problem when two of {@code parameters} vary the same path (the second would silently replace the first),
     * naming that path; null when each varies a path of its own.
     */
    public static String variedTwice(List<Parameter> parameters) {
        Set<String> seen = new HashSet<>();
        for (Parameter p : parameters) {
            if (!seen.add(p.path())) {
                return p.path() + " is varied twice; vary each path once";
            }
        }
        return null;
    }

    /**
     * The problem when one of {@code parameters} varies a path that {@code setPaths} also sets (the varied values would
     * replace the set one without a word), naming that path; null when none does.
     */
    public static String alsoSet(List<Parameter> parameters, java.util.Collection<String> setPaths) {
        for (Parameter p : parameters) {
            if (setPaths.contains(p.path())) {
                return p.path() + " is both set and varied; the varied values would replace the set one, so give it in"
                        + " one place";
            }
        }
        return null;
    }

    private static Parameter range(String path, String lo, String hi, boolean whole, String spec) {
        try {
            return checked(
                    new Parameter(path, null, Double.parseDouble(lo), Double.parseDouble(hi), false, whole, spec),
                    lo,
                    hi,
                    spec);
        } catch (NumberFormatException notNumbers) {
            try {
                return checked(
                        new Parameter(
                                path,
                                null,
                                LocalDate.parse(lo).toEpochDay(),
                                LocalDate.parse(hi).toEpochDay(),
                                true,
                                false,
                                spec),
                        lo,
                        hi,
                        spec);
            } catch (DateTimeParseException notDates) {
                throw new IllegalArgumentException("'" + spec + "': a range needs two numbers or two dates");
            }
        }
    }

    private static Parameter checked(Parameter p, String lo, String hi, String spec) {
        for (String end : new String[] {lo, hi}) {
            if (!p.dates && !Double.isFinite(Double.parseDouble(end))) {
                throw new IllegalArgumentException("'" + spec + "': " + end + " is not a finite number");
            }
        }
        if (p.high == p.low) {
            throw new IllegalArgumentException("'" + spec
                    + "': the range is empty (lo = hi); give lo < hi, or set the value instead of varying it");
        }
        if (!(p.high > p.low)) {
            throw new IllegalArgumentException("'" + spec + "': the range must have lo < hi");
        }
        if (p.whole && (p.low != Math.rint(p.low) || p.high != Math.rint(p.high))) {
            throw new IllegalArgumentException(
                    "'" + spec + "': " + p.path + " is a whole number, so the range's ends must be whole");
        }
        return p;
    }

    /** The value at position {@code u} in [0, 1): a point of the range, or an item of the list. */
    public JsonNode at(double u) {
        if (!isRange()) {
            int i = Math.min(values.size() - 1, (int) Math.floor(u * values.size()));
            return values.get(i);
        }
        if (whole) { // the whole values lo, lo + 1, ..., hi, each on an equal share of [0, 1)
            return JsonNodeFactory.instance.numberNode((long) Math.min(high, low + Math.floor(u * (high - low + 1))));
        }
        double x = low + u * (high - low);
        if (dates) {
            return JsonNodeFactory.instance.textNode(
                    LocalDate.ofEpochDay(Math.round(x)).toString());
        }
        return JsonNodeFactory.instance.numberNode(x);
    }

    /**
     * {@code levels} evenly spaced values from lo to hi inclusive (the midpoint when one), or the list itself. For a
     * whole-number field each is rounded to the nearest whole value, and for dates to the nearest day; a value that
     * rounding repeats is kept once.
     */
    public List<JsonNode> levels(int levels) {
        if (!isRange()) {
            return values;
        }
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < levels; i++) {
            double u = levels == 1 ? 0.5 : (double) i / (levels - 1);
            JsonNode level = atInclusive(u);
            if (!(whole || dates) || !out.contains(level)) {
                out.add(level);
            }
        }
        return out;
    }

    private JsonNode atInclusive(double u) {
        double x = low + u * (high - low);
        if (whole) {
            return JsonNodeFactory.instance.numberNode(Math.round(x));
        }
        return dates
                ? JsonNodeFactory.instance.textNode(
                        LocalDate.ofEpochDay(Math.round(x)).toString())
                : JsonNodeFactory.instance.numberNode(x);
    }
}
