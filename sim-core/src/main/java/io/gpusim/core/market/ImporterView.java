package io.gpusim.core.market;

/**
 * What the importing country's regulator may do: announce its rules, block foreign products at customs (with an
 * exempt share of demand), discourage their purchase with a shadow cost, require domestic units per foreign unit,
 * and mandate a domestic share of buyers' demand.
 */
public final class ImporterView {
    private final Ledger ledger;
    private final MarketStatus status;
    private final EventLog events;

    ImporterView(Ledger ledger, MarketStatus status, EventLog events) {
        this.ledger = ledger;
        this.status = status;
        this.events = events;
    }

    public MarketStatus status() {
        return status;
    }

    /** Announces a rule today: public news ({@code IMPORT_RULE}) about a product, or -1 for every foreign one. */
    public void announce(int product, int day, String label) {
        events.publish(new MarketEvent(day, EventKind.IMPORT_RULE, product, label));
    }

    /**
     * Customs stop a product: only {@code exemptShare} of demand may still buy it. The rest of what is in transit
     * ({@code 1 − exemptShare} of each shipment) is stopped, and unless everything is exempt the vendor's open
     * orders are cancelled (buyers order their exempt share again); returns the units stopped in transit.
     */
    public long block(int product, double exemptShare) {
        status.setImportShare(product, exemptShare);
        if (exemptShare >= 1.0) {
            return 0;
        }
        long stopped = ledger.blockInTransit(product, 1.0 - exemptShare);
        ledger.cancelOpenOrders(product);
        return stopped;
    }

    /** Customs let a product in again. */
    public void unblock(int product) {
        status.setImportShare(product, 1.0);
    }

    /** Buyers add a shadow cost of {@code share} of the price to each unit of a product (0 lifts it). */
    public void discourage(int product, double share) {
        status.setShadowCostShare(product, share);
    }

    /** Buyers must buy {@code ratio} domestic units for each foreign unit (0 lifts the rule). */
    public void requireMatching(double ratio) {
        status.setMatchRatio(ratio);
    }

    /** {@code share} of a buyer's demand must go to domestic parts (0 lifts the rule). */
    public void mandate(int buyer, double share) {
        status.setMandateShare(buyer, share);
    }
}
