package io.gpusim.core.market;

import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;

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
        Arbitrary<Tuple3<Integer, Integer, Integer>> op = Arbitraries.integers()
                .between(0, 10)
                .flatMap(k -> Arbitraries.integers()
                        .between(0, 2)
                        .flatMap(p -> Arbitraries.integers().between(0, 500).map(u -> Tuple.of(k, p, u))));
        return op.list().ofMaxSize(80);
    }
}
