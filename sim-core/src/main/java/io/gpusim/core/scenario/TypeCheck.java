package io.gpusim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a parsed tree against the record type it is about to be bound to, before binding, and says what is wrong
 * in the file's terms: "expected a number, got 'fast'", "unknown field 'stepDayz'; did you mean 'stepDays'?". Every
 * problem is reported, not only the first. It accepts whatever the binder accepts (numbers written as text, enum
 * names in any case), except a number where a date belongs, which the binder would read as days since 1970, a number
 * or text where true or false belongs, which the binder would read as one of them, true or false where text belongs
 * (YAML's reading of an unquoted no, which the binder would store as "false"), and an empty list where leaving the
 * field out means a whole set ({@link Param#ifEmpty()}).
 */
final class TypeCheck {
    private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");

    private TypeCheck() {}

    /** Every problem with {@code tree} as a value of {@code type}, each with its path and no location yet. */
    static List<ValidationError> check(JsonNode tree, Type type) {
        List<ValidationError> errors = new ArrayList<>();
        check(tree, type, "", errors);
        return errors;
    }

    private static void check(JsonNode node, Type generic, String path, List<ValidationError> errors) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return;
        }
        Class<?> type = raw(generic);
        String problem = null;
        if (type.isRecord()) {
            if (!node.isObject()) {
                problem = "expected a mapping of fields, got " + got(node);
            } else {
                checkFields(node, type, path, errors);
            }
        } else if (List.class.isAssignableFrom(type)) {
            if (!node.isArray()) {
                problem = "expected a list, got " + got(node);
            } else {
                Type item = argument(generic, 0);
                for (int i = 0; i < node.size(); i++) {
                    JsonNode element = node.get(i);
                    if (element.isNull() || (isEmptyText(element) && raw(item) != String.class)) {
                        errors.add(error(path + "[" + i + "]", "empty list item"));
                    } else {
                        check(element, item, path + "[" + i + "]", errors);
                    }
                }
            }
        } else if (Map.class.isAssignableFrom(type)) {
            if (!node.isObject()) {
                problem = "expected a mapping, got " + got(node);
            } else {
                Type value = argument(generic, 1);
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> f = it.next();
                    check(f.getValue(), value, join(path, f.getKey()), errors);
                }
            }
        } else if (type == String.class) {
            if (node.isContainerNode()) {
                problem = "expected text, got " + got(node);
            } else if (node.isBoolean()) {
                // The word written (no, off) is gone: the binder would store "false".
                problem = "expected text, got the boolean " + node.asText()
                        + ": YAML reads yes/no/on/off/true/false as booleans; quote the text";
            } else if (node.isFloatingPointNumber()) {
                // The digits written (1.10, 2e3) are gone: the binder would store the number's own text ("1.1").
                problem = "expected text, got the number " + node.asText()
                        + ": YAML reads it as a number, which loses how it was written; quote the text";
            }
        } else if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            problem = number(node);
        } else if (type == Integer.class || type == int.class) {
            problem = wholeNumber(node, Integer.MIN_VALUE, Integer.MAX_VALUE);
        } else if (type == Long.class || type == long.class) {
            problem = wholeNumber(node, Long.MIN_VALUE, Long.MAX_VALUE);
        } else if (type == Boolean.class || type == boolean.class) {
            problem = bool(node);
        } else if (type == LocalDate.class) {
            problem = date(node);
        } else if (type.isEnum()) {
            problem = enumValue(node, type);
        }
        if (problem != null) {
            errors.add(error(path, problem));
        }
    }

    private static void checkFields(JsonNode node, Class<?> type, String path, List<ValidationError> errors) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            RecordField component = RecordField.named(type, f.getKey());
            String at = join(path, f.getKey());
            if (component == null && path.isEmpty() && f.getKey().equals("targets")) {
                errors.add(
                        error(
                                at,
                                "unknown field 'targets': a scenario holds no targets; a file of calibration "
                                        + "targets is read by calibrate --targets and validate-episodes --pair, not as a scenario"));
            } else if (component == null) {
                errors.add(error(at, unknownField(f.getKey(), RecordField.names(type))));
            } else if (f.getValue().isArray()
                    && f.getValue().isEmpty()
                    && !ifEmpty(component).isEmpty()) {
                errors.add(error(at, ifEmpty(component)));
            } else {
                check(f.getValue(), component.genericType(), at, errors);
            }
        }
    }

    /** The error for a list field written empty where its absence means a whole set, or "" (see {@link Param}). */
    private static String ifEmpty(RecordField component) {
        Param param = component.param();
        return param == null ? "" : param.ifEmpty();
    }

    /** "unknown field 'x'", with the closest known field when one is near, else every known field. */
    static String unknownField(String name, List<String> known) {
        String near = Spelling.closest(name, known);
        if (near != null) {
            return "unknown field '" + name + "'; did you mean '" + near + "'?";
        }
        return "unknown field '" + name + "'"
                + (known.isEmpty()
                        ? ""
                        : "; known fields: " + known.stream().sorted().collect(Collectors.joining(", ")));
    }

    private static String number(JsonNode node) {
        if (node.isNumber() || isEmptyText(node)) {
            return null;
        }
        if (node.isTextual()) {
            try {
                Double.parseDouble(node.asText().trim());
                return null;
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        return "expected a number, got " + got(node);
    }

    private static String wholeNumber(JsonNode node, long min, long max) {
        if (isEmptyText(node)) {
            return null;
        }
        String range = "expected a whole number from " + min + " to " + max + ", got ";
        if (node.isIntegralNumber()) {
            boolean fits = max == Long.MAX_VALUE ? node.canConvertToLong() : node.canConvertToInt();
            return fits ? null : range + got(node);
        }
        if (node.isTextual()) {
            String text = node.asText().trim();
            try {
                long value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
                return value >= min && value <= max ? null : range + got(node);
            } catch (NumberFormatException e) {
                // reported below
            }
        }
        if (node.isFloatingPointNumber() && node.asDouble() == Math.rint(node.asDouble()) && node.canConvertToLong()) {
            // 1e1 and 10.0 are read as decimals: say how to write the whole number meant, not that it is not one
            return "expected a whole number written without a decimal point or exponent, got " + got(node) + " (write "
                    + node.asLong() + ")";
        }
        return "expected a whole number, got " + got(node);
    }

    /**
     * A YAML boolean, and nothing the binder would turn into one: a number (2 would be true, and 0.5 an error) or
     * quoted text ('true').
     */
    private static String bool(JsonNode node) {
        if (node.isBoolean() || isEmptyText(node)) {
            return null;
        }
        String text = node.asText().trim();
        if (node.isTextual() && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return "expected true or false, got the text " + got(node) + "; write it without quotes";
        }
        return "expected true or false, got " + got(node);
    }

    private static String date(JsonNode node) {
        if (isEmptyText(node)) {
            return null;
        }
        if (!node.isTextual()) {
            return "not a date (expected YYYY-MM-DD), got " + got(node);
        }
        String text = node.asText().trim();
        if (text.length() > 11
                && text.charAt(10) == 'T'
                && DATE.matcher(text.substring(0, 10)).matches()) {
            // The binder would drop the time of day without a word.
            return "expected a plain date (YYYY-MM-DD) without a time of day, got " + got(node);
        }
        try {
            LocalDate.parse(text);
            return null;
        } catch (DateTimeException e) {
            return impossibleDate(text);
        }
    }

    /** Why a date of the right form does not exist ("February has no day 30"), or that the form is wrong. */
    static String impossibleDate(String text) {
        Matcher m = DATE.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
                String name = Month.of(month).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
                if (month == 2 && day == 29) { // LocalDate.parse accepts 29 February in a leap year
                    return "not a real date: " + year + " is not a leap year, so February has no day 29";
                }
                return "not a real date: " + name + " has no day " + day;
            }
        }
        return "not a date (expected YYYY-MM-DD)";
    }

    private static String enumValue(JsonNode node, Class<?> type) {
        Object[] constants = type.getEnumConstants();
        if (node.isTextual()) {
            String text = node.asText().trim();
            for (Object c : constants) {
                if (((Enum<?>) c).name().equalsIgnoreCase(text)) {
                    return null;
                }
            }
        }
        return "expected one of "
                + Arrays.stream(constants).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")) + ", got "
                + got(node);
    }

    /** What a value of this type looks like ("expected a number"), or null for types the file has no word for. */
    static String expected(Class<?> type) {
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "expected a mapping of fields";
        } else if (List.class.isAssignableFrom(type)) {
            return "expected a list";
        } else if (type == String.class) {
            return "expected text";
        } else if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
            return "expected a number";
        } else if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "expected a whole number";
        } else if (type == Boolean.class || type == boolean.class) {
            return "expected true or false";
        } else if (type == LocalDate.class) {
            return "not a date (expected YYYY-MM-DD)";
        } else if (type.isEnum()) {
            return "expected one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(c -> ((Enum<?>) c).name())
                            .collect(Collectors.joining(", "));
        }
        return null;
    }

    private static boolean isEmptyText(JsonNode node) {
        return node.isTextual() && node.asText().isEmpty();
    }

    /** A value as the user wrote it, shortened to one line: 'fast', 2.5, true, a list, a mapping, nothing. */
    static String got(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || isEmptyText(node)) {
            return "nothing";
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isTextual()) {
            String text = node.asText().replaceAll("\\s+", " ");
            return "'" + (text.length() > 40 ? text.substring(0, 37) + "..." : text) + "'";
        }
        return node.asText();
    }

    private static ValidationError error(String path, String message) {
        return new ValidationError(null, 0, 0, path, message);
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Type argument(Type type, int index) {
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            return p.getActualTypeArguments()[index];
        }
        return Object.class;
    }
}
