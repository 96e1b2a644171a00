package io.gpusim.core.market;

/**
 * A snapshot of a buyer's order for one product, as the ledger held it when asked. Units are whole accelerators;
 * the price is fixed when the order is placed and paid on shipment. A rush order is one placed to build
 * anticipatory stock, due by {@code requestedByDay}. Ids count up from 0 in placement order.
 */
public record Order(
        int id,
        int buyer,
        int product,
        long quantity,
        long priceCents,
        int placedStep,
        int requestedByDay,
        boolean rush,
        long shipped,
        long cancelled) {

    /** Units still to ship. */
    public long remaining() {
        return quantity - shipped - cancelled;
    }

    public boolean open() {
        return remaining() > 0;
    }
}
