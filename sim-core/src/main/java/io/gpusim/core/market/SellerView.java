package io.gpusim.core.market;

/**
 * What one seller may do with its own products: produce, see its finished goods, work in process, backlog and
 * orders, ship to open orders, cancel its backlog and write off inventory, and launch, price and quote its products.
 * Changing another seller's product is an error.
 */
public final class SellerView {
    private final Ledger ledger;
    private final MarketStatus status;
    private final EventLog events;
    private final int seller;

    SellerView(Ledger ledger, MarketStatus status, EventLog events, int seller) {
        this.ledger = ledger;
        this.status = status;
        this.events = events;
        this.seller = seller;
    }

    private int own(int product) {
        if (ledger.sellerOf(product) != seller) {
            throw new IllegalArgumentException("product " + product + " is not seller " + seller + "'s");
        }
        return product;
    }

    public MarketStatus status() {
        return status;
    }

    /** Public events so far (read-only). */
    public EventLog events() {
        return events;
    }

    /** Number of buyers. */
    public int buyers() {
        return ledger.buyers();
    }

    public void startProduction(int product, long units) {
        ledger.startProduction(own(product), units);
    }

    public void completeProduction(int product, long units) {
        ledger.completeProduction(own(product), units);
    }

    public long finishedGoods(int product) {
        return ledger.finishedGoods(product);
    }

    public long workInProcess(int product) {
        return ledger.workInProcess(product);
    }

    /** Units of a product ordered and not yet shipped. */
    public long backlog(int product) {
        return ledger.backlog(product);
    }

    /** Units of a product a buyer has ordered and not yet received shipment of. */
    public long backlog(int buyer, int product) {
        return ledger.backlog(buyer, product);
    }

    /** Units of a product ordered during this step. */
    public long orderedThisStep(int product) {
        return ledger.orderedThisStep(product);
    }

    /** The id of a buyer's oldest open order for a product, or -1. */
    public int oldestOpenOrder(int product, int buyer) {
        return ledger.oldestOpenOrder(product, buyer);
    }

    /** Units of an order still to ship. */
    public long remaining(int order) {
        return ledger.remaining(order);
    }

    /** Ships units of one order, arriving as {@code arrival} says (under licence, paying the licence fee). */
    public void ship(int order, long units, Arrival arrival) {
        int product = own(ledger.orderProduct(order));
        ledger.ship(order, units, arrival, feeShare(product));
    }

    /**
     * Ships {@code units[b]} to each buyer's open orders, oldest first, arriving as {@code arrival} says (under
     * licence, paying the licence fee).
     */
    public long shipToEach(int product, long[] units, Arrival arrival) {
        return ledger.shipToEach(own(product), units, arrival, feeShare(product));
    }

    private double feeShare(int product) {
        LicenceTerms licence = status.licence(product);
        return licence == null ? 0 : licence.feeShare();
    }

    /** Orders placed in the run so far; their ids are 0 to this - 1. */
    public int orderCount() {
        return ledger.orderCount();
    }

    public int orderProduct(int order) {
        return ledger.orderProduct(order);
    }

    /** Sets a licence decision on an order of the seller's: it ships from {@code day}, or is cancelled then. */
    public void setApproval(int order, int day, boolean denied) {
        own(ledger.orderProduct(order));
        ledger.setApproval(order, day, denied);
    }

    /** Whether an order may ship on {@code day}: not awaiting its licence decision, and not denied. */
    public boolean approved(int order, int day) {
        return ledger.approved(order, day);
    }

    /** Units a buyer may receive of a product on {@code day}: its approved open orders, oldest first. */
    public long approvedBacklog(int buyer, int product, int day) {
        return ledger.approvedBacklog(buyer, product, day);
    }

    /** Cancels the product's denied orders whose decision day has come; returns the units. */
    public long cancelDenied(int product, int day) {
        return ledger.cancelDenied(own(product), day);
    }

    /** Sells written-off units of a product outside the market (a release of reserves); returns the units sold. */
    public long releaseReserves(int product, long units, long cents) {
        return ledger.releaseReserves(own(product), units, cents);
    }

    /** Written-off finished units of a product go back into finished goods (controls eased); returns the units. */
    public long reinstate(int product, long units) {
        return ledger.reinstate(own(product), units);
    }

    /** Written-off work in process of a product goes back into work in process (controls eased); returns the units. */
    public long reinstateWorkInProcess(int product) {
        return ledger.reinstateWorkInProcess(own(product));
    }

    /** Written-off units of a product complete into written-off finished stock. */
    public void completeWrittenOff(int product, long units) {
        ledger.completeWrittenOff(own(product), units);
    }

    /** Written-off finished units of a product, sold elsewhere or not. */
    public long writtenOffFinished(int product) {
        return ledger.writtenOffFinished(product);
    }

    /** Cancels the product's whole backlog; returns the revenue lost, in cents. */
    public long cancelOpenOrders(int product) {
        return ledger.cancelOpenOrders(own(product));
    }

    /** Writes off the product's finished goods and work in process at a cost per unit; returns the charge. */
    public long writeOff(int product, long costCentsPerUnit) {
        return ledger.writeOff(own(product), costCentsPerUnit);
    }

    /** Launches a product: from now on it can be ordered; the launch is published on {@code day}. */
    public void launch(int product, int day, String label) {
        status.setLaunched(own(product), true);
        events.publish(new MarketEvent(day, EventKind.LAUNCH, product, label));
    }

    public void setPrice(int product, double usd) {
        status.setPriceUsd(own(product), usd);
    }

    /** Answers buyers' delivery questions for a product from now on. */
    public void setQuote(int product, SupplyQuote quote) {
        status.setQuote(own(product), quote);
    }
}
