package io.gpusim.core.market;

/** Units on their way from a seller to a buyer; they join the buyer's stock at {@code arrivalStep}. */
record Shipment(int arrivalStep, int buyer, int product, long units) {
}
