package io.gpusim.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ec.util.MersenneTwisterFast;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {
    /** SplitMix64's increment, 2^64 divided by the golden ratio, odd. */
    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

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

    @Test
    void replicationSeedsAreTheOutputsOfSplitMix64SeededWithTheMasterSeed() {
        // SplitMix64 (Steele, Lea and Flood 2014) seeded with 0 outputs 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4,
        // 0x06c45d188009454f first: the published reference values of its C implementation. Replication i of
        // master seed m is the (i + 1)-th output of the generator seeded with m.
        assertEquals(0xe220a8397b1dcdafL, Seeds.replicationSeed(0, 0));
        assertEquals(0x6e789e6aa1b965f4L, Seeds.replicationSeed(0, 1));
        assertEquals(0x06c45d188009454fL, Seeds.replicationSeed(0, 2));
        // the finaliser alone: 0 is its fixed point, and output i of the generator seeded with 0 is mix64 of
        // (i + 1) times the golden gamma
        assertEquals(0L, Seeds.mix64(0));
        long twoGammas = GOLDEN_GAMMA;
        twoGammas *= 2; // wraps around 2^64, as the generator's state does
        assertEquals(0x6e789e6aa1b965f4L, Seeds.mix64(twoGammas));
        // a master seed shifts the generator's state: output i + 1 of seed m is output i of seed m + gamma
        assertEquals(Seeds.replicationSeed(0, 2), Seeds.replicationSeed(GOLDEN_GAMMA, 1));
    }

    @Test
    void theTwisterIsKeyedWithAllFourHalvesOfTwoMixes() {
        // seed = the golden gamma, whose mix is the first SplitMix64 output above; the key is the low and high
        // halves of that mix, then of the mix of the seed xor'ed with the second constant
        long seed = GOLDEN_GAMMA;
        long second = Seeds.mix64(seed ^ 0x632be59bd9b4e019L);
        MersenneTwisterFast expected =
                new MersenneTwisterFast(new int[] {0x7b1dcdaf, 0xe220a839, (int) second, (int) (second >>> 32)});
        MersenneTwisterFast actual = Seeds.random(seed);
        for (int i = 0; i < 10; i++) {
            assertEquals(expected.nextLong(), actual.nextLong());
        }
        for (int word = 0; word < 4; word++) {
            int[] key = {0x7b1dcdaf, 0xe220a839, (int) second, (int) (second >>> 32)};
            key[word] = 0;
            assertNotEquals(
                    new MersenneTwisterFast(key).nextLong(),
                    Seeds.random(seed).nextLong(),
                    "a key with word " + word + " zeroed is another stream");
        }
    }

    @Test
    void gaussianDrawsAreStandardNormalFromTheSameStream() {
        MersenneTwisterFast random = Seeds.random(Seeds.replicationSeed(3, 0));
        var gaussian = Seeds.gaussian(random);
        int n = 100_000;
        double sum = 0;
        double squares = 0;
        int beyondTwo = 0;
        for (int i = 0; i < n; i++) {
            double z = gaussian.sample();
            sum += z;
            squares += z * z;
            if (Math.abs(z) > 2) {
                beyondTwo++;
            }
        }
        // standard errors at n = 100000: mean 0.0032, variance 0.0045, P(|z| > 2) = 0.0455 +- 0.00066
        assertEquals(0, sum / n, 0.015);
        assertEquals(1, squares / n, 0.02);
        assertEquals(0.0455, (double) beyondTwo / n, 0.003);
        MersenneTwisterFast fresh = Seeds.random(Seeds.replicationSeed(3, 0));
        assertNotEquals(fresh.nextLong(), random.nextLong(), "the sampler consumed the generator's stream");
    }
}
