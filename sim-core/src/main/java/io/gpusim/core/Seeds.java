package io.gpusim.core;

import ec.util.MersenneTwisterFast;

/**
 * Derives one independent random stream per replication from (master seed, replication index). The pair is mixed
 * with SplitMix64 into 128 bits that seed a Mersenne Twister, so neighbouring indices give unrelated streams and
 * the same pair always gives the same stream.
 */
public final class Seeds {
    private Seeds() {
    }

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
}
