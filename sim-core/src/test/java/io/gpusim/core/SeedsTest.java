package io.gpusim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void sameSeedSameStream() {
        MersenneTwisterFast a = Seeds.random(Seeds.replicationSeed(7, 3));
        MersenneTwisterFast b = Seeds.random(Seeds.replicationSeed(7, 3));
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
    }

    @Test
    void replicationSeedsAreDistinctAcrossIndicesAndMasters() {
        Set<Long> seen = new HashSet<>();
        for (long master = 0; master < 20; master++) {
            for (int i = 0; i < 500; i++) {
                assertTrue(seen.add(Seeds.replicationSeed(master, i)), "collision at " + master + "/" + i);
            }
        }
    }

    @Test
    void seedsDifferingOnlyInHighBitsGiveDifferentStreams() {
        long s = Seeds.replicationSeed(1, 0);
        MersenneTwisterFast a = Seeds.random(s);
        MersenneTwisterFast b = Seeds.random(s ^ (1L << 40));
        assertNotEquals(a.nextLong(), b.nextLong());
    }

    @Test
    void neighbouringStreamsAreUncorrelated() {
        int n = 20_000;
        MersenneTwisterFast a = Seeds.random(Seeds.replicationSeed(1, 0));
        MersenneTwisterFast b = Seeds.random(Seeds.replicationSeed(1, 1));
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (a.nextDouble() - 0.5) * (b.nextDouble() - 0.5);
        }
        double corr = sxy / n / (1.0 / 12);
        assertTrue(Math.abs(corr) < 0.03, "correlation " + corr);
    }
}
