package io.gpusim.core.market;

/**
 * Where a (product, buyer) pair sits in the ledger's flat per-buyer arrays: {@code product * buyers + buyer}. The
 * one place that layout is written down; static, so the hot paths pay no indirection for it.
 */
final class PairIndex {
    private PairIndex() {}

    /** Slots needed for {@code products} products of {@code buyers} buyers. */
    static int size(int products, int buyers) {
        return products * buyers;
    }

    /** The slot of a (product, buyer) pair. */
    static int of(int product, int buyer, int buyers) {
        return product * buyers + buyer;
    }

    /** The buyer of a slot. */
    static int buyer(int slot, int buyers) {
        return slot % buyers;
    }

    /** The product of a slot. */
    static int product(int slot, int buyers) {
        return slot / buyers;
    }
}
