package io.gpusim.core.market;

/** A dated public event. {@code day} counts from the scenario start (negative before it); -1 product = none. */
public record MarketEvent(int day, EventKind kind, int product, String label) {}
