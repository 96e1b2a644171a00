package io.gpusim.core.market;

/**
 * What one buyer may do in the market: read prices, availability, quotes and public news; see its own stock,
 * position and backlog; order; and put its own stock into service.
 */
public final class BuyerView {
    private final Ledger ledger;
    private final MarketStatus status;
    private final EventLog events;
    private final int buyer;

    BuyerView(Ledger ledger, MarketStatus status, EventLog events, int buyer) {
        this.ledger = ledger;
        this.status = status;
        this.events = events;
        this.buyer = buyer;
    }

    /** The buyer's index. */
    public int buyer() {
        return buyer;
    }

    public MarketStatus status() {
        return status;
    }

    /** Public events so far (read-only). */
    public EventLog events() {
        return events;
    }

    /**
     * Whether this buyer may order a product: it is available (launched; not banned, or licensed), the importing
     * country lets some demand buy it, and licences (when they apply) do not vet this buyer out.
     */
    public boolean canBuy(int product) {
        if (!status.available(product) || status.importShare(product) <= 0) {
            return false;
        }
        LicenceTerms licence = status.licence(product);
        return licence == null || licence.admits(buyer);
    }

    /** Units of a product in stock, not yet in service. */
    public long stock(int product) {
        return ledger.stock(buyer, product);
    }

    /** Inventory position in a product: stock, plus units in transit, plus units on order. */
    public long position(int product) {
        return ledger.position(buyer, product);
    }

    /** Puts units of a product from stock into service. */
    public void deploy(int product, long units) {
        ledger.deploy(buyer, product, units);
    }

    /** Places an order; a rush order is one placed to build anticipatory stock. Returns its id. */
    public int order(int product, long units, long priceCents, int step, int requestedByDay, boolean rush) {
        return ledger.placeOrder(buyer, product, units, priceCents, step, requestedByDay, rush);
    }

    /** A call-off under a standing order (see {@link Ledger#placeOrTopUp}). Returns the order's id. */
    public int callOff(int product, long units, long priceCents, int step, int requestedByDay) {
        return ledger.placeOrTopUp(buyer, product, units, priceCents, step, requestedByDay);
    }
}
