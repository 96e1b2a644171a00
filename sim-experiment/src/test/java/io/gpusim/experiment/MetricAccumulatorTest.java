package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MetricAccumulatorTest {
    @Test
    void knownValues() {
        MetricAccumulator acc = new MetricAccumulator();
        for (double v : new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}) {
            acc.add(v);
        }
        SummaryRow r = acc.summarize("s", "", "m");
        assertEquals(10, r.n());
        assertEquals(5.5, r.mean(), 1e-12);
        assertEquals(Math.sqrt(55.0 / 6.0), r.sd(), 1e-12); // sample sd
        // t(0.975, 9) = 2.2621571628
        double half = 2.2621571628 * r.sd() / Math.sqrt(10);
        assertEquals(5.5 - half, r.ciLow(), 1e-8);
        assertEquals(5.5 + half, r.ciHigh(), 1e-8);
        // NumPy "linear" quantiles of 1..10
        assertEquals(1.45, r.p05(), 1e-12);
        assertEquals(3.25, r.p25(), 1e-12);
        assertEquals(5.5, r.p50(), 1e-12);
        assertEquals(7.75, r.p75(), 1e-12);
        assertEquals(9.55, r.p95(), 1e-12);
        assertEquals(1, r.min());
        assertEquals(10, r.max());
    }

    @Test
    void emptyValuesAreCountedApartAndExcluded() {
        MetricAccumulator acc = new MetricAccumulator();
        acc.add(Double.NaN);
        acc.add(4);
        acc.add(Double.NaN);
        SummaryRow r = acc.summarize("s", "", "m");
        assertEquals(1, r.n());
        assertEquals(2, acc.empty());
        assertEquals(4, r.mean());
        assertEquals(4, r.p50());
        // one value has no spread: no standard deviation and no interval (empty cells), not a width of zero
        assertTrue(Double.isNaN(r.sd()), "sd " + r.sd());
        assertTrue(Double.isNaN(r.ciLow()) && Double.isNaN(r.ciHigh()), r.ciLow() + " " + r.ciHigh());
        assertTrue(Double.isNaN(acc.ciHalfWidth()));
    }

    @Test
    void nothingGivesNaNStatistics() {
        SummaryRow r = new MetricAccumulator().summarize("s", "", "m");
        assertEquals(0, r.n());
        assertTrue(Double.isNaN(r.mean()) && Double.isNaN(r.p50()));
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        MetricAccumulator acc = new MetricAccumulator();
        for (int i = 0; i < 10_001; i++) {
            acc.add(i);
        }
        SummaryRow r = acc.summarize("s", "", "m");
        assertEquals(5000, r.p50(), 1e-9);
        assertEquals(10_000, r.max());
    }
}
