package io.gpusim.core.scenario;

/** The importing country's instruments. */
public enum ImportRuleKind {
    /** Customs stop a foreign product: only an exempt share of demand may still buy it. */
    BLOCK,
    /** Purchases are discouraged: buyers add a shadow cost per unit to a foreign product's cost. */
    DISCOURAGE,
    /** Buyers must buy {@code ratio} domestic units for each foreign unit. */
    MATCH,
    /** A share of some buyers' demand must go to domestic parts. */
    MANDATE
}
