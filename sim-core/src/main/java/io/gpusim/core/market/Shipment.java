package io.gpusim.core.market;

/**
 * Units on their way from a seller to one buyer; they join the buyer's stock at {@code arrivalStep}. Shipments to
 * the same buyer arriving in the same step are merged.
 */
final class Shipment {
    private final int arrivalStep;
    private final int buyer;
    private long units;

    Shipment(int arrivalStep, int buyer, long units) {
        this.arrivalStep = arrivalStep;
        this.buyer = buyer;
        this.units = units;
    }

    int arrivalStep() {
        return arrivalStep;
    }

    int buyer() {
        return buyer;
    }

    long units() {
        return units;
    }

    void add(long more) {
        units += more;
    }
}
