package io.gpusim.core.metrics;

import java.util.Locale;

/**
 * Per-step series recorded for each foreign product of a run (values at the end of the step, flows during it). In
 * outputs a product's series is named by the product and the series, {@code h200_shipments_units}.
 */
public enum ProductSeries {
    ORDERS("orders_units", "units of the product ordered this step"),
    SHIPMENTS("shipments_units", "units of the product shipped to hyperscalers this step"),
    BACKLOG("backlog_units", "units of the product ordered, not yet shipped"),
    VENDOR_FINISHED("vendor_finished_units", "the vendor's finished goods of the product"),
    BUYER_STOCK("buyer_stock_units", "units of the product held undeployed by hyperscalers"),
    BLOCKED("blocked_units", "units of the product stopped at customs so far"),
    PRICE("price_usd", "the product's price after this step's update");

    private final String id;
    private final String description;

    ProductSeries(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The output name of this series for a product: the product's name in lower case, an underscore, the id. */
    public String id(String product) {
        return product.toLowerCase(Locale.ROOT) + "_" + id;
    }
}
