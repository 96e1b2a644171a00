package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;

/** Values beyond the in-memory limit go to disk, and the quantiles stay exact. */
class SpillTest {
    @Test
    void quantilesAreExactAcrossTheSpill() {
        int n = MetricAccumulator.IN_MEMORY * 3 + 17;
        double[] all = new double[n];
        SplittableRandom rng = new SplittableRandom(3);
        try (MetricAccumulator acc = new MetricAccumulator()) {
            for (int i = 0; i < n; i++) {
                all[i] = rng.nextGaussian() * 10 + 100;
                acc.add(all[i]);
            }
            SummaryRow r = acc.summarize("s", "", "m");
            Arrays.sort(all);
            Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
            q.setData(all);
            assertEquals(n, r.n());
            assertEquals(q.evaluate(5), r.p05());
            assertEquals(q.evaluate(50), r.p50());
            assertEquals(q.evaluate(95), r.p95());
            assertEquals(all[0], r.min());
            assertEquals(all[n - 1], r.max());
        }
    }
}
