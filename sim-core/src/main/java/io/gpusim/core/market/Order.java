package io.gpusim.core.market;

/**
 * A buyer's order for one product. Units are whole accelerators; the price is fixed when the order is placed and
 * paid on shipment. A rush order is one placed to build anticipatory stock, due by {@code requestedByDay}.
 */
public final class Order {
    private final long id;
    private final int buyer;
    private final int product;
    private final long quantity;
    private final long priceCents;
    private final int placedStep;
    private final int requestedByDay;
    private final boolean rush;
    private long shipped;
    private long cancelled;

    Order(long id, int buyer, int product, long quantity, long priceCents, int placedStep, int requestedByDay,
            boolean rush) {
        this.id = id;
        this.buyer = buyer;
        this.product = product;
        this.quantity = quantity;
        this.priceCents = priceCents;
        this.placedStep = placedStep;
        this.requestedByDay = requestedByDay;
        this.rush = rush;
    }

    public long id() {
        return id;
    }

    public int buyer() {
        return buyer;
    }

    public int product() {
        return product;
    }

    public long quantity() {
        return quantity;
    }

    public long priceCents() {
        return priceCents;
    }

    public int placedStep() {
        return placedStep;
    }

    public int requestedByDay() {
        return requestedByDay;
    }

    public boolean rush() {
        return rush;
    }

    public long shipped() {
        return shipped;
    }

    public long cancelled() {
        return cancelled;
    }

    /** Units still to ship. */
    public long remaining() {
        return quantity - shipped - cancelled;
    }

    public boolean open() {
        return remaining() > 0;
    }

    void addShipped(long units) {
        shipped += units;
    }

    void cancel(long units) {
        cancelled += units;
    }
}
