package io.gpusim.core.metrics;

/** Per-step time series recorded for every run (values at the end of the step, flows during it). */
public enum Series {
    DEMAND("demand_units", "compute demand of all hyperscalers (H20-equivalent units)"),
    UNMET_DEMAND("unmet_demand_units", "compute demand no stock could serve"),
    VENDOR_FINISHED("vendor_finished_units", "vendor finished goods"),
    VENDOR_WIP("vendor_wip_units", "vendor production committed, not yet finished"),
    VENDOR_BACKLOG("vendor_backlog_units", "vendor units ordered, not yet shipped"),
    BUYER_STOCK_VENDOR("buyer_stock_vendor_units", "vendor units held undeployed by hyperscalers"),
    BUYER_STOCK_DOMESTIC("buyer_stock_domestic_units", "domestic units held undeployed by hyperscalers"),
    DEPLOYED("deployed_units", "units in service, all products"),
    VENDOR_ORDERS("vendor_orders_units", "vendor units ordered this step"),
    DOMESTIC_ORDERS("domestic_orders_units", "domestic units ordered this step"),
    VENDOR_SHIPMENTS("vendor_shipments_units", "vendor units shipped this step"),
    DOMESTIC_SHIPMENTS("domestic_shipments_units", "domestic units shipped this step"),
    VENDOR_PRICE("vendor_price_usd", "vendor product price"),
    MEAN_HAZARD("mean_hazard_per_year", "mean perceived ban hazard across hyperscalers"),
    ANTICIPATORY_TARGET("anticipatory_target_units", "hyperscalers' anticipatory stock targets, summed"),
    DOMESTIC_CAPACITY("domestic_capacity_units", "domestic maker capacity this step (units it could finish)"),
    SUBSTITUTE_SHARE("substitute_share", "domestic share of units shipped to hyperscalers over the last quarter");

    private final String id;
    private final String description;

    Series(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }
}
