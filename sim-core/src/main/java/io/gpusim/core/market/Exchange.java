package io.gpusim.core.market;

import java.util.List;

/**
 * One replication's market: the {@link Ledger}, the {@link MarketStatus} of every product and the public
 * {@link EventLog}, and the narrow views through which agents change them. A buyer's view orders and deploys for
 * that buyer only; a seller's view produces, ships, prices and launches that seller's products only; the regulator's
 * view publishes news and bans or lifts controls, and a ban happens only there, on the path that publishes it and
 * tells the {@link BanListener}. Everything else reads.
 */
public final class Exchange {
    /** Told when controls on a product take effect (before anything else moves in that step). */
    @FunctionalInterface
    public interface BanListener {
        void banTakesEffect(int product, int day);
    }

    private final Ledger ledger;
    private final MarketStatus status;
    private final EventLog events = new EventLog();
    private final BanListener bans;
    private final List<Product> products;

    /**
     * @param products the scenario's products, resolved (index, seller, attributes)
     * @param sellers number of sellers
     * @param buyers number of buyers
     * @param expectedOrders room for this many orders before the order book grows
     */
    public Exchange(List<Product> products, int sellers, int buyers, int expectedOrders, BanListener bans) {
        int[] sellerOf = new int[products.size()];
        double[] listPrices = new double[products.size()];
        for (int p = 0; p < sellerOf.length; p++) {
            sellerOf[p] = products.get(p).seller();
            listPrices[p] = products.get(p).listPriceUsd();
        }
        this.products = List.copyOf(products);
        this.ledger = new Ledger(buyers, sellerOf, sellers, expectedOrders);
        this.status = new MarketStatus(listPrices, buyers);
        this.bans = bans;
    }

    /** Starts a step: resets the per-step flows and delivers the shipments due by this step. */
    public void beginStep(int step) {
        ledger.beginStep();
        ledger.deliverArrivals(step);
    }

    public Ledger ledger() {
        return ledger;
    }

    public MarketStatus status() {
        return status;
    }

    public EventLog events() {
        return events;
    }

    public List<Product> products() {
        return products;
    }

    /** The view of buyer {@code b}. */
    public BuyerView buyer(int b) {
        return new BuyerView(ledger, status, events, b);
    }

    /** The view of seller {@code s}. */
    public SellerView seller(int s) {
        return new SellerView(ledger, status, events, s);
    }

    /** The importing country's regulator's view. */
    public ImporterView importer() {
        return new ImporterView(ledger, status, events);
    }

    /** The export-control authority's view. */
    public RegulatorView regulator() {
        return new RegulatorView(ledger, status, events, bans, products);
    }
}
