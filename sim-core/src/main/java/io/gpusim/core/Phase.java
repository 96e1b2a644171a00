package io.gpusim.core;

/**
 * The fixed order of work inside one step. Each phase is one MASON steppable with its own ordering, so no result
 * depends on MASON's shuffle of same-ordering steppables; agents of one kind act in scenario order.
 */
public enum Phase {
    /** Shipments due this step arrive in buyers' stock. */
    ARRIVALS,
    /** The regulator announces, enacts or lifts controls; leaks are published. */
    REGULATOR,
    /** Hyperscalers see demand, deploy stock, update beliefs and order. */
    HYPERSCALERS,
    /** The GPU vendor completes production, commits new production, allocates and ships. */
    VENDOR,
    /** The domestic chipmaker launches, produces, allocates and ships. */
    DOMESTIC,
    /** Per-step metrics are recorded. */
    RECORD
}
