package io.gpusim.core.market;

/** Kinds of dated public events; all are visible to every agent once they happen. */
public enum EventKind {
    /** An earlier round of export controls (before or during the run). */
    CONTROL_ROUND,
    /** Press reports that controls on the vendor product are being weighed. */
    LEAK,
    /** Controls on a product are announced. */
    BAN_ANNOUNCED,
    /** Controls on a product take effect: no more shipments. */
    BAN_EFFECTIVE,
    /** Controls on a product are lifted. */
    REVERSAL,
    /** A product is launched and can be ordered. */
    LAUNCH,
    /** Licences for a product start being granted: it may be exported under conditions. */
    LICENCE,
    /** The importing country announces a rule against foreign parts (a block, discouragement, matching, mandate). */
    IMPORT_RULE
}
