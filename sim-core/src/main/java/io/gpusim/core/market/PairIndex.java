package io.gpusim.core.market;

/**
 * Where a (product, buyer) pair sits in the ledger's flat per-buyer arrays: {@code product * buyers + buyer}. The
 * one place that layout is written down.
 */
final class PairIndex {
    private final int buyers;

    PairIndex(int buyers) {
        this.buyers = buyers;
    }

    /** Number of buyers: the stride between one product's slots and the next's. */
    int buyers() {
        return buyers;
    }

    /** Slots needed for {@code products} products. */
    int size(int products) {
        return products * buyers;
    }

    /** The slot of a (product, buyer) pair. */
    int of(int product, int buyer) {
        return product * buyers + buyer;
    }

    /** The buyer of a slot. */
    int buyer(int slot) {
        return slot % buyers;
    }

    /** The product of a slot. */
    int product(int slot) {
        return slot / buyers;
    }
}
