package io.gpusim.core.metrics;

import java.util.Locale;

/**
 * Per-run figures of each foreign product, written one row per run and product ({@code products.csv}). Their names
 * are the output contract, like {@link Metric}'s.
 */
public enum ProductFigure {
    REQUESTED_UNITS("units of the product in rush orders"),
    ORDERED_UNITS("units of the product ordered, rush and regular"),
    RUSH_DELIVERED_UNITS("rush-order units of the product shipped"),
    SHIPPED_UNITS("units of the product shipped to hyperscalers"),
    REVENUE_USD("what buyers paid for the product"),
    FEE_USD("licence fees the vendor paid on the product"),
    WRITEDOWN_USD("write-down charges on the product"),
    BLOCKED_UNITS("units of the product stopped at the importing country's customs"),
    DENIED_UNITS("units of the product whose licences were denied");

    private final String description;

    ProductFigure(String description) {
        this.description = description;
    }

    /** The figure's name in outputs: the constant's name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
