package io.gpusim.core.market;

/** A seller's available-to-promise answer: the step by which it expects to have shipped an extra order. */
@FunctionalInterface
public interface SupplyQuote {
    /** Step by which {@code units} more, queued behind today's backlog, would ship. */
    int quoteStep(long units);
}
