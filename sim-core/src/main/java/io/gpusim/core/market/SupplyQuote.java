package io.gpusim.core.market;

/** A seller's available-to-promise answer: the day by which an extra order would reach the buyer. */
@FunctionalInterface
public interface SupplyQuote {
    /** Day (from the scenario start) by which {@code units} more, queued behind today's backlog, would arrive. */
    int quoteDay(long units);
}
