package io.gpusim.core.scenario;

/** How the regulator decides to ban the vendor's export product. */
public enum BanMode {
    /** No ban ever. */
    NONE,
    /** A licence requirement takes effect on a fixed date. */
    DATE,
    /** A weekly stochastic decision, raised by leaks and by visible stockpiling. */
    HAZARD,
    /** On the rule date, every vendor product above any performance limit is banned. */
    THRESHOLD
}
