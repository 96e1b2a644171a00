package io.gpusim.core.market;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
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
    private final long[][] stock;
    private final long[][] deployed;
    private final long[][] backlogUnits;
    private final long[][] transitUnits;
    private final long[] paidCents;
    private final long[] receivedCents;
    private final long[] writedownCents;
    private final long[] lostRevenueCents;

    private final long[] orderedThisStep;
    private final long[] orderedLastStep;
    private final long[] shippedThisStep;
    private final long[] shippedTotal;

    private final List<Order> orders = new ArrayList<>(1024);
    /** Open orders per product and buyer, oldest first. */
    private final ArrayDeque<Order>[][] openOrders;
    /** Units in transit by arrival step: [product][step mod ring size][buyer]. */
    private long[][][] arriving;
    /** The last step whose arrivals were delivered. */
    private int delivered = -1;
    private long nextOrderId;

    public Ledger(int buyers, int[] sellerOfProduct, int sellers) {
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
        stock = new long[buyers][products];
        deployed = new long[buyers][products];
        backlogUnits = new long[buyers][products];
        transitUnits = new long[buyers][products];
        paidCents = new long[buyers];
        receivedCents = new long[sellers];
        writedownCents = new long[sellers];
        lostRevenueCents = new long[sellers];
        orderedThisStep = new long[products];
        orderedLastStep = new long[products];
        shippedThisStep = new long[products];
        shippedTotal = new long[products];
        @SuppressWarnings("unchecked")
        ArrayDeque<Order>[][] queues = new ArrayDeque[products][buyers];
        openOrders = queues;
        arriving = new long[products][64][buyers];
        for (int p = 0; p < products; p++) {
            for (int b = 0; b < buyers; b++) {
                openOrders[p][b] = new ArrayDeque<>(32);
            }
        }
    }

    // ---- production -------------------------------------------------------------------------------------------

    /** Commits production of {@code units} (wafers started, components bought): they enter work in process. */
    public void startProduction(int product, long units) {
        requireNonNegative(units);
        started[product] += units;
        wip[product] += units;
    }

    /** Moves finished units from work in process to the seller's finished goods. */
    public void completeProduction(int product, long units) {
        requireNonNegative(units);
        if (units > wip[product]) {
            throw new IllegalStateException("completing " + units + " units with only " + wip[product] + " in process");
        }
        wip[product] -= units;
        finished[product] += units;
        completed[product] += units;
    }

    // ---- orders and shipments ---------------------------------------------------------------------------------

    public Order placeOrder(int buyer, int product, long units, long priceCents, int step, int requestedByDay,
            boolean rush) {
        if (units <= 0) {
            throw new IllegalArgumentException("order quantity must be positive, got " + units);
        }
        Order order = new Order(nextOrderId++, buyer, product, units, priceCents, step, requestedByDay, rush);
        orders.add(order);
        openOrders[product][buyer].addLast(order);
        orderedThisStep[product] += units;
        backlogUnits[buyer][product] += units;
        return order;
    }

    /**
     * Ships units of an order from finished goods: they go into transit, arriving at {@code arrivalStep}, and the
     * buyer pays the order's price to the product's seller.
     */
    public void ship(Order order, long units, int arrivalStep) {
        int p = order.product();
        requireNonNegative(units);
        if (units == 0) {
            return;
        }
        if (units > order.remaining() || units > finished[p]) {
            throw new IllegalStateException("shipping " + units + " units: order has " + order.remaining()
                    + " open, seller holds " + finished[p]);
        }
        finished[p] -= units;
        inTransit[p] += units;
        order.addShipped(units);
        backlogUnits[order.buyer()][p] -= units;
        transitUnits[order.buyer()][p] += units;
        long cents = Math.multiplyExact(units, order.priceCents());
        paidCents[order.buyer()] += cents;
        receivedCents[sellerOfProduct[p]] += cents;
        shippedThisStep[p] += units;
        shippedTotal[p] += units;
        // A shipment due in a step whose arrivals were already delivered arrives with the next delivery.
        int due = Math.max(arrivalStep, delivered + 1);
        while (due - delivered >= arriving[p].length) {
            growTransitRing();
        }
        arriving[p][due & (arriving[p].length - 1)][order.buyer()] += units;
        if (!order.open()) {
            openOrders[p][order.buyer()].remove(order);
        }
    }

    /** Moves every shipment due at or before {@code step} into its buyer's stock. */
    public void deliverArrivals(int step) {
        for (int s = delivered + 1; s <= step; s++) {
            for (int p = 0; p < products; p++) {
                long[] due = arriving[p][s & (arriving[p].length - 1)];
                for (int b = 0; b < buyers; b++) {
                    long units = due[b];
                    if (units != 0) {
                        inTransit[p] -= units;
                        transitUnits[b][p] -= units;
                        stock[b][p] += units;
                        due[b] = 0;
                    }
                }
            }
        }
        delivered = Math.max(delivered, step);
    }

    /** Doubles the transit ring, keeping each pending arrival in the slot of its step. */
    private void growTransitRing() {
        int old = arriving[0].length;
        long[][][] bigger = new long[products][old * 2][buyers];
        for (int p = 0; p < products; p++) {
            for (int s = delivered + 1; s < delivered + 1 + old; s++) {
                bigger[p][s & (old * 2 - 1)] = arriving[p][s & (old - 1)].clone();
            }
        }
        arriving = bigger;
    }

    /** Puts units from a buyer's stock into service. */
    public void deploy(int buyer, int product, long units) {
        requireNonNegative(units);
        if (units > stock[buyer][product]) {
            throw new IllegalStateException("deploying " + units + " units from a stock of " + stock[buyer][product]);
        }
        stock[buyer][product] -= units;
        deployed[buyer][product] += units;
    }

    /** Cancels every open order for a product; returns the revenue lost, in cents. */
    public long cancelOpenOrders(int product) {
        long lost = 0;
        for (ArrayDeque<Order> queue : openOrders[product]) {
            for (Order o : queue) {
                long r = o.remaining();
                lost = Math.addExact(lost, Math.multiplyExact(r, o.priceCents()));
                o.cancel(r);
                backlogUnits[o.buyer()][product] -= r;
            }
            queue.clear();
        }
        lostRevenueCents[sellerOfProduct[product]] += lost;
        return lost;
    }

    /**
     * Writes off a product's finished goods and work in process (inventory that can no longer be sold and
     * commitments that can no longer be cancelled), charging {@code costCentsPerUnit} for each. Returns the charge.
     */
    public long writeOff(int product, long costCentsPerUnit) {
        long units = finished[product] + wip[product];
        writtenOffFinished[product] += finished[product];
        writtenOffWip[product] += wip[product];
        finished[product] = 0;
        wip[product] = 0;
        long charge = Math.multiplyExact(units, costCentsPerUnit);
        writedownCents[sellerOfProduct[product]] += charge;
        return charge;
    }

    /** A buyer's oldest open order for a product, or null when it has none. */
    public Order oldestOpenOrder(int product, int buyer) {
        return openOrders[product][buyer].peekFirst();
    }

    /** Open orders of a product in placement order (a new list). */
    public List<Order> openOrders(int product) {
        List<Order> list = new ArrayList<>();
        for (ArrayDeque<Order> queue : openOrders[product]) {
            list.addAll(queue);
        }
        list.sort(java.util.Comparator.comparingLong(Order::id));
        return list;
    }

    /** Units ordered but not yet shipped, for a product. */
    public long backlog(int product) {
        long sum = 0;
        for (int b = 0; b < buyers; b++) {
            sum += backlogUnits[b][product];
        }
        return sum;
    }

    /** Units a buyer has ordered but not yet received shipment of, for a product. */
    public long backlog(int buyer, int product) {
        return backlogUnits[buyer][product];
    }

    /** Units shipped to a buyer and still in transit, for a product. */
    public long inTransit(int buyer, int product) {
        return transitUnits[buyer][product];
    }

    /** Resets the per-step flow counters; called at the start of every step. */
    public void beginStep() {
        System.arraycopy(orderedThisStep, 0, orderedLastStep, 0, products);
        java.util.Arrays.fill(orderedThisStep, 0);
        java.util.Arrays.fill(shippedThisStep, 0);
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

    public long stock(int buyer, int p) {
        return stock[buyer][p];
    }

    public long deployed(int buyer, int p) {
        return deployed[buyer][p];
    }

    public long totalStock(int p) {
        long sum = 0;
        for (int b = 0; b < buyers; b++) {
            sum += stock[b][p];
        }
        return sum;
    }

    public long totalDeployed(int p) {
        long sum = 0;
        for (int b = 0; b < buyers; b++) {
            sum += deployed[b][p];
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

    public long shippedThisStep(int p) {
        return shippedThisStep[p];
    }

    public long shippedTotal(int p) {
        return shippedTotal[p];
    }

    /** Every order placed in the run, in placement order. */
    public List<Order> orders() {
        return Collections.unmodifiableList(orders);
    }

    /**
     * Checks both conservation laws and that no stock is negative; returns a description of the first violation,
     * or {@code null} when the books balance.
     */
    public String checkConservation() {
        for (int p = 0; p < products; p++) {
            long placed = wip[p] + finished[p] + inTransit[p] + totalStock(p) + totalDeployed(p)
                    + writtenOffFinished[p] + writtenOffWip[p];
            if (placed != started[p]) {
                return "product " + p + ": started " + started[p] + " but accounted " + placed;
            }
            if (completed[p] != finished[p] + inTransit[p] + totalStock(p) + totalDeployed(p) + writtenOffFinished[p]) {
                return "product " + p + ": completed units do not balance";
            }
            if (wip[p] < 0 || finished[p] < 0 || inTransit[p] < 0) {
                return "product " + p + ": negative seller stock";
            }
            for (int b = 0; b < buyers; b++) {
                if (stock[b][p] < 0 || deployed[b][p] < 0) {
                    return "buyer " + b + " product " + p + ": negative stock";
                }
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
        return paid == received ? null : "buyers paid " + paid + " cents but sellers received " + received;
    }

    private static void requireNonNegative(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("negative quantity " + units);
        }
    }
}
