package io.gpusim.core;

/**
 * The fixed order of work inside one step: phases run in this order and agents of one kind in scenario order, all
 * inside one MASON {@code Sequence}, so no result depends on MASON's shuffle of same-time steppables.
 */
public enum Phase {
    /** Shipments due this step arrive in buyers' stock. */
    ARRIVALS,
    /** The regulator announces, enacts or lifts controls; leaks are published. */
    REGULATOR,
    /** The importing country's regulator starts or lifts its rules. */
    IMPORTER,
    /** Hyperscalers see demand, deploy stock, update beliefs and order. */
    HYPERSCALERS,
    /** The GPU vendor completes production, commits new production, allocates and ships. */
    VENDOR,
    /** The domestic chipmaker launches, produces, allocates and ships. */
    DOMESTIC,
    /** Per-step metrics are recorded. */
    RECORD
}
