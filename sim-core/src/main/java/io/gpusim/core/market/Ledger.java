package io.gpusim.core.market;

import java.util.ArrayList;
import java.util.List;

/**
 * The market's books: orders, shipments, every unit's place and every payment. All quantities are whole units
 * and all money is in cents, so the conservation laws hold exactly:
 * <ul>
 *   <li>units started = work in process + finished goods + in transit + buyers' stock + deployed + written off
 *       (finished and in process);</li>
 *   <li>money paid by buyers = money received by sellers.</li>
 * </ul>
 * The ledger records; it never decides. Agents call it.
 */
public final class Ledger {
    private final int buyers;
    private final int products;
    private final int[] sellerOfProduct;

    private final long[] started;
    private final long[] completed;
    private final long[] wip;
    private final long[] finished;
    private final long[] inTransit;
    private final long[] writtenOffFinished;
    private final long[] writtenOffWip;
    /** Units of finished goods and of work in process each write-off took, summed over the run (never reduced). */
    private final long[] writeOffFinishedUnits;

    private final long[] writeOffWipUnits;
    /** Units stopped at the importing country's customs (in transit when a block began). */
    private final long[] blockedAtImport;
    /** Written-off finished units later sold outside the market (a release of reserves). */
    private final long[] soldElsewhere;
    /** Units of orders whose licence was denied (cancelled on their approval day). */
    private final long[] deniedUnits;
    /** Written-off finished units put back into finished goods when controls were eased. */
    private final long[] reinstated;
    // Per buyer and product, at index PairIndex.of(product, buyer, buyers).
    private final long[] stock;
    private final long[] deployed;
    private final long[] backlogUnits;
    private final long[] transitUnits;
    /** Backlog per product, the sum of backlogUnits over buyers. */
    private final long[] backlogTotal;

    private final long[] paidCents;
    private final long[] receivedCents;
    private final long[] writedownCents;
    private final long[] lostRevenueCents;
    /** Per seller: fees paid to the exporting government out of its revenue (licences' revenue share). */
    private final long[] feeCents;
    /** Per seller: revenue from written-off stock sold outside the market. */
    private final long[] releaseCents;
    /** Per product: revenue, licence fees and write-down charges, in cents. */
    private final long[] productRevenueCents;

    private final long[] productFeeCents;
    private final long[] productWritedownCents;

    private final long[] orderedThisStep;
    private final long[] orderedLastStep;
    private final long[] shippedThisStep;
    private final long[] arrivedThisStep;
    private final long[] shippedTotal;
    /** Per product: units ordered in the run (every order and call-off). */
    private final long[] orderedTotal;

    private final OrderBook book;
    private final TransitRing transit;
    private final TransitRing.Arrivals intoStock = this::arrive;

    public Ledger(int buyers, int[] sellerOfProduct, int sellers) {
        this(buyers, sellerOfProduct, sellers, 0);
    }

    /**
     * A ledger with room for {@code expectedOrders} orders before its order book has to grow (a run that knows
     * roughly how many orders it will place saves copying the book as it fills).
     */
    public Ledger(int buyers, int[] sellerOfProduct, int sellers, int expectedOrders) {
        this.buyers = buyers;
        this.products = sellerOfProduct.length;
        this.sellerOfProduct = sellerOfProduct.clone();
        started = new long[products];
        completed = new long[products];
        wip = new long[products];
        finished = new long[products];
        inTransit = new long[products];
        writtenOffFinished = new long[products];
        writtenOffWip = new long[products];
        writeOffFinishedUnits = new long[products];
        writeOffWipUnits = new long[products];
        blockedAtImport = new long[products];
        soldElsewhere = new long[products];
        deniedUnits = new long[products];
        reinstated = new long[products];
        stock = new long[PairIndex.size(products, buyers)];
        deployed = new long[PairIndex.size(products, buyers)];
        backlogUnits = new long[PairIndex.size(products, buyers)];
        transitUnits = new long[PairIndex.size(products, buyers)];
        backlogTotal = new long[products];
        paidCents = new long[buyers];
        receivedCents = new long[sellers];
        writedownCents = new long[sellers];
        lostRevenueCents = new long[sellers];
        feeCents = new long[sellers];
        releaseCents = new long[sellers];
        productRevenueCents = new long[products];
        productFeeCents = new long[products];
        productWritedownCents = new long[products];
        orderedThisStep = new long[products];
        orderedLastStep = new long[products];
        shippedThisStep = new long[products];
        arrivedThisStep = new long[products];
        shippedTotal = new long[products];
        orderedTotal = new long[products];
        book = new OrderBook(buyers, products, expectedOrders);
        transit = new TransitRing(products, buyers);
    }

    // ---- production -------------------------------------------------------------------------------------------

    /** Commits production of {@code units} (wafers started, components bought): they enter work in process. */
    void startProduction(int product, long units) {
        requireNonNegative(units);
        started[product] += units;
        wip[product] += units;
    }

    /** Moves finished units from work in process to the seller's finished goods. */
    void completeProduction(int product, long units) {
        requireNonNegative(units);
        if (units > wip[product]) {
            throw new IllegalStateException("completing " + units + " units with only " + wip[product] + " in process");
        }
        wip[product] -= units;
        finished[product] += units;
        completed[product] += units;
    }

    /**
     * Written-off work in process completes: the units were committed and cannot be cancelled, so they are made and
     * join the written-off finished stock (reserved inventory).
     */
    void completeWrittenOff(int product, long units) {
        requireNonNegative(units);
        if (units > writtenOffWip[product]) {
            throw new IllegalStateException(
                    "completing " + units + " written-off units with only " + writtenOffWip[product] + " in process");
        }
        writtenOffWip[product] -= units;
        writtenOffFinished[product] += units;
        completed[product] += units;
    }

    // ---- orders and shipments ---------------------------------------------------------------------------------

    /**
     * Books an order, open until shipped or cancelled, and returns its id (ids count up from 0 in placement order).
     */
    int placeOrder(int buyer, int product, long units, long priceCents, int step, int requestedByDay, boolean rush) {
        if (units <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, got " + units);
        }
        int id = book.add(buyer, product, units, priceCents, step, requestedByDay, rush);
        onOrder(buyer, product, units);
        return id;
    }

    /**
     * A call-off under a standing order: adds the units to the buyer's newest open order of the product when that is
     * a regular (not rush) order at the same price, and otherwise places a new regular order. Either way the units
     * are on order at that price, shipped after the units ordered before them; a topped-up order keeps its
     * placement step and requested-by day. Returns the order's id.
     */
    int placeOrTopUp(int buyer, int product, long units, long priceCents, int step, int requestedByDay) {
        if (units <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, got " + units);
        }
        int id = book.topUp(buyer, product, units, priceCents);
        if (id < 0) {
            return placeOrder(buyer, product, units, priceCents, step, requestedByDay, false);
        }
        onOrder(buyer, product, units);
        return id;
    }

    /** Books units newly on order: this step's orders and the buyer's backlog go up. */
    private void onOrder(int buyer, int product, long units) {
        orderedThisStep[product] += units;
        orderedTotal[product] += units;
        backlogUnits[PairIndex.of(product, buyer, buyers)] += units;
        backlogTotal[product] += units;
    }

    /**
     * Ships units of an order from finished goods: they go into transit, arriving at {@code arrivalStep}, and the
     * buyer pays the order's price to the product's seller.
     */
    void ship(int order, long units, int arrivalStep) {
        ship(order, units, Arrival.at(arrivalStep));
    }

    /** As {@link #ship(int, long, int)}, arriving as {@code arrival} says. */
    void ship(int order, long units, Arrival arrival) {
        ship(order, units, arrival, 0);
    }

    /**
     * As {@link #ship(int, long, Arrival)}, the seller paying {@code feeShare} of the price to the exporting
     * government (rounded to the cent).
     */
    void ship(int order, long units, Arrival arrival, double feeShare) {
        requireNonNegative(units);
        if (units == 0) {
            return;
        }
        int p = book.product(order);
        if (units > book.remaining(order) || units > finished[p]) {
            throw new IllegalStateException("shipping " + units + " units: order has " + book.remaining(order)
                    + " open, seller holds " + finished[p]);
        }
        int buyer = book.buyer(order);
        book.addShipped(order, units);
        long cents = Math.multiplyExact(units, book.priceCents(order));
        int late = lateSlot(arrival);
        toBuyer(p, buyer, units, cents, transit.slot(arrival.step()), late, arrival);
        fromSeller(p, units, cents, feeShare);
    }

    /**
     * Ships units to a buyer's open orders of a product, oldest order first, as {@link #ship} would one order at a
     * time: they go into transit, arriving at {@code arrivalStep}, and the buyer pays each order's price.
     */
    void shipOldestFirst(int product, int buyer, long units, int arrivalStep) {
        requireNonNegative(units);
        if (units == 0) {
            return;
        }
        if (units > backlogUnits[PairIndex.of(product, buyer, buyers)] || units > finished[product]) {
            throw new IllegalStateException("shipping " + units + " units: buyer " + buyer + " has "
                    + backlogUnits[PairIndex.of(product, buyer, buyers)] + " on order, seller holds "
                    + finished[product]);
        }
        long cents = book.shipOldestFirst(product, buyer, units);
        toBuyer(product, buyer, units, cents, transit.slot(arrivalStep), -1, Arrival.at(arrivalStep));
        fromSeller(product, units, cents, 0);
    }

    /**
     * Ships {@code units[b]} to each buyer {@code b}'s open orders of a product, oldest order first, in one booking:
     * the same as calling {@link #shipOldestFirst} for each buyer in turn. Returns the units shipped.
     */
    long shipToEach(int product, long[] units, int arrivalStep) {
        return shipToEach(product, units, Arrival.at(arrivalStep));
    }

    /** As {@link #shipToEach(int, long[], int)}, arriving as {@code arrival} says. */
    long shipToEach(int product, long[] units, Arrival arrival) {
        return shipToEach(product, units, arrival, 0);
    }

    /**
     * As {@link #shipToEach(int, long[], Arrival)}, the seller paying {@code feeShare} of the price to the exporting
     * government (rounded to the cent).
     */
    long shipToEach(int product, long[] units, Arrival arrival, double feeShare) {
        long total = 0;
        for (int b = 0; b < buyers; b++) {
            long u = units[b];
            requireNonNegative(u);
            if (u > backlogUnits[PairIndex.of(product, b, buyers)]) {
                throw new IllegalStateException("shipping " + u + " units: buyer " + b + " has "
                        + backlogUnits[PairIndex.of(product, b, buyers)] + " on order");
            }
            total += u;
        }
        if (total > finished[product]) {
            throw new IllegalStateException("shipping " + total + " units: seller holds " + finished[product]);
        }
        if (total == 0) {
            return 0;
        }
        int late = lateSlot(arrival);
        int slot = transit.slot(arrival.step());
        long received = 0;
        for (int b = 0; b < buyers; b++) {
            if (units[b] != 0) {
                long cents = book.shipOldestFirst(product, b, units[b]);
                toBuyer(product, b, units[b], cents, slot, late, arrival);
                received += cents;
            }
        }
        fromSeller(product, total, received, feeShare);
        return total;
    }

    /**
     * The transit slot of an arrival's late units, or -1 when none are late. Taken before the on-time slot: a ring
     * that grows to reach the later step moves every slot.
     */
    private int lateSlot(Arrival arrival) {
        return arrival.lateShare() == 0 ? -1 : transit.slot(arrival.step() + 1);
    }

    /**
     * The buyer's side of a shipment: off its backlog, into transit (arriving at {@code slot}, the late share at
     * {@code lateSlot}), paid for.
     */
    private void toBuyer(int p, int buyer, long units, long cents, int slot, int lateSlot, Arrival arrival) {
        int i = PairIndex.of(p, buyer, buyers);
        backlogUnits[i] -= units;
        transitUnits[i] += units;
        paidCents[buyer] += cents;
        long late = lateSlot < 0 ? 0 : arrival.late(units);
        transit.add(p, slot, buyer, units - late);
        if (late != 0) {
            transit.add(p, lateSlot, buyer, late);
        }
    }

    /** The seller's side of a shipment: out of finished goods into transit, off the backlog, paid. */
    private void fromSeller(int p, long units, long cents, double feeShare) {
        finished[p] -= units;
        inTransit[p] += units;
        backlogTotal[p] -= units;
        receivedCents[sellerOfProduct[p]] += cents;
        productRevenueCents[p] += cents;
        if (feeShare != 0) {
            long fee = Math.round(cents * feeShare);
            feeCents[sellerOfProduct[p]] += fee;
            productFeeCents[p] += fee;
        }
        shippedThisStep[p] += units;
        shippedTotal[p] += units;
    }

    /** Moves every shipment due at or before {@code step} into its buyer's stock. */
    void deliverArrivals(int step) {
        transit.deliver(step, inTransit, intoStock);
    }

    /** An arrival: out of transit into the buyer's stock. */
    private void arrive(int p, int b, long units) {
        inTransit[p] -= units;
        transitUnits[PairIndex.of(p, b, buyers)] -= units;
        stock[PairIndex.of(p, b, buyers)] += units;
        arrivedThisStep[p] += units;
    }

    /** Steps the transit ring holds now (it grows when shipments are due further ahead). */
    int transitSteps() {
        return transit.steps();
    }

    /** Puts units from a buyer's stock into service. */
    void deploy(int buyer, int product, long units) {
        requireNonNegative(units);
        int i = PairIndex.of(product, buyer, buyers);
        if (units > stock[i]) {
            throw new IllegalStateException("deploying " + units + " units from a stock of " + stock[i]);
        }
        stock[i] -= units;
        deployed[i] += units;
    }

    /** Cancels every open order for a product; returns the revenue lost, in cents. */
    long cancelOpenOrders(int product) {
        long lost = book.cancelOpen(product, (buyer, units) -> {
            backlogUnits[PairIndex.of(product, buyer, buyers)] -= units;
            backlogTotal[product] -= units;
        });
        lostRevenueCents[sellerOfProduct[product]] += lost;
        return lost;
    }

    /**
     * Writes off a product's finished goods and work in process (inventory that can no longer be sold and
     * commitments that can no longer be cancelled), charging {@code costCentsPerUnit} for each. Returns the charge.
     */
    long writeOff(int product, long costCentsPerUnit) {
        long units = finished[product] + wip[product];
        writtenOffFinished[product] += finished[product];
        writtenOffWip[product] += wip[product];
        writeOffFinishedUnits[product] += finished[product];
        writeOffWipUnits[product] += wip[product];
        finished[product] = 0;
        wip[product] = 0;
        long charge = Math.multiplyExact(units, costCentsPerUnit);
        writedownCents[sellerOfProduct[product]] += charge;
        productWritedownCents[product] += charge;
        return charge;
    }

    /**
     * The importing country's customs stop {@code share} of a product's units in transit (each shipment's units
     * times the share, rounded): they stay with the buyer who paid for them, undelivered, counted as blocked at
     * import. Returns the units stopped.
     */
    long blockInTransit(int product, double share) {
        long units = transit.remove(product, share, (p, b, cut) -> transitUnits[PairIndex.of(p, b, buyers)] -= cut);
        inTransit[product] -= units;
        blockedAtImport[product] += units;
        return units;
    }

    /**
     * Sells written-off finished units of a product outside the market (a release of reserves) for {@code cents};
     * returns the units sold (at most those written off and not yet sold).
     */
    long releaseReserves(int product, long units, long cents) {
        requireNonNegative(units);
        long sold = Math.min(units, writtenOffFinished[product] - soldElsewhere[product]);
        soldElsewhere[product] += sold;
        releaseCents[sellerOfProduct[product]] += sold == units ? cents : Math.round((double) cents * sold / units);
        return sold;
    }

    /**
     * Written-off finished units of a product go back into the seller's finished goods (controls were eased and the
     * stock can be sold again); returns the units reinstated. The charge taken on them is released.
     */
    long reinstate(int product, long units) {
        requireNonNegative(units);
        long back = Math.min(units, writtenOffFinished[product] - soldElsewhere[product]);
        writtenOffFinished[product] -= back;
        finished[product] += back;
        reinstated[product] += back;
        return back;
    }

    /** Written-off work in process goes back into work in process (controls were eased); returns the units. */
    long reinstateWorkInProcess(int product) {
        long back = writtenOffWip[product];
        writtenOffWip[product] = 0;
        wip[product] += back;
        return back;
    }

    /** Sets an order's licence decision: it may ship from {@code day}; a denied order is cancelled on that day. */
    void setApproval(int order, int day, boolean denied) {
        book.setApproval(order, day, denied);
    }

    /** Whether an order may ship on {@code day}: not awaiting its licence decision, and not denied. */
    public boolean approved(int order, int day) {
        return book.approvalDay(order) <= day && !book.denied(order);
    }

    /** Units a buyer may receive of a product on {@code day}: its approved open orders, oldest first. */
    public long approvedBacklog(int buyer, int product, int day) {
        return book.approvedRemaining(product, buyer, day);
    }

    /**
     * Cancels the denied orders of a product whose approval day has come; returns the units cancelled (counted as
     * denied, not as the seller's lost revenue).
     */
    long cancelDenied(int product, int day) {
        long cancelled = 0;
        for (int b = 0; b < buyers; b++) {
            for (int i = book.openCount(product, b) - 1; i >= 0; i--) {
                int id = book.openAt(product, b, i);
                if (book.denied(id) && book.approvalDay(id) <= day) {
                    long units = book.cancelOne(id);
                    backlogUnits[PairIndex.of(product, b, buyers)] -= units;
                    backlogTotal[product] -= units;
                    cancelled += units;
                }
            }
        }
        deniedUnits[product] += cancelled;
        return cancelled;
    }

    /** The id of a buyer's oldest open order for a product, or -1 when it has none. */
    public int oldestOpenOrder(int product, int buyer) {
        return book.oldestOpen(product, buyer);
    }

    /** Units of an order still to ship. */
    public long remaining(int order) {
        return book.remaining(order);
    }

    /** Open orders of a product in placement order (snapshots, in a new list). */
    public List<Order> openOrders(int product) {
        List<Order> list = new ArrayList<>();
        for (int b = 0; b < buyers; b++) {
            for (int i = 0; i < book.openCount(product, b); i++) {
                list.add(book.snapshot(book.openAt(product, b, i)));
            }
        }
        list.sort(java.util.Comparator.comparingInt(Order::id));
        return list;
    }

    /** Units ordered but not yet shipped, for a product. */
    public long backlog(int product) {
        return backlogTotal[product];
    }

    /** Units a buyer has ordered but not yet received shipment of, for a product. */
    public long backlog(int buyer, int product) {
        return backlogUnits[PairIndex.of(product, buyer, buyers)];
    }

    /** Units shipped to a buyer and still in transit, for a product. */
    public long inTransit(int buyer, int product) {
        return transitUnits[PairIndex.of(product, buyer, buyers)];
    }

    /** A buyer's inventory position in a product: stock, plus units in transit, plus units on order. */
    public long position(int buyer, int product) {
        int i = PairIndex.of(product, buyer, buyers);
        return stock[i] + transitUnits[i] + backlogUnits[i];
    }

    /** Resets the per-step flow counters; called at the start of every step. */
    void beginStep() {
        System.arraycopy(orderedThisStep, 0, orderedLastStep, 0, products);
        java.util.Arrays.fill(orderedThisStep, 0);
        java.util.Arrays.fill(shippedThisStep, 0);
        java.util.Arrays.fill(arrivedThisStep, 0);
    }

    // ---- read access ------------------------------------------------------------------------------------------

    public int buyers() {
        return buyers;
    }

    public int products() {
        return products;
    }

    public int sellerOf(int product) {
        return sellerOfProduct[product];
    }

    public long started(int p) {
        return started[p];
    }

    public long completed(int p) {
        return completed[p];
    }

    public long workInProcess(int p) {
        return wip[p];
    }

    public long finishedGoods(int p) {
        return finished[p];
    }

    public long inTransit(int p) {
        return inTransit[p];
    }

    public long writtenOff(int p) {
        return writtenOffFinished[p] + writtenOffWip[p];
    }

    public long writtenOffFinished(int p) {
        return writtenOffFinished[p];
    }

    /** Finished units of a product taken by its write-offs, as they stood when written off, over the run. */
    public long writeOffFinishedUnits(int p) {
        return writeOffFinishedUnits[p];
    }

    /** Units in process of a product taken by its write-offs, as they stood when written off, over the run. */
    public long writeOffWipUnits(int p) {
        return writeOffWipUnits[p];
    }

    /** Units of a product stopped at the importing country's customs. */
    public long blockedAtImport(int p) {
        return blockedAtImport[p];
    }

    /** Written-off finished units of a product sold outside the market. */
    public long soldElsewhere(int p) {
        return soldElsewhere[p];
    }

    /** Written-off finished units of a product put back into finished goods. */
    public long reinstated(int p) {
        return reinstated[p];
    }

    /** Units of a product whose orders' licences were denied. */
    public long deniedUnits(int p) {
        return deniedUnits[p];
    }

    /** Fees a seller paid to the exporting government out of its revenue, in cents. */
    public long feeCents(int seller) {
        return feeCents[seller];
    }

    /** Revenue from a product's shipments to buyers, in cents. */
    public long productRevenueCents(int p) {
        return productRevenueCents[p];
    }

    /** Licence fees paid on a product's shipments, in cents. */
    public long productFeeCents(int p) {
        return productFeeCents[p];
    }

    /** Write-down charges taken on a product, in cents. */
    public long productWritedownCents(int p) {
        return productWritedownCents[p];
    }

    /** A seller's revenue from written-off stock sold outside the market, in cents. */
    public long releaseCents(int seller) {
        return releaseCents[seller];
    }

    /** Placement step of an order. */
    public int orderPlacedStep(int order) {
        return book.placedStep(order);
    }

    public long stock(int buyer, int p) {
        return stock[PairIndex.of(p, buyer, buyers)];
    }

    public long deployed(int buyer, int p) {
        return deployed[PairIndex.of(p, buyer, buyers)];
    }

    public long totalStock(int p) {
        long sum = 0;
        for (int b = 0; b < buyers; b++) {
            sum += stock[PairIndex.of(p, b, buyers)];
        }
        return sum;
    }

    public long totalDeployed(int p) {
        long sum = 0;
        for (int b = 0; b < buyers; b++) {
            sum += deployed[PairIndex.of(p, b, buyers)];
        }
        return sum;
    }

    public long paidCents(int buyer) {
        return paidCents[buyer];
    }

    public long receivedCents(int seller) {
        return receivedCents[seller];
    }

    public long writedownCents(int seller) {
        return writedownCents[seller];
    }

    public long lostRevenueCents(int seller) {
        return lostRevenueCents[seller];
    }

    public long orderedThisStep(int p) {
        return orderedThisStep[p];
    }

    /** Units of a product ordered during the previous step. */
    public long orderedLastStep(int p) {
        return orderedLastStep[p];
    }

    /**
     * Units of a product that reached buyers' stock at the start of this step: shipments made during the previous
     * step, which a step-free market would see arrive during this one.
     */
    public long arrivedThisStep(int p) {
        return arrivedThisStep[p];
    }

    public long shippedThisStep(int p) {
        return shippedThisStep[p];
    }

    public long shippedTotal(int p) {
        return shippedTotal[p];
    }

    /** Number of orders placed in the run; their ids are 0 to {@code orderCount() - 1}. */
    public int orderCount() {
        return book.count();
    }

    /** A snapshot of an order. */
    public Order order(int id) {
        if (id < 0 || id >= book.count()) {
            throw new IndexOutOfBoundsException("no order " + id + " (" + book.count() + " placed)");
        }
        return book.snapshot(id);
    }

    /** Units of a product ordered in the run so far (call-offs added to an open order included). */
    public long orderedTotal(int product) {
        return orderedTotal[product];
    }

    /** Whether an order was placed to build anticipatory stock. */
    public boolean isRush(int order) {
        return book.rush(order);
    }

    public int orderProduct(int order) {
        return book.product(order);
    }

    public int orderBuyer(int order) {
        return book.buyer(order);
    }

    public long orderQuantity(int order) {
        return book.quantity(order);
    }

    public long orderPriceCents(int order) {
        return book.priceCents(order);
    }

    public long orderShipped(int order) {
        return book.shipped(order);
    }

    /** Units of an order cancelled (by a ban). */
    public long orderCancelled(int order) {
        return book.cancelled(order);
    }

    public int orderRequestedByDay(int order) {
        return book.requestedByDay(order);
    }

    /** Every order placed in the run, in placement order (snapshots, in a new list). */
    public List<Order> orders() {
        List<Order> list = new ArrayList<>(book.count());
        for (int id = 0; id < book.count(); id++) {
            list.add(book.snapshot(id));
        }
        return list;
    }

    /**
     * Checks both conservation laws, that no stock is negative and that the backlogs match the open orders;
     * returns a description of the first violation, or {@code null} when the books balance.
     */
    public String checkConservation() {
        for (int p = 0; p < products; p++) {
            long placed = wip[p]
                    + finished[p]
                    + inTransit[p]
                    + totalStock(p)
                    + totalDeployed(p)
                    + writtenOffFinished[p]
                    + writtenOffWip[p]
                    + blockedAtImport[p];
            if (placed != started[p]) {
                return "product " + p + ": started " + started[p] + " but accounted " + placed;
            }
            if (completed[p]
                    != finished[p]
                            + inTransit[p]
                            + totalStock(p)
                            + totalDeployed(p)
                            + writtenOffFinished[p]
                            + blockedAtImport[p]) {
                return "product " + p + ": completed units do not balance";
            }
            if (soldElsewhere[p] < 0 || soldElsewhere[p] > writtenOffFinished[p]) {
                return "product " + p + ": " + soldElsewhere[p] + " written-off units sold elsewhere of "
                        + writtenOffFinished[p];
            }
            if (wip[p] < 0 || finished[p] < 0 || inTransit[p] < 0) {
                return "product " + p + ": negative seller stock";
            }
            long backlog = 0;
            for (int b = 0; b < buyers; b++) {
                if (stock[PairIndex.of(p, b, buyers)] < 0 || deployed[PairIndex.of(p, b, buyers)] < 0) {
                    return "buyer " + b + " product " + p + ": negative stock";
                }
                long open = 0;
                for (int i = 0; i < book.openCount(p, b); i++) {
                    open += book.remaining(book.openAt(p, b, i));
                }
                if (open != backlogUnits[PairIndex.of(p, b, buyers)] || open < 0) {
                    return "buyer " + b + " product " + p + ": backlog " + backlogUnits[PairIndex.of(p, b, buyers)]
                            + " but open orders hold " + open;
                }
                backlog += open;
            }
            if (backlog != backlogTotal[p]) {
                return "product " + p + ": backlog total " + backlogTotal[p] + " but buyers' backlogs sum to "
                        + backlog;
            }
        }
        long paid = 0;
        for (long c : paidCents) {
            paid += c;
        }
        long received = 0;
        for (long c : receivedCents) {
            received += c;
        }
        if (paid != received) {
            return "buyers paid " + paid + " cents but sellers received " + received;
        }
        for (int s = 0; s < feeCents.length; s++) {
            if (feeCents[s] < 0 || feeCents[s] > receivedCents[s]) {
                return "seller " + s + " paid " + feeCents[s] + " cents of fees out of " + receivedCents[s];
            }
        }
        return null;
    }

    private static void requireNonNegative(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("negative quantity " + units);
        }
    }
}
