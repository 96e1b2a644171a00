package io.gpusim.core.market;

/**
 * Units in transit by arrival step, per product and buyer: a ring of {@code ringSteps} steps (a power of two) that
 * doubles when a shipment is due further ahead than it reaches. A shipment due in a step whose arrivals were already
 * delivered arrives with the next delivery.
 */
final class TransitRing {
    /** Steps of arrivals the ring holds at first. */
    static final int INITIAL_STEPS = 8;

    private final int products;
    private final int buyers;
    /** [product][(step mod ringSteps) * buyers + buyer]. */
    private long[][] arriving;

    private int ringSteps = INITIAL_STEPS;
    /** The last step whose arrivals were delivered. */
    private int delivered = -1;

    /** Receives the units of one (product, buyer) pair as they arrive. */
    interface Arrivals {
        void arrive(int product, int buyer, long units);
    }

    TransitRing(int products, int buyers) {
        this.products = products;
        this.buyers = buyers;
        this.arriving = new long[products][INITIAL_STEPS * buyers];
    }

    /** The offset in the ring of the step a shipment arrives, growing the ring when that step is beyond it. */
    int slot(int arrivalStep) {
        int due = Math.max(arrivalStep, delivered + 1);
        while (due - delivered >= ringSteps) {
            grow();
        }
        return (due & (ringSteps - 1)) * buyers;
    }

    /** Puts units of a product, bound for a buyer, in the ring at a {@linkplain #slot slot}. */
    void add(int product, int slot, int buyer, long units) {
        arriving[product][slot + buyer] += units;
    }

    /**
     * Hands every shipment due at or before {@code step} to {@code sink}, product by product; products for which
     * {@code inTransit[p]} is 0 are skipped.
     */
    void deliver(int step, long[] inTransit, Arrivals sink) {
        for (int s = delivered + 1; s <= step; s++) {
            int slot = (s & (ringSteps - 1)) * buyers;
            for (int p = 0; p < products; p++) {
                if (inTransit[p] == 0) {
                    continue;
                }
                long[] due = arriving[p];
                for (int b = 0; b < buyers; b++) {
                    long units = due[slot + b];
                    if (units != 0) {
                        due[slot + b] = 0;
                        sink.arrive(p, b, units);
                    }
                }
            }
        }
        delivered = Math.max(delivered, step);
    }

    /**
     * Removes {@code share} of every pending arrival of a product (each shipment's units times the share, rounded
     * half up), handing the units removed from each buyer's shipments to {@code removed}; returns the units removed.
     */
    long remove(int product, double share, Arrivals removed) {
        long units = 0;
        long[] row = arriving[product];
        for (int i = 0; i < row.length; i++) {
            long cut = share >= 1.0 ? row[i] : Math.round(row[i] * share);
            if (cut != 0) {
                row[i] -= cut;
                units += cut;
                removed.arrive(product, i % buyers, cut);
            }
        }
        return units;
    }

    /** Steps the ring holds now. */
    int steps() {
        return ringSteps;
    }

    /** Doubles the ring, keeping each pending arrival in the slot of its step. */
    private void grow() {
        int old = ringSteps;
        long[][] bigger = new long[products][old * 2 * buyers];
        for (int p = 0; p < products; p++) {
            for (int s = delivered + 1; s < delivered + 1 + old; s++) {
                System.arraycopy(
                        arriving[p], (s & (old - 1)) * buyers, bigger[p], (s & (old * 2 - 1)) * buyers, buyers);
            }
        }
        arriving = bigger;
        ringSteps = old * 2;
    }
}
