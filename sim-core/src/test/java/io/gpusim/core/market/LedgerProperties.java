package io.gpusim.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.statistics.Statistics;

/** Whatever sequence of legal bookings is applied, units and money balance and nothing goes negative. */
class LedgerProperties {

    @Property(tries = 300)
    void booksAlwaysBalance(@ForAll("operations") List<Tuple3<Integer, Integer, Integer>> ops) {
        Ledger ledger = new Ledger(3, new int[] {0, 0, 1}, 2);
        int step = 0;
        for (Tuple3<Integer, Integer, Integer> op : ops) {
            int kind = op.get1();
            int product = op.get2() % 3;
            long units = op.get3();
            int buyer = op.get3() % 3;
            switch (kind) {
                case 0 -> ledger.startProduction(product, units);
                case 1 -> ledger.completeProduction(product, Math.min(units, ledger.workInProcess(product)));
                case 2 -> ledger.placeOrder(buyer, product, units + 1, 1_000 + units, step, step * 7, units % 2 == 0);
                case 9 -> ledger.placeOrTopUp(buyer, product, units + 1, 1_000 + units % 4, step, step * 7);
                case 3 -> {
                    long available = ledger.finishedGoods(product);
                    for (Order o : List.copyOf(ledger.openOrders(product))) {
                        long ship = Math.min(o.remaining(), available);
                        ledger.ship(o.id(), ship, step + (int) (units % 3));
                        available -= ship;
                    }
                }
                case 4 -> ledger.deliverArrivals(step++);
                case 5 -> ledger.deploy(buyer, product, Math.min(units, ledger.stock(buyer, product)));
                case 6 -> ledger.cancelOpenOrders(product);
                case 7 -> ledger.writeOff(product, units);
                case 8 -> {
                    long[] each = new long[3];
                    long left = ledger.finishedGoods(product);
                    for (int b = 0; b < 3; b++) {
                        each[b] = Math.min(left, Math.min(units, ledger.backlog(b, product)));
                        left -= each[b];
                    }
                    ledger.shipToEach(product, each, step + 2);
                }
                default ->
                    ledger.shipOldestFirst(
                            product,
                            buyer,
                            Math.min(units, Math.min(ledger.backlog(buyer, product), ledger.finishedGoods(product))),
                            step + 1);
            }
            assertNull(ledger.checkConservation(), "after operation " + op);
        }
    }

    @Provide
    Arbitrary<List<Tuple3<Integer, Integer, Integer>>> operations() {
        return operation(10, 2, 500).list().ofMaxSize(80);
    }

    /** (kind, product, units) with each in {@code [0, max]}. */
    private static Arbitrary<Tuple3<Integer, Integer, Integer>> operation(int maxKind, int maxProduct, int maxUnits) {
        return Arbitraries.integers()
                .between(0, maxKind)
                .flatMap(k -> Arbitraries.integers()
                        .between(0, maxProduct)
                        .flatMap(
                                p -> Arbitraries.integers().between(0, maxUnits).map(u -> Tuple.of(k, p, u))));
    }

    /**
     * Long runs of bookings on two products and two buyers, shipments due up to 40 steps ahead: the transit ring
     * grows, the book outgrows its first rows and queues hold more than their first ring of open orders (the
     * coverage checks fail the property if the generator stops reaching them). Every unit shipped reaches its buyer,
     * and every counter agrees with the orders.
     */
    @Property(tries = 60)
    void noOrderOrShipmentIsLostAsTheBooksGrow(@ForAll("longRuns") List<Tuple3<Integer, Integer, Integer>> ops) {
        Ledger ledger = new Ledger(2, new int[] {0, 1}, 2);
        int step = 0;
        int longestQueue = 0;
        for (Tuple3<Integer, Integer, Integer> op : ops) {
            int product = op.get2() % 2;
            int buyer = op.get3() % 2;
            long units = op.get3();
            switch (op.get1()) {
                case 0 -> {
                    ledger.startProduction(product, units);
                    ledger.completeProduction(product, units);
                }
                case 1 -> ledger.deliverArrivals(step++);
                case 2 -> ledger.deploy(buyer, product, Math.min(units, ledger.stock(buyer, product)));
                case 3 -> {
                    int oldest = ledger.oldestOpenOrder(product, buyer);
                    if (oldest >= 0) {
                        ledger.ship(
                                oldest,
                                Math.min(ledger.remaining(oldest), ledger.finishedGoods(product)),
                                step + (int) (units % 40));
                    }
                }
                case 4 ->
                    ledger.shipOldestFirst(
                            product,
                            buyer,
                            Math.min(units, Math.min(ledger.backlog(buyer, product), ledger.finishedGoods(product))),
                            step + 1 + (int) (units % 13));
                default -> ledger.placeOrder(buyer, product, units + 1, 100 + units % 7, step, step * 7, false);
            }
            for (int p = 0; p < 2; p++) {
                for (int b = 0; b < 2; b++) {
                    int q = b;
                    longestQueue = Math.max(longestQueue, (int) ledger.openOrders(p).stream()
                            .filter(o -> o.buyer() == q)
                            .count());
                }
            }
        }
        assertNull(ledger.checkConservation());
        ledger.deliverArrivals(step + 40);
        long[][] shipped = new long[2][2];
        long[][] open = new long[2][2];
        long[] paid = new long[2];
        for (Order o : ledger.orders()) {
            shipped[o.product()][o.buyer()] += o.shipped();
            open[o.product()][o.buyer()] += o.remaining();
            paid[o.buyer()] += o.shipped() * o.priceCents();
        }
        for (int p = 0; p < 2; p++) {
            assertEquals(0, ledger.inTransit(p), "every shipment has arrived");
            assertEquals(shipped[p][0] + shipped[p][1], ledger.shippedTotal(p));
            for (int b = 0; b < 2; b++) {
                assertEquals(shipped[p][b], ledger.stock(b, p) + ledger.deployed(b, p), "product " + p + " buyer " + b);
                assertEquals(open[p][b], ledger.backlog(b, p));
            }
        }
        assertEquals(paid[0], ledger.paidCents(0));
        assertEquals(paid[1], ledger.paidCents(1));
        assertEquals(paid[0] + paid[1], ledger.receivedCents(0) + ledger.receivedCents(1));
        assertNull(ledger.checkConservation());
        Statistics.label("ring grew")
                .collect(ledger.transitSteps() > TransitRing.INITIAL_STEPS)
                .coverage(c -> c.check(true).percentage(pct -> pct >= 30));
        Statistics.label("over 64 orders")
                .collect(ledger.orderCount() > 64)
                .coverage(c -> c.check(true).percentage(pct -> pct >= 30));
        Statistics.label("a queue over 16 open orders")
                .collect(longestQueue > 16)
                .coverage(c -> c.check(true).percentage(pct -> pct >= 30));
    }

    @Provide
    Arbitrary<List<Tuple3<Integer, Integer, Integer>>> longRuns() {
        // kinds 5 to 9 place orders: half the operations, so queues fill faster than they drain
        return operation(9, 1, 60).list().ofMinSize(150).ofMaxSize(300);
    }
}
