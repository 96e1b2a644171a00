package io.gpusim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CalendarTest {
    private final Calendar cal = new Calendar(LocalDate.of(2024, 4, 1), LocalDate.of(2026, 6, 28), 7);

    @Test
    void stepsCoverTheWholeHorizon() {
        assertEquals(117, cal.steps()); // 819 days / 7
        assertEquals(LocalDate.of(2024, 4, 1), cal.dateOfStep(0));
        assertEquals(LocalDate.of(2024, 4, 8), cal.dateOfStep(1));
    }

    @Test
    void datesMapToTheStepThatContainsThem() {
        assertEquals(373, cal.dayOf(LocalDate.of(2025, 4, 9)));
        assertEquals(53, cal.stepOf(LocalDate.of(2025, 4, 9)));
        assertEquals(-1, cal.stepOf(LocalDate.of(2024, 3, 31)));
        assertEquals(-542, cal.dayOf(LocalDate.of(2022, 10, 7)));
    }

    @Test
    void weeksConvertToWholeSteps() {
        assertEquals(26, cal.stepsForWeeks(26, 1));
        assertEquals(1, cal.stepsForWeeks(0, 1));
        Calendar fortnight = new Calendar(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 14);
        assertEquals(13, fortnight.stepsForWeeks(26, 1));
        assertEquals(2.0, fortnight.stepWeeks());
    }

    @Test
    void emptyHorizonIsRefused() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Calendar(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 1), 7));
    }
}
