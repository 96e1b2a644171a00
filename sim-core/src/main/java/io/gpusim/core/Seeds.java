package io.gpusim.core;

import ec.util.MersenneTwisterFast;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Derives one independent random stream per replication from (master seed, replication index). The pair is mixed
 * with SplitMix64 into 128 bits that seed a Mersenne Twister, so neighbouring indices give unrelated streams and
 * the same pair always gives the same stream. Normal variates come from a ziggurat sampler that reads the same
 * stream ({@link #gaussian}).
 */
public final class Seeds {
    private Seeds() {}

    /** SplitMix64 finaliser: a bijective mix of 64 bits. */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** The seed recorded for replication {@code index} of a batch with this master seed. */
    public static long replicationSeed(long masterSeed, long index) {
        return mix64(masterSeed + 0x9e3779b97f4a7c15L * (index + 1));
    }

    /** A Mersenne Twister for one replication, seeded with all 64 bits of its replication seed. */
    public static MersenneTwisterFast random(long replicationSeed) {
        long a = mix64(replicationSeed);
        long b = mix64(replicationSeed ^ 0x632be59bd9b4e019L);
        return new MersenneTwisterFast(new int[] {(int) a, (int) (a >>> 32), (int) b, (int) (b >>> 32)});
    }

    /**
     * Standard normal draws from a replication's generator: the modified ziggurat method (McFarland 2016) of Commons
     * RNG, fed with the generator's 64-bit outputs. It is several times faster than the generator's own polar
     * method, which takes a logarithm for every pair of draws.
     */
    public static NormalizedGaussianSampler gaussian(MersenneTwisterFast random) {
        return ZigguratSampler.NormalizedGaussian.of(random::nextLong);
    }
}
