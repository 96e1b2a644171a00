package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void distanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(3, Spelling.distance("kitten", "sitting"));
        assertEquals(2, Spelling.distance("flaw", "lawn"));
        assertEquals(3, Spelling.distance("", "abc"));
        assertEquals(3, Spelling.distance("abc", ""));
        assertEquals(0, Spelling.distance("abc", "abc"));
        assertEquals(1, Spelling.distance("abc", "abd"));
        assertEquals(1, Spelling.distance("abc", "xabc"));
        assertEquals(1, Spelling.distance("abcd", "abd"));
    }

    @Test
    void aNameWithinTwoEditsIsSuggested() {
        assertEquals("stepDays", Spelling.closest("stepDayz", List.of("start", "stepDays", "end")));
        assertEquals("abcxy", Spelling.closest("abcde", List.of("abcxy")));
        assertNull(Spelling.closest("abcde", List.of("abxyz")));
    }

    @Test
    void caseIsIgnoredButTheKnownSpellingIsReturned() {
        assertEquals("stepDays", Spelling.closest("STEPDAYS", List.of("stepDays")));
        assertEquals("Tencent", Spelling.closest("tencnet", List.of("ByteDance", "Tencent")));
    }

    @Test
    void theNearestWinsAndTheFirstOnATie() {
        assertEquals("abce", Spelling.closest("abcd", List.of("abxy", "abce")));
        assertEquals("abcx", Spelling.closest("abcd", List.of("abcx", "abcy")));
        assertEquals("abcy", Spelling.closest("abcd", List.of("abxx", "abcy", "abcx")));
    }

    @Test
    void aSuggestionMustBeNearerThanTheWrittenNameIsLong() {
        assertNull(Spelling.closest("a", List.of("b")));
        assertNull(Spelling.closest("ab", List.of("cd")));
        assertEquals("xyc", Spelling.closest("abc", List.of("xyc")));
        assertEquals("abc", Spelling.closest("ab", List.of("abc")));
        assertNull(Spelling.closest("a", List.of("ab")));
    }

    @Test
    void nothingKnownSuggestsNothing() {
        assertNull(Spelling.closest("anything", List.of()));
    }
}
