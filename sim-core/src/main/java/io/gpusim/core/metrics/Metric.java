package io.gpusim.core.metrics;

import io.gpusim.core.scenario.Spelling;
import java.util.Arrays;
import java.util.List;

/**
 * The per-run metrics. Their names are the output contract (CSV columns and summary rows); NaN means "empty"
 * (for example {@code ban_day} when no ban happened).
 */
public enum Metric {
    REQUESTED_UNITS("requested_units", "vendor units in rush orders placed before the ban"),
    REQUESTED_VALUE_USD("requested_value_usd", "value of those rush orders at their order prices"),
    REQUESTED_MONTHS(
            "requested_months", "requested units / monthly demand, at the ban, of the buyers who placed rush orders"),
    DELIVERED_UNITS_BEFORE_BAN("delivered_units_before_ban", "rush-order units shipped before the ban"),
    SHIPPED_SHARE("shipped_share", "delivered_units_before_ban / requested_units"),
    STOCKPILE_UNITS_AT_BAN("stockpile_units_at_ban", "vendor units held undeployed by hyperscalers at the ban"),
    STOCKPILE_MONTHS_AT_BAN("stockpile_months_at_ban", "that stock / monthly demand at the ban"),
    BAN_DAY("ban_day", "days from scenario start to the ban taking effect; empty when no ban"),
    DELIVERY_SHORTFALL_MONTHS(
            "delivery_shortfall_months",
            "months from the ban to the requested-by dates of rush units still open at it (unit-weighted mean)"),
    VENDOR_WRITEDOWN_USD("vendor_writedown_usd", "vendor charge for unsellable inventory and commitments"),
    VENDOR_LOST_REVENUE_USD("vendor_lost_revenue_usd", "value of the vendor backlog cancelled by the ban"),
    SUBSTITUTE_SHARE_END("substitute_share_end", "domestic share of units shipped to hyperscalers in the last quarter"),
    UNMET_DEMAND_UNITS("unmet_demand_units", "compute demand (H20-equivalent units) no stock could serve"),
    VENDOR_REVENUE_USD("vendor_revenue_usd", "money the vendor received"),
    DOMESTIC_REVENUE_USD("domestic_revenue_usd", "money the domestic maker received"),
    VENDOR_UNITS_SHIPPED("vendor_units_shipped", "vendor units shipped to hyperscalers"),
    DOMESTIC_UNITS_SHIPPED("domestic_units_shipped", "domestic units shipped to hyperscalers"),
    PEAK_HAZARD("peak_hazard", "highest mean perceived ban hazard per year across hyperscalers"),
    LEAK_DAY("leak_day", "days from scenario start to the first leak; empty when none"),
    GOVERNMENT_FEE_USD("government_fee_usd", "licence fees every vendor paid the exporting government"),
    VENDOR_NET_REVENUE_USD(
            "vendor_net_revenue_usd", "money the vendor received, less licence fees, plus stock sold elsewhere"),
    FOREIGN_UNITS_SHIPPED("foreign_units_shipped", "units of every foreign product shipped to hyperscalers"),
    UNITS_BLOCKED_AT_IMPORT("units_blocked_at_import", "foreign units stopped at the importing country's customs"),
    ORDERS_DENIED_UNITS("orders_denied_units", "foreign units whose licences were denied"),
    DOMESTIC_SHARE_UNITS("domestic_share_units", "domestic share of all units shipped to hyperscalers over the run"),
    RESERVE_RELEASE_USD(
            "reserve_release_usd",
            "charge released on written-down units sold after all (in the market again, or elsewhere)"),
    // Diagnostics: the parts the write-down is made of, so that a change in it can be traced to its cause.
    VENDOR_WRITEDOWN_FINISHED_UNITS(
            "vendor_writedown_finished_units", "vendor finished goods written off when the ban takes effect"),
    VENDOR_WRITEDOWN_WIP_UNITS(
            "vendor_writedown_wip_units",
            "vendor work in process (production committed, not finished) written off when the ban takes effect"),
    VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS(
            "vendor_started_after_announcement_units",
            "vendor production committed from the step of the ban's announcement to its effect; empty when no ban");

    private final String id;
    private final String description;

    Metric(String id, String description) {
        this.id = id;
        this.description = description;
    }

    /** The metric's name in outputs. */
    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** The metric with this output name. */
    public static Metric byId(String id) {
        for (Metric m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        List<String> ids = Arrays.stream(values()).map(Metric::id).toList();
        String near = Spelling.closest(String.valueOf(id), ids);
        throw new IllegalArgumentException("unknown metric '" + id + "'"
                + (near != null ? "; did you mean '" + near + "'?" : "; metrics: " + String.join(", ", ids)));
    }
}
