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

    @Test
    void sharesLieInZeroToOneAndOnlyNetRevenueCanBeNegative() {
        for (Metric m : Metric.values()) {
            MetricGlossary.Entry e = MetricGlossary.of(m);
            MetricGlossary.Range expected = e.unit().startsWith("share")
                    ? MetricGlossary.Range.SHARE
                    : m == Metric.VENDOR_NET_REVENUE_USD ? MetricGlossary.Range.ANY : MetricGlossary.Range.NON_NEGATIVE;
            assertEquals(expected, e.range(), m.id());
        }
        assertTrue(MetricGlossary.Range.SHARE.contains(1) && !MetricGlossary.Range.SHARE.contains(1.01));
        assertTrue(MetricGlossary.Range.NON_NEGATIVE.contains(0) && !MetricGlossary.Range.NON_NEGATIVE.contains(-1e-9));
        assertTrue(MetricGlossary.Range.ANY.contains(-1e12));
        assertEquals("from 0 to 1", MetricGlossary.Range.SHARE.describe());
    }
}
