package io.gpusim.core.scenario;

/** US actions an importing country's rule can respond to. */
public enum TriggerEvent {
    /** Licences for a product start being granted. */
    LICENCE,
    /** Controls on a product are lifted. */
    REVERSAL
}
