package io.gpusim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MetricGlossaryTest {
    @Test
    void everyMetricSaysWhatItIsItsUnitAndWhenItIsMeasured() {
        for (Metric m : Metric.values()) {
            assertTrue(MetricGlossary.has(m), m.id() + " has no glossary entry");
            MetricGlossary.Entry e = MetricGlossary.of(m);
            assertFalse(e.label().isBlank(), m.id());
            assertFalse(e.unit().isBlank(), m.id());
            assertFalse(e.when().isBlank(), m.id());
            assertEquals(m.description(), e.meaning());
        }
    }

    @Test
    void theBanDayIsTheDayTheBanTakesEffectShownAsADate() {
        MetricGlossary.Entry ban = MetricGlossary.of(Metric.BAN_DAY);
        assertTrue(ban.isDay());
        assertEquals("date", ban.unit());
        assertTrue(ban.when().contains("takes effect") && ban.when().contains("not the announcement"), ban.when());
        assertEquals(LocalDate.of(2025, 4, 9), MetricGlossary.date(373, LocalDate.of(2024, 4, 1)));
        assertEquals(null, MetricGlossary.date(Double.NaN, LocalDate.of(2024, 4, 1)));
        assertFalse(MetricGlossary.of(Metric.REQUESTED_UNITS).isDay());
    }
}
