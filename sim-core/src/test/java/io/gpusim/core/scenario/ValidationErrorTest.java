package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationErrorTest {

    @Test
    void oneLineFormShowsWhatIsKnown() {
        assertEquals("s.yaml:3:7: a.b: bad", new ValidationError("s.yaml", 3, 7, "a.b", "bad").toString());
        assertEquals("s.yaml:3: a.b: bad", new ValidationError("s.yaml", 3, 0, "a.b", "bad").toString());
        assertEquals("s.yaml: a.b: bad", new ValidationError("s.yaml", 0, 7, "a.b", "bad").toString());
        assertEquals("s.yaml:2:1: bad", new ValidationError("s.yaml", 2, 1, "", "bad").toString());
        assertEquals("s.yaml: bad", new ValidationError("s.yaml", 0, 0, null, "bad").toString());
        assertEquals("a.b: bad", new ValidationError(null, 3, 7, "a.b", "bad").toString());
        assertEquals("bad", new ValidationError(null, 0, 0, "", "bad").toString());
    }

    @Test
    void withFileAndWithLocationChangeOnlyTheirParts() {
        ValidationError e = new ValidationError(null, 0, 0, "x", "m");
        assertEquals(new ValidationError("f.yaml", 0, 0, "x", "m"), e.withFile("f.yaml"));
        assertEquals(new ValidationError(null, 4, 9, "x", "m"), e.withLocation(4, 9));
        assertEquals(
                new ValidationError("f.yaml", 4, 9, "x", "m"),
                e.withFile("f.yaml").withLocation(4, 9));
    }

    @Test
    void anExceptionCarriesEveryErrorOneLineEach() {
        List<ValidationError> errors = new ArrayList<>(List.of(
                new ValidationError("s.yaml", 1, 2, "a", "first"), new ValidationError("s.yaml", 0, 0, "", "second")));
        ScenarioException e = new ScenarioException(errors);
        assertEquals("s.yaml:1:2: a: first" + System.lineSeparator() + "s.yaml: second", e.getMessage());
        errors.clear();
        assertEquals(2, e.errors().size());
        assertThrows(UnsupportedOperationException.class, () -> e.errors().clear());
    }
}
