package io.gpusim.core.scenario;

/** How a seller divides scarce finished goods among buyers' open orders. */
public enum AllocationRule {
    /** Each buyer receives a share proportional to its open backlog (largest-remainder rounding). */
    PROPORTIONAL,
    /** Oldest order first, whoever placed it. */
    FIFO
}
