package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypeCheckTest {
    enum Colour {
        RED,
        GREEN
    }

    record Inner(Integer count) {}

    record Sample(
            String text,
            Double real,
            double prim,
            Float single,
            float primSingle,
            Integer whole,
            int primWhole,
            Long big,
            long primBig,
            Boolean flag,
            boolean primFlag,
            LocalDate day,
            Colour colour,
            List<Integer> counts,
            List<String> words,
            Map<String, Double> weights,
            Inner inner,
            List<Inner> inners) {}

    private static List<String> problems(String yaml) throws Exception {
        JsonNode tree = ScenarioLoader.yamlMapper().readTree(yaml);
        return TypeCheck.check(tree, Sample.class).stream()
                .map(ValidationError::toString)
                .toList();
    }

    private static String problem(String yaml) throws Exception {
        List<String> all = problems(yaml);
        assertEquals(1, all.size(), all.toString());
        return all.get(0);
    }

    @Test
    void valuesTheBinderAcceptsPass() throws Exception {
        String yaml = String.join(
                "\n",
                "text: 3",
                "real: ' 2.5 '",
                "prim: ''",
                "single: 1e3",
                "primSingle: -4",
                "whole: '+7'",
                "primWhole: ' -2147483648 '",
                "big: 3000000000",
                "primBig: '9223372036854775807'",
                "flag: yes",
                "primFlag: TRUE",
                "day: 2024-02-29",
                "colour: ' green '",
                "counts: [1, '2', 2147483647]",
                "words: ['', a]",
                "weights: {a: 1.5, b: '2'}",
                "inner: {count: 3}",
                "inners: [{count: 1}, {count: null}]");
        assertEquals(List.of(), problems(yaml));
        assertEquals(List.of(), problems("flag: false\nday: 2024-01-05\nwhole: ''\nbig: ''"));
        assertEquals(List.of(), problems("flag: null\nday: ''\ninner: null\ncounts: null"));
    }

    @Test
    void numbersAreNumbers() throws Exception {
        assertEquals("real: expected a number, got 'fast'", problem("real: fast"));
        assertEquals("prim: expected a number, got true", problem("prim: true"));
        assertEquals("single: expected a number, got a list", problem("single: [1]"));
        assertEquals("primSingle: expected a number, got a mapping", problem("primSingle: {a: 1}"));
    }

    @Test
    void wholeNumbersAreWholeAndWithinTheirType() throws Exception {
        String intRange = "expected a whole number from -2147483648 to 2147483647, got ";
        assertEquals("whole: expected a whole number, got 2.5", problem("whole: 2.5"));
        assertEquals("whole: expected a whole number, got 'x'", problem("whole: x"));
        assertEquals("whole: " + intRange + "3000000000", problem("whole: 3000000000"));
        assertEquals("primWhole: " + intRange + "'2147483648'", problem("primWhole: '2147483648'"));
        assertEquals("primWhole: " + intRange + "'-2147483649'", problem("primWhole: '-2147483649'"));
        assertEquals(List.of(), problems("whole: '2147483647'\nprimWhole: -2147483648"));
        String longRange = "expected a whole number from -9223372036854775808 to 9223372036854775807, got ";
        assertEquals("big: " + longRange + "99999999999999999999", problem("big: 99999999999999999999"));
        assertEquals(
                "primBig: expected a whole number, got '99999999999999999999'",
                problem("primBig: '99999999999999999999'"));
        assertEquals("primBig: expected a whole number, got 1.5", problem("primBig: 1.5"));
    }

    @Test
    void truthValuesAreTrueOrFalse() throws Exception {
        assertEquals("flag: expected true or false, got 'maybe'", problem("flag: maybe"));
        assertEquals("primFlag: expected true or false, got 2.5", problem("primFlag: 2.5"));
        assertEquals("flag: expected true or false, got a list", problem("flag: [true]"));
        // the binder would read a number as true unless it is 0, and the text 'true' as true
        assertEquals("flag: expected true or false, got 1", problem("flag: 1"));
        assertEquals("primFlag: expected true or false, got 2", problem("primFlag: 2"));
        assertEquals("flag: expected true or false, got 0", problem("flag: 0"));
        assertEquals(
                "flag: expected true or false, got the text 'true'; write it without quotes", problem("flag: 'true'"));
        assertEquals(
                "primFlag: expected true or false, got the text 'FALSE'; write it without quotes",
                problem("primFlag: \"FALSE\""));
        assertEquals("flag: expected true or false, got 'null'", problem("flag: 'null'"));
    }

    /** YAML reads an unquoted no, off or yes as a boolean, and the word is lost. */
    @Test
    void aYamlBooleanIsNotText() throws Exception {
        String quote = ": YAML reads yes/no/on/off/true/false as booleans; quote the text";
        assertEquals("text: expected text, got the boolean false" + quote, problem("text: no"));
        assertEquals("words[1]: expected text, got the boolean true" + quote, problem("words: [a, on]"));
        assertEquals(List.of(), problems("text: 'no'\nwords: [\"off\", 'true']"));
    }

    /** YAML reads 1.10 as the number 1.1, and how it was written is lost; a whole number keeps its digits. */
    @Test
    void aDecimalNumberIsNotText() throws Exception {
        assertEquals(
                "text: expected text, got the number 1.1: YAML reads it as a number, which loses how it was "
                        + "written; quote the text",
                problem("text: 1.10"));
        assertEquals(List.of(), problems("text: '1.10'\nwords: [2025, '2.0']"));
    }

    @Test
    void datesAreRealDatesWrittenAsText() throws Exception {
        assertEquals("day: not a date (expected YYYY-MM-DD), got 20240101", problem("day: 20240101"));
        assertEquals("day: not a real date: February has no day 30", problem("day: 2024-02-30"));
        assertEquals("day: not a real date: April has no day 31", problem("day: 2025-04-31"));
        assertEquals(
                "day: not a real date: 2023 is not a leap year, so February has no day 29", problem("day: 2023-02-29"));
        assertEquals("day: not a date (expected YYYY-MM-DD)", problem("day: 2024-13-01"));
        assertEquals("day: not a date (expected YYYY-MM-DD)", problem("day: 2024-1-5"));
        assertEquals("day: not a date (expected YYYY-MM-DD)", problem("day: 2024-01-05X"));
        assertEquals(
                "day: expected a plain date (YYYY-MM-DD) without a time of day, got '2025-04-09T23:59:59'",
                problem("day: 2025-04-09T23:59:59"));
        assertEquals(
                "day: expected a plain date (YYYY-MM-DD) without a time of day, got '2024-01-05T10:00'",
                problem("day: 2024-01-05T10:00"));
    }

    @Test
    void impossibleDatesSayWhy() {
        assertEquals("not a real date: November has no day 31", TypeCheck.impossibleDate("2026-11-31"));
        assertEquals("not a real date: September has no day 31", TypeCheck.impossibleDate("2026-09-31"));
        assertEquals("not a date (expected YYYY-MM-DD)", TypeCheck.impossibleDate("2026-00-10"));
        assertEquals("not a date (expected YYYY-MM-DD)", TypeCheck.impossibleDate("2026-13-10"));
        assertEquals("not a date (expected YYYY-MM-DD)", TypeCheck.impossibleDate("2026-06-00"));
        assertEquals("not a date (expected YYYY-MM-DD)", TypeCheck.impossibleDate("2026-06-32"));
        assertEquals("not a date (expected YYYY-MM-DD)", TypeCheck.impossibleDate("June 1st"));
    }

    @Test
    void enumValuesAreTheirNames() throws Exception {
        assertEquals("colour: expected one of RED, GREEN, got 'blue'", problem("colour: blue"));
        assertEquals("colour: expected one of RED, GREEN, got 1", problem("colour: 1"));
    }

    @Test
    void textIsNotAContainer() throws Exception {
        assertEquals("text: expected text, got a list", problem("text: [a]"));
        assertEquals("text: expected text, got a mapping", problem("text: {a: 1}"));
    }

    @Test
    void listsMapsAndRecordsAreCheckedInside() throws Exception {
        assertEquals("counts: expected a list, got 3", problem("counts: 3"));
        assertEquals(
                List.of(
                        "counts[1]: empty list item",
                        "counts[2]: empty list item",
                        "counts[3]: expected a whole number, got 'x'"),
                problems("counts: [1, null, '', x]"));
        assertEquals(List.of("words[1]: empty list item"), problems("words: ['', null]"));
        assertEquals("weights: expected a mapping, got a list", problem("weights: [1]"));
        assertEquals("weights.b: expected a number, got 'x'", problem("weights: {a: 1, b: x}"));
        assertEquals("inner: expected a mapping of fields, got 'x'", problem("inner: x"));
        assertEquals("inner.count: expected a whole number, got 1.5", problem("inner: {count: 1.5}"));
        assertEquals("inners[1].count: expected a whole number, got 'x'", problem("inners: [{count: 1}, {count: x}]"));
        assertEquals("inners[0]: expected a mapping of fields, got a list", problem("inners: [[1]]"));
    }

    @Test
    void unknownFieldsSuggestTheNearestOrListThemAll() throws Exception {
        assertEquals("colur: unknown field 'colur'; did you mean 'colour'?", problem("colur: RED"));
        assertEquals("inner.cuont: unknown field 'cuont'; did you mean 'count'?", problem("inner: {cuont: 1}"));
        assertEquals(
                "zzzzzzzz: unknown field 'zzzzzzzz'; known fields: big, colour, counts, day, flag, inner, inners, "
                        + "prim, primBig, primFlag, primSingle, primWhole, real, single, text, weights, whole, words",
                problem("zzzzzzzz: 1"));
        assertEquals("unknown field 'x'", TypeCheck.unknownField("x", List.of()));
    }

    @Test
    void everyProblemIsReportedInTheFilesOrder() throws Exception {
        assertEquals(
                List.of(
                        "whole: expected a whole number, got 'a'",
                        "nope: unknown field 'nope'; known fields: big, colour, counts, day, flag, inner, inners, "
                                + "prim, primBig, primFlag, primSingle, primWhole, real, single, text, weights, whole, words",
                        "real: expected a number, got 'b'"),
                problems("whole: a\nnope: 1\nreal: b"));
    }

    @Test
    void aTreeOfUntypedValuesIsNotChecked() throws Exception {
        JsonNode tree = ScenarioLoader.yamlMapper().readTree("[1, x, {a: b}]");
        assertEquals(List.of(), TypeCheck.check(tree, List.class));
        assertEquals(List.of(), TypeCheck.check(ScenarioLoader.yamlMapper().readTree("{a: [x]}"), Map.class));
        assertEquals(List.of(), TypeCheck.check(MissingNode.getInstance(), Sample.class));
        assertEquals(List.of(), TypeCheck.check(JsonNodeFactory.instance.nullNode(), Sample.class));
    }

    @Test
    void whatEachTypeExpects() {
        assertEquals("expected a mapping of fields", TypeCheck.expected(Inner.class));
        assertEquals("expected a mapping of fields", TypeCheck.expected(Map.class));
        assertEquals("expected a list", TypeCheck.expected(List.class));
        assertEquals("expected text", TypeCheck.expected(String.class));
        for (Class<?> c : List.of(Double.class, double.class, Float.class, float.class)) {
            assertEquals("expected a number", TypeCheck.expected(c), c.getName());
        }
        for (Class<?> c : List.of(Integer.class, int.class, Long.class, long.class)) {
            assertEquals("expected a whole number", TypeCheck.expected(c), c.getName());
        }
        assertEquals("expected true or false", TypeCheck.expected(Boolean.class));
        assertEquals("expected true or false", TypeCheck.expected(boolean.class));
        assertEquals("not a date (expected YYYY-MM-DD)", TypeCheck.expected(LocalDate.class));
        assertEquals("expected one of RED, GREEN", TypeCheck.expected(Colour.class));
        assertNull(TypeCheck.expected(Object.class));
    }

    @Test
    void valuesAreShownAsWritten() throws Exception {
        JsonNodeFactory n = JsonNodeFactory.instance;
        assertEquals("nothing", TypeCheck.got(null));
        assertEquals("nothing", TypeCheck.got(n.nullNode()));
        assertEquals("nothing", TypeCheck.got(MissingNode.getInstance()));
        assertEquals("nothing", TypeCheck.got(n.textNode("")));
        assertEquals("' '", TypeCheck.got(n.textNode(" ")));
        assertEquals("'a b c'", TypeCheck.got(n.textNode("a\n  b\tc")));
        String forty = "x".repeat(40);
        assertEquals("'" + forty + "'", TypeCheck.got(n.textNode(forty)));
        assertEquals("'" + "x".repeat(37) + "...'", TypeCheck.got(n.textNode(forty + "y")));
        assertEquals("2.5", TypeCheck.got(n.numberNode(2.5)));
        assertEquals("false", TypeCheck.got(n.booleanNode(false)));
        assertEquals("a list", TypeCheck.got(n.arrayNode()));
        assertEquals("a mapping", TypeCheck.got(n.objectNode()));
    }
}
