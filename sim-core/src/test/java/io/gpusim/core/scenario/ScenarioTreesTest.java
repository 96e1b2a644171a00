package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioTreesTest {

    private static JsonNode yaml(String text) throws Exception {
        return ScenarioLoader.yamlMapper().readTree(text);
    }

    private static void assertMerged(String expected, String base, String override) throws Exception {
        JsonNode b = yaml(base);
        JsonNode o = yaml(override);
        JsonNode merged = ScenarioTrees.merge(b, o);
        assertEquals(yaml(expected), merged);
        assertEquals(yaml(base), b, "the base is left unchanged");
        assertEquals(yaml(override), o, "the override is left unchanged");
    }

    /** Resolves {@code like:} in the tree written {@code before}; fails unless the problems and the tree after are these. */
    private static void assertResolved(String before, List<String> problems, String after) throws Exception {
        JsonNode tree = yaml(before);
        assertEquals(
                problems,
                ScenarioTrees.resolveLike(tree).stream()
                        .map(ValidationError::toString)
                        .toList());
        assertEquals(yaml(after), tree);
    }

    @Test
    void mappingsMergeKeyByKeyAtEveryDepth() throws Exception {
        assertMerged(
                "{a: 1, b: {c: 4, d: 3, f: {g: 1, h: 2}}, e: 5}",
                "{a: 1, b: {c: 2, d: 3, f: {g: 1}}}",
                "{b: {c: 4, f: {h: 2}}, e: 5}");
    }

    @Test
    void namedListsMergeItemByItemAndAppendNewNames() throws Exception {
        assertMerged(
                "{xs: [{name: A, x: 1}, {name: B, x: 3, y: 2}, {name: C}]}",
                "{xs: [{name: A, x: 1}, {name: B, x: 2, y: 2}]}",
                "{xs: [{name: B, x: 3}, {name: C}]}");
        assertMerged(
                "[{name: A, x: 1, y: 3}, {name: A, x: 2}]", "[{name: A, x: 1}, {name: A, x: 2}]", "[{name: A, y: 3}]");
    }

    @Test
    void otherValuesReplaceTheBase() throws Exception {
        assertMerged("{xs: [3]}", "{xs: [1, 2]}", "{xs: [3]}");
        assertMerged("{xs: []}", "{xs: [{name: A}]}", "{xs: []}");
        assertMerged("{xs: [{name: A}]}", "{xs: []}", "{xs: [{name: A}]}");
        assertMerged("{xs: [{x: 2}]}", "{xs: [{name: A, x: 1}]}", "{xs: [{x: 2}]}");
        assertMerged("{xs: [{name: A, x: 2}]}", "{xs: [{x: 1}]}", "{xs: [{name: A, x: 2}]}");
        assertMerged("{xs: [{name: 1, x: 2}]}", "{xs: [{name: 1, x: 1}]}", "{xs: [{name: 1, x: 2}]}");
        assertMerged("{xs: [{name: null, x: 2}]}", "{xs: [{name: null, x: 1}]}", "{xs: [{name: null, x: 2}]}");
        assertMerged("{xs: [{name: A, x: 2}]}", "{xs: [{name: A, x: 1}, 5]}", "{xs: [{name: A, x: 2}]}");
        assertMerged("{a: 7}", "{a: {b: 1}}", "{a: 7}");
        assertMerged("{a: {b: 1}}", "{a: 7}", "{a: {b: 1}}");
        assertMerged("{a: [1]}", "{a: {b: 1}}", "{a: [1]}");
        assertMerged("{a: null}", "{a: 1}", "{a: null}");
    }

    @Test
    void theMergedTreeSharesNothingWithItsInputs() throws Exception {
        JsonNode base = yaml("{a: {b: 1}, xs: [{name: A, x: 1}]}");
        JsonNode override = yaml("{c: {d: 2}, xs: [{name: B, x: 2}]}");
        ObjectNode merged = (ObjectNode) ScenarioTrees.merge(base, override);
        ((ObjectNode) merged.get("a")).put("b", 9);
        ((ObjectNode) merged.get("c")).put("d", 9);
        ((ObjectNode) merged.get("xs").get(0)).put("x", 9);
        ((ObjectNode) merged.get("xs").get(1)).put("x", 9);
        assertEquals(yaml("{a: {b: 1}, xs: [{name: A, x: 1}]}"), base);
        assertEquals(yaml("{c: {d: 2}, xs: [{name: B, x: 2}]}"), override);
        JsonNode replaced = ScenarioTrees.merge(yaml("{a: 1}"), override.get("c"));
        ((ObjectNode) replaced).put("d", 9);
        assertEquals(yaml("{d: 2}"), override.get("c"));
    }

    @Test
    void anItemLikeAnotherStartsFromItsFields() throws Exception {
        assertResolved(
                "{xs: [{name: A, x: 1, y: 2, z: {p: 1, q: 2}}, {name: B, like: A, y: 3, z: {q: 5}}]}",
                List.of(),
                "{xs: [{name: A, x: 1, y: 2, z: {p: 1, q: 2}}, {name: B, x: 1, y: 3, z: {p: 1, q: 5}}]}");
    }

    @Test
    void likeFollowsChainsWrittenInAnyOrder() throws Exception {
        assertResolved(
                "{xs: [{name: C, like: B, z: 1}, {name: B, like: A, y: 3}, {name: A, x: 1, y: 2}]}",
                List.of(),
                "{xs: [{name: C, x: 1, y: 3, z: 1}, {name: B, x: 1, y: 3}, {name: A, x: 1, y: 2}]}");
    }

    @Test
    void likeTakesTheFirstOtherItemOfThatName() throws Exception {
        assertResolved(
                "[{name: A, x: 1}, {name: A, x: 2}, {name: B, like: A}]",
                List.of(),
                "[{name: A, x: 1}, {name: A, x: 2}, {name: B, x: 1}]");
        assertResolved(
                "[{name: A, like: A, y: 1}, {name: A, x: 2}]", List.of(), "[{name: A, x: 2, y: 1}, {name: A, x: 2}]");
    }

    @Test
    void likeIsResolvedInNestedListsWithTheirPaths() throws Exception {
        assertResolved(
                "{a: {xs: [{name: A, ys: [{name: P, v: 1}, {name: Q, like: P}, {name: R, like: Z}]}]}}",
                List.of("a.xs[0].ys[2].like: no item named 'Z'; items: P, Q, R in a.xs[0].ys"),
                "{a: {xs: [{name: A, ys: [{name: P, v: 1}, {name: Q, v: 1}, {name: R}]}]}}");
        assertResolved(
                "[[{name: P, v: 1}, {name: Q, like: P}], [{name: S, like: T}]]",
                List.of("[1][0].like: no item named 'T'; items: S in [1]"),
                "[[{name: P, v: 1}, {name: Q, v: 1}], [{name: S}]]");
    }

    @Test
    void aLikeThatNamesNothingUsableIsAnErrorAtIt() throws Exception {
        assertResolved(
                "{xs: [{name: A, x: 1}, {name: B, like: 3}, {name: C, like: '  '}, {name: D, like: Aa},"
                        + " {name: E, like: E}, 7, {name: 5}]}",
                List.of(
                        "xs[1].like: must be the name of another item of xs",
                        "xs[2].like: must be the name of another item of xs",
                        "xs[3].like: no item named 'Aa'; did you mean 'A'? in xs",
                        "xs[4].like: an item cannot be like itself; name another item of xs"),
                "{xs: [{name: A, x: 1}, {name: B}, {name: C}, {name: D}, {name: E}, 7, {name: 5}]}");
        assertResolved(
                "{ys: [{like: A}]}", List.of("ys[0].like: no item named 'A'; the list is empty in ys"), "{ys: [{}]}");
    }

    @Test
    void aCycleIsOneErrorAtTheItemThatClosesIt() throws Exception {
        assertResolved(
                "[{name: A, like: B, a: 1}, {name: B, like: A, b: 2}]",
                List.of("[0].like: like forms a cycle through 'B'"),
                "[{name: A, a: 1, b: 2}, {name: B, a: 1, b: 2}]");
    }

    @Test
    void anItemMadeLikeAnotherNeedsANameOfItsOwn() throws Exception {
        assertResolved(
                "{xs: [{name: A, x: 1}, {like: A, x: 2}]}",
                List.of("xs[1]: an item made like 'A' needs a name of its own"),
                "{xs: [{name: A, x: 1}, {name: A, x: 2}]}");
    }
}
