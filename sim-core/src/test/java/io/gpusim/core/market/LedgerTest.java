package io.gpusim.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerTest {
    // two buyers; product 0 by seller 0, product 1 by seller 1
    private final Ledger ledger = new Ledger(2, new int[] {0, 1}, 2);

    @Test
    void unitsMoveThroughEveryPlaceAndBalance() {
        ledger.startProduction(0, 100);
        ledger.completeProduction(0, 60);
        int o = ledger.placeOrder(1, 0, 50, 1_250_000, 0, 28, true);
        ledger.ship(o, 40, 2);
        assertEquals(40, ledger.inTransit(0));
        assertEquals(40, ledger.inTransit(1, 0));
        assertEquals(10, ledger.backlog(1, 0));
        ledger.deliverArrivals(1);
        assertEquals(0, ledger.stock(1, 0), "not due yet");
        ledger.deliverArrivals(2);
        assertEquals(40, ledger.stock(1, 0));
        ledger.deploy(1, 0, 15);
        assertEquals(25, ledger.stock(1, 0));
        assertEquals(15, ledger.deployed(1, 0));
        assertNull(ledger.checkConservation());
        assertEquals(40L * 1_250_000, ledger.paidCents(1));
        assertEquals(40L * 1_250_000, ledger.receivedCents(0));
    }

    @Test
    void banCancelsBacklogAndWritesOffInventory() {
        ledger.startProduction(0, 100);
        ledger.completeProduction(0, 30);
        int o = ledger.placeOrder(0, 0, 50, 1_000_000, 0, 28, false);
        ledger.ship(o, 20, 1);
        long lost = ledger.cancelOpenOrders(0);
        assertEquals(30L * 1_000_000, lost);
        assertEquals(0, ledger.backlog(0));
        assertEquals(30, ledger.order(o).cancelled());
        assertEquals(20, ledger.order(o).shipped());
        assertEquals(0, ledger.remaining(o));
        long charge = ledger.writeOff(0, 500_000);
        assertEquals((10 + 70) * 500_000L, charge);
        assertEquals(80, ledger.writtenOff(0));
        assertEquals(0, ledger.workInProcess(0));
        assertEquals(0, ledger.finishedGoods(0));
        assertEquals(charge, ledger.writedownCents(0));
        assertEquals(lost, ledger.lostRevenueCents(0));
        assertNull(ledger.checkConservation());
    }

    @Test
    void impossibleMovesAreRefused() {
        ledger.startProduction(0, 10);
        assertThrows(IllegalStateException.class, () -> ledger.completeProduction(0, 11));
        ledger.completeProduction(0, 10);
        int o = ledger.placeOrder(0, 0, 5, 100, 0, 0, false);
        assertThrows(IllegalStateException.class, () -> ledger.ship(o, 6, 0), "more than the order");
        int big = ledger.placeOrder(0, 0, 50, 100, 0, 0, false);
        assertThrows(IllegalStateException.class, () -> ledger.ship(big, 11, 0), "more than finished goods");
        assertThrows(IllegalStateException.class, () -> ledger.deploy(0, 0, 1), "nothing in stock");
        assertThrows(IllegalArgumentException.class, () -> ledger.placeOrder(0, 0, 0, 100, 0, 0, false));
        assertThrows(IllegalArgumentException.class, () -> ledger.startProduction(0, -1));
        assertNull(ledger.checkConservation());
    }

    @Test
    void openOrdersDropClosedOnes() {
        ledger.startProduction(1, 10);
        ledger.completeProduction(1, 10);
        int a = ledger.placeOrder(0, 1, 4, 100, 0, 0, false);
        ledger.placeOrder(1, 1, 4, 100, 0, 0, false);
        ledger.ship(a, 4, 0);
        assertEquals(1, ledger.openOrders(1).size());
        assertEquals(1, ledger.openOrders(1).get(0).id());
        assertEquals(-1, ledger.oldestOpenOrder(1, 0));
        assertEquals(1, ledger.oldestOpenOrder(1, 1));
        assertEquals(8, ledger.orderedThisStep(1));
        assertEquals(4, ledger.shippedThisStep(1));
        ledger.beginStep();
        assertEquals(0, ledger.orderedThisStep(1));
        assertEquals(0, ledger.shippedThisStep(1));
    }

    @Test
    void ordersKeepTheirPlaceInTheQueueWhenOneClosesOutOfTurn() {
        ledger.startProduction(0, 100);
        ledger.completeProduction(0, 100);
        int[] ids = new int[12];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = ledger.placeOrder(0, 0, 5, 100, 0, 0, i % 3 == 0);
        }
        ledger.ship(ids[4], 5, 1);
        ledger.ship(ids[0], 2, 1);
        assertEquals(ids[0], ledger.oldestOpenOrder(0, 0), "a partly shipped order stays first");
        ledger.ship(ids[0], 3, 1);
        assertEquals(ids[1], ledger.oldestOpenOrder(0, 0));
        assertEquals(10, ledger.openOrders(0).size());
        assertEquals(12, ledger.orderCount());
        assertEquals(true, ledger.order(ids[3]).rush());
        assertEquals(50, ledger.cancelOpenOrders(0) / 100);
        assertEquals(-1, ledger.oldestOpenOrder(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> ledger.order(12));
        assertNull(ledger.checkConservation());
    }

    @Test
    void shippingOldestFirstFillsOrdersInTurnAndChargesEachItsPrice() {
        ledger.startProduction(0, 100);
        ledger.completeProduction(0, 100);
        int a = ledger.placeOrder(1, 0, 10, 300, 0, 0, false);
        int b = ledger.placeOrder(1, 0, 10, 500, 1, 7, true);
        int other = ledger.placeOrder(0, 0, 10, 900, 1, 7, false);
        ledger.shipOldestFirst(0, 1, 14, 3);
        assertEquals(10, ledger.order(a).shipped());
        assertEquals(4, ledger.order(b).shipped());
        assertEquals(0, ledger.order(other).shipped());
        assertEquals(10 * 300 + 4 * 500, ledger.paidCents(1));
        assertEquals(b, ledger.oldestOpenOrder(0, 1));
        assertEquals(6 + 10, ledger.backlog(0));
        assertEquals(6, ledger.backlog(1, 0));
        assertEquals(6 + 14, ledger.position(1, 0));
        assertThrows(IllegalStateException.class, () -> ledger.shipOldestFirst(0, 1, 7, 3), "more than on order");
        assertNull(ledger.checkConservation());
    }

    @Test
    void shippingToEachBuyerBooksLikeShippingToThemOneByOne() {
        Ledger one = new Ledger(3, new int[] {0}, 1);
        Ledger each = new Ledger(3, new int[] {0}, 1);
        for (Ledger l : new Ledger[] {one, each}) {
            l.startProduction(0, 100);
            l.completeProduction(0, 100);
            l.placeOrder(0, 0, 10, 300, 0, 0, false);
            l.placeOrder(2, 0, 10, 400, 0, 0, false);
            l.placeOrder(0, 0, 10, 500, 1, 7, true);
        }
        one.shipOldestFirst(0, 0, 15, 2);
        one.shipOldestFirst(0, 2, 3, 2);
        assertEquals(18, each.shipToEach(0, new long[] {15, 0, 3}, 2));
        for (Ledger l : new Ledger[] {one, each}) {
            assertEquals(10 * 300 + 5 * 500, l.paidCents(0));
            assertEquals(3 * 400, l.paidCents(2));
            assertEquals(18, l.inTransit(0));
            assertEquals(82, l.finishedGoods(0));
            assertNull(l.checkConservation());
        }
        assertEquals(one.orders(), each.orders());
        assertThrows(
                IllegalStateException.class,
                () -> each.shipToEach(0, new long[] {0, 1, 0}, 2),
                "buyer 1 has nothing on order");
        assertThrows(
                IllegalStateException.class, () -> each.shipToEach(0, new long[] {6, 0, 8}, 2), "more than on order");
    }

    @Test
    void callOffsTopUpTheNewestRegularOrderAtTheSamePriceAndOtherwisePlaceOne() {
        int first = ledger.placeOrTopUp(0, 1, 5, 100, 0, 7);
        assertEquals(first, ledger.placeOrTopUp(0, 1, 3, 100, 1, 14), "same price: topped up");
        assertEquals(8, ledger.order(first).quantity());
        assertEquals(7, ledger.order(first).requestedByDay(), "a topped-up order keeps its date");
        int dearer = ledger.placeOrTopUp(0, 1, 2, 120, 2, 21);
        assertEquals(first + 1, dearer, "another price: a new order");
        int rush = ledger.placeOrder(0, 1, 4, 120, 3, 21, true);
        int afterRush = ledger.placeOrTopUp(0, 1, 1, 120, 3, 28);
        assertEquals(rush + 1, afterRush, "a rush order is never topped up");
        assertEquals(first + 4, ledger.placeOrTopUp(1, 1, 1, 100, 3, 28), "another buyer: its own order");
        assertEquals(8 + 2 + 4 + 1, ledger.backlog(0, 1));
        assertEquals(8 + 2 + 4 + 1 + 1, ledger.orderedThisStep(1));
        ledger.startProduction(1, 20);
        ledger.completeProduction(1, 20);
        ledger.shipOldestFirst(1, 0, 9, 4);
        assertEquals(8, ledger.order(first).shipped());
        assertEquals(1, ledger.order(dearer).shipped(), "units ordered later ship later");
        assertEquals(8 * 100 + 120, ledger.paidCents(0));
        int reopened = ledger.placeOrTopUp(0, 1, 6, 100, 4, 35);
        assertEquals(afterRush + 2, reopened, "the newest open order is at another price: a new order");
        assertNull(ledger.checkConservation());
    }

    @Test
    void lastStepsOrdersAreKeptForOneStepAndShippedUnitsAddUpOverSteps() {
        ledger.startProduction(0, 100);
        ledger.completeProduction(0, 100);
        int a = ledger.placeOrder(0, 0, 30, 100, 0, 7, false);
        ledger.placeOrder(1, 0, 12, 100, 0, 7, false);
        ledger.ship(a, 10, 1);
        ledger.beginStep();
        assertEquals(42, ledger.orderedLastStep(0), "step 0's orders, read in step 1");
        assertEquals(0, ledger.orderedLastStep(1));
        ledger.placeOrder(0, 0, 5, 100, 1, 14, false);
        ledger.shipOldestFirst(0, 1, 12, 2);
        ledger.shipToEach(0, new long[] {3, 0}, 2);
        assertEquals(15, ledger.shippedThisStep(0));
        assertEquals(10 + 12 + 3, ledger.shippedTotal(0), "every kind of shipment adds to the run's total");
        ledger.beginStep();
        assertEquals(5, ledger.orderedLastStep(0), "step 1's orders replace step 0's");
        assertEquals(25, ledger.shippedTotal(0), "the total is never reset");
        ledger.beginStep();
        assertEquals(0, ledger.orderedLastStep(0));
    }

    @Test
    void shipmentsDueBeyondTheRingArriveOnTimeAfterItGrows() {
        ledger.startProduction(0, 1_000);
        ledger.completeProduction(0, 1_000);
        int o = ledger.placeOrder(0, 0, 1_000, 100, 0, 7, false);
        ledger.deliverArrivals(5);
        // due within the ring's eight steps after the last delivery (6 to 12), then far ahead: the ring grows
        // twice, and again later
        ledger.ship(o, 1, 6);
        ledger.ship(o, 2, 9);
        ledger.ship(o, 4, 12);
        assertEquals(TransitRing.INITIAL_STEPS, ledger.transitSteps());
        ledger.ship(o, 8, 30);
        assertEquals(4 * TransitRing.INITIAL_STEPS, ledger.transitSteps(), "doubled until step 30 fits");
        ledger.ship(o, 16, 14);
        long[] expected = new long[40];
        expected[6] = 1;
        expected[9] = 2;
        expected[12] = 4;
        expected[14] = 16;
        expected[30] = 8;
        long arrived = 0;
        for (int step = 6; step < 40; step++) {
            ledger.deliverArrivals(step);
            arrived += expected[step];
            assertEquals(arrived, ledger.stock(0, 0), "by step " + step);
            if (step == 20) {
                ledger.ship(o, 32, 90);
                assertEquals(128, ledger.transitSteps(), "grown again from a later delivered step");
            }
        }
        assertEquals(32, ledger.inTransit(0));
        ledger.deliverArrivals(89);
        assertEquals(31, ledger.stock(0, 0));
        ledger.deliverArrivals(90);
        assertEquals(63, ledger.stock(0, 0));
        assertEquals(0, ledger.inTransit(0));
        assertNull(ledger.checkConservation());
    }

    @Test
    void aLateShareArrivesOneStepLaterAndAShipmentDueInThePastWithTheNextDelivery() {
        ledger.startProduction(1, 100);
        ledger.completeProduction(1, 100);
        int o = ledger.placeOrder(1, 1, 100, 100, 0, 7, false);
        ledger.ship(o, 10, new Arrival(2, 0.25));
        assertEquals(10, ledger.inTransit(1, 1));
        ledger.deliverArrivals(2);
        assertEquals(7, ledger.stock(1, 1), "10 x 0.25 = 2.5 units late, rounded half up to 3");
        ledger.deliverArrivals(3);
        assertEquals(10, ledger.stock(1, 1));
        ledger.ship(o, 5, 1);
        assertEquals(10, ledger.stock(1, 1), "due at step 1, already delivered: waits for the next delivery");
        ledger.deliverArrivals(4);
        assertEquals(15, ledger.stock(1, 1));
    }

    @Test
    void aBookOfManyOrdersAndLongQueuesKeepsEveryOrderInItsPlace() {
        // more orders than the book's first rows (64), more open orders per queue than its first ring (16), and a
        // queue whose head has moved when it grows
        ledger.startProduction(0, 10_000);
        ledger.completeProduction(0, 10_000);
        for (int i = 0; i < 10; i++) {
            ledger.placeOrder(0, 0, 1 + i, 100 + i, i, 7 * i, false);
        }
        ledger.shipOldestFirst(0, 0, 1 + 2 + 3 + 4, 1);
        assertEquals(4, ledger.oldestOpenOrder(0, 0), "orders 0-3 filled");
        for (int i = 10; i < 100; i++) {
            ledger.placeOrder(i % 2, 0, 1 + i, 100 + i, i, 7 * i, i % 5 == 0);
        }
        assertEquals(100, ledger.orderCount());
        for (int id = 0; id < 100; id++) {
            Order order = ledger.order(id);
            int buyer = id < 10 ? 0 : id % 2;
            assertEquals(buyer, order.buyer(), "order " + id);
            assertEquals(1 + id, order.quantity(), "order " + id);
            assertEquals(100 + id, order.priceCents(), "order " + id);
            assertEquals(id, order.placedStep(), "order " + id);
            assertEquals(7 * id, order.requestedByDay(), "order " + id);
            assertEquals(id >= 10 && id % 5 == 0, order.rush(), "order " + id);
        }
        // buyer 0's queue: orders 4-9 and the even orders 10-98, oldest first
        List<Integer> open = new ArrayList<>();
        for (Order order : ledger.openOrders(0)) {
            if (order.buyer() == 0) {
                open.add(order.id());
            }
        }
        List<Integer> expected = new ArrayList<>();
        for (int id = 4; id < 100; id++) {
            if (id < 10 || id % 2 == 0) {
                expected.add(id);
            }
        }
        assertEquals(expected, open);
        for (int k = 0; k < expected.size(); k++) {
            int id = expected.get(k);
            assertEquals(id, ledger.oldestOpenOrder(0, 0));
            ledger.shipOldestFirst(0, 0, ledger.remaining(id), 1);
            assertEquals(0, ledger.remaining(id));
        }
        assertEquals(-1, ledger.oldestOpenOrder(0, 0));
        assertEquals(11, ledger.oldestOpenOrder(0, 1));
        assertNull(ledger.checkConservation());
    }
}
