package io.gpusim.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ledger's paths under controls, on known answers: licence decisions and denials, customs stopping goods in
 * transit, write-offs and what becomes of the written-off stock (completed, sold elsewhere, reinstated), and the
 * figures the run reports from them. Each acts on the last buyer and product as well as the first, so a loop that
 * stops early is caught.
 */
class LedgerControlsTest {
    // three buyers; products 0 and 1 by seller 0, product 2 by seller 1
    private final Ledger ledger = new Ledger(3, new int[] {0, 0, 1}, 2);

    private void make(int product, long started, long finished) {
        ledger.startProduction(product, started);
        ledger.completeProduction(product, finished);
    }

    @Test
    void anOrderShipsFromItsApprovalDayUnlessDenied() {
        int unlicensed = ledger.placeOrder(2, 2, 5, 100, 0, 7, false);
        int approved = ledger.placeOrder(2, 2, 4, 100, 0, 7, false);
        int denied = ledger.placeOrder(2, 2, 3, 100, 0, 7, false);
        int later = ledger.placeOrder(2, 2, 2, 100, 0, 7, false);
        ledger.setApproval(approved, 10, false);
        ledger.setApproval(denied, 12, true);
        ledger.setApproval(later, 15, false);
        assertTrue(ledger.approved(unlicensed, Integer.MIN_VALUE), "no licence needed");
        assertFalse(ledger.approved(approved, 9));
        assertTrue(ledger.approved(approved, 10));
        assertFalse(ledger.approved(denied, 11));
        assertFalse(ledger.approved(denied, 100), "denied: never");
        assertEquals(5, ledger.approvedBacklog(2, 2, 9), "up to the first order awaiting its decision");
        assertEquals(9, ledger.approvedBacklog(2, 2, 10));
        assertEquals(9, ledger.approvedBacklog(2, 2, 20), "up to the denied order");
        assertEquals(0, ledger.approvedBacklog(1, 2, 20));
        ledger.setApproval(denied, 12, false);
        assertEquals(14, ledger.approvedBacklog(2, 2, 20), "the decision can be changed");
    }

    @Test
    void deniedOrdersAreCancelledOnTheirDecisionDayAndCountedAsDenied() {
        int[] first = new int[3];
        for (int b = 0; b < 3; b++) {
            first[b] = ledger.placeOrder(b, 1, 10 + b, 1_000, 0, 7, false);
            ledger.placeOrder(b, 1, 20, 1_000, 0, 7, false);
        }
        int deniedLater = ledger.placeOrder(2, 1, 7, 1_000, 0, 7, false);
        // the oldest order of the first and the last buyer is denied, decided on day 5; another on day 9
        ledger.setApproval(first[0], 5, true);
        ledger.setApproval(first[2], 5, true);
        ledger.setApproval(deniedLater, 9, true);
        ledger.setApproval(first[1], 5, false);
        assertEquals(0, ledger.cancelDenied(1, 4), "not decided yet");
        assertEquals(10 + 12, ledger.cancelDenied(1, 5));
        assertEquals(0, ledger.cancelDenied(1, 5), "already cancelled");
        assertEquals(7, ledger.cancelDenied(1, 9));
        assertEquals(10 + 12 + 7, ledger.deniedUnits(1));
        assertEquals(0, ledger.deniedUnits(0));
        assertEquals(12, ledger.order(first[2]).cancelled());
        assertEquals(0, ledger.order(first[1]).cancelled());
        assertEquals(20, ledger.backlog(0, 1));
        assertEquals(11 + 20, ledger.backlog(1, 1));
        assertEquals(20, ledger.backlog(2, 1));
        assertEquals(20 + 31 + 20, ledger.backlog(1));
        assertEquals(first[1], ledger.oldestOpenOrder(1, 1));
        assertEquals(first[2] + 1, ledger.oldestOpenOrder(1, 2));
        assertEquals(0, ledger.lostRevenueCents(0), "a denial is not the seller's lost revenue");
        assertNull(ledger.checkConservation());
    }

    @Test
    void customsStopAShareOfEveryShipmentInTransitForEveryBuyer() {
        make(2, 100, 100);
        int[] orders = new int[3];
        for (int b = 0; b < 3; b++) {
            orders[b] = ledger.placeOrder(b, 2, 30, 100, 0, 7, false);
        }
        ledger.ship(orders[0], 10, 3);
        ledger.ship(orders[0], 5, 4);
        ledger.ship(orders[2], 7, 20); // beyond the ring's first eight steps: it grows
        ledger.ship(orders[1], 2, 1);
        // a quarter of 10, 5, 7 and 2: 2.5, 1.25, 1.75, 0.5, each rounded half up
        assertEquals(3 + 1 + 2 + 1, ledger.blockInTransit(2, 0.25));
        assertEquals(7, ledger.blockedAtImport(2));
        assertEquals(24 - 7, ledger.inTransit(2));
        assertEquals(15 - 4, ledger.inTransit(0, 2));
        assertEquals(2 - 1, ledger.inTransit(1, 2));
        assertEquals(7 - 2, ledger.inTransit(2, 2));
        assertNull(ledger.checkConservation());
        ledger.deliverArrivals(4);
        assertEquals(7 + 4, ledger.stock(0, 2));
        assertEquals(1, ledger.stock(1, 2));
        assertEquals(0, ledger.blockInTransit(0, 1.0), "nothing of product 0 in transit");
        assertEquals(5, ledger.blockInTransit(2, 1.0), "all that is left");
        assertEquals(0, ledger.inTransit(2, 2));
        assertEquals(12, ledger.blockedAtImport(2));
        ledger.deliverArrivals(30);
        assertEquals(0, ledger.stock(2, 2));
        assertNull(ledger.checkConservation());
    }

    @Test
    void writtenOffWorkInProcessCompletesIntoWrittenOffStock() {
        make(1, 50, 20);
        assertEquals(3 * 30 + 3 * 20, ledger.writeOff(1, 3));
        assertEquals(20, ledger.writeOffFinishedUnits(1));
        assertEquals(30, ledger.writeOffWipUnits(1));
        assertEquals(150, ledger.productWritedownCents(1));
        assertEquals(150, ledger.writedownCents(0));
        assertEquals(0, ledger.writedownCents(1));
        ledger.completeWrittenOff(1, 12);
        assertEquals(32, ledger.writtenOffFinished(1));
        assertEquals(50, ledger.writtenOff(1));
        assertEquals(32, ledger.completed(1));
        assertEquals(50, ledger.started(1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ledger.completeWrittenOff(1, 19));
        assertEquals("completing 19 written-off units with only 18 in process", e.getMessage());
        ledger.completeWrittenOff(1, 18);
        assertEquals(50, ledger.writtenOffFinished(1));
        assertThrows(IllegalArgumentException.class, () -> ledger.completeWrittenOff(1, -1));
        assertEquals(20, ledger.writeOffFinishedUnits(1), "as they stood when written off");
        assertNull(ledger.checkConservation());
    }

    @Test
    void reservesAreSoldElsewhereUpToWhatWasWrittenOffAndPaidForWhatSold() {
        make(2, 10, 10);
        ledger.writeOff(2, 0);
        assertEquals(4, ledger.releaseReserves(2, 4, 400));
        assertEquals(400, ledger.releaseCents(1));
        assertEquals(6, ledger.releaseReserves(2, 10, 1_000), "six of the ten asked for are left");
        assertEquals(400 + 600, ledger.releaseCents(1), "paid for the six");
        assertEquals(0, ledger.releaseReserves(2, 3, 300));
        assertEquals(1_000, ledger.releaseCents(1));
        assertEquals(0, ledger.releaseCents(0));
        assertEquals(10, ledger.soldElsewhere(2));
        assertThrows(IllegalArgumentException.class, () -> ledger.releaseReserves(2, -1, 0));
        assertNull(ledger.checkConservation());
    }

    @Test
    void writtenOffStockNotSoldElsewhereIsReinstatedWhenControlsEase() {
        make(0, 40, 25);
        ledger.writeOff(0, 0);
        ledger.releaseReserves(0, 5, 50);
        assertEquals(8, ledger.reinstate(0, 8));
        assertEquals(12, ledger.reinstate(0, 100), "25 written off, 5 sold, 8 back already");
        assertEquals(0, ledger.reinstate(0, 1));
        assertEquals(20, ledger.reinstated(0));
        assertEquals(20, ledger.finishedGoods(0));
        assertEquals(5, ledger.writtenOffFinished(0));
        assertThrows(IllegalArgumentException.class, () -> ledger.reinstate(0, -1));
        assertEquals(15, ledger.reinstateWorkInProcess(0));
        assertEquals(15, ledger.workInProcess(0));
        assertEquals(0, ledger.reinstateWorkInProcess(0));
        assertEquals(15, ledger.workInProcess(0));
        assertEquals(5, ledger.writtenOff(0));
        assertNull(ledger.checkConservation());
    }

    @Test
    void theRunsFiguresPerProductAndPerSeller() {
        make(0, 10, 10);
        make(1, 10, 10);
        make(2, 10, 10);
        int a = ledger.placeOrder(0, 0, 5, 100, 3, 21, true);
        int b = ledger.placeOrder(2, 1, 5, 200, 4, 28, false);
        int c = ledger.placeOrder(1, 2, 5, 300, 5, 35, false);
        ledger.ship(a, 2, Arrival.at(1), 0.5);
        ledger.ship(b, 3, 1);
        ledger.ship(c, 4, Arrival.at(1), 0.1);
        assertEquals(200, ledger.productRevenueCents(0));
        assertEquals(600, ledger.productRevenueCents(1));
        assertEquals(1_200, ledger.productRevenueCents(2));
        assertEquals(100, ledger.productFeeCents(0));
        assertEquals(0, ledger.productFeeCents(1));
        assertEquals(120, ledger.productFeeCents(2));
        assertEquals(100, ledger.feeCents(0));
        assertEquals(120, ledger.feeCents(1));
        assertEquals(800, ledger.receivedCents(0));
        assertEquals(1_200, ledger.receivedCents(1));
        assertEquals(200, ledger.paidCents(0));
        assertEquals(1_200, ledger.paidCents(1));
        assertEquals(600, ledger.paidCents(2));
        assertEquals(3, ledger.orderPlacedStep(a) + ledger.orderBuyer(a));
        assertEquals(5, ledger.orderPlacedStep(c));
        assertEquals(2, ledger.orderBuyer(b));
        assertEquals(1, ledger.orderProduct(b));
        assertEquals(5, ledger.orderQuantity(c));
        assertEquals(300, ledger.orderPriceCents(c));
        assertEquals(4, ledger.orderShipped(c));
        assertEquals(28, ledger.orderRequestedByDay(b));
        assertTrue(ledger.isRush(a));
        assertFalse(ledger.isRush(b));
        ledger.cancelOpenOrders(2);
        assertEquals(1, ledger.orderCancelled(c));
        assertEquals(0, ledger.orderCancelled(a));
        assertEquals(0, ledger.sellerOf(1));
        assertEquals(1, ledger.sellerOf(2));
        assertEquals(3, ledger.buyers());
        assertEquals(3, ledger.products());
        ledger.deliverArrivals(1);
        ledger.deploy(2, 1, 1);
        ledger.deploy(1, 2, 4);
        assertEquals(2, ledger.totalStock(1));
        assertEquals(1, ledger.totalDeployed(1));
        assertEquals(0, ledger.totalStock(2));
        assertEquals(4, ledger.totalDeployed(2));
        assertEquals(2, ledger.arrivedThisStep(0));
        assertEquals(4, ledger.arrivedThisStep(2));
        assertEquals(9, ledger.shippedTotal(0) + ledger.shippedTotal(1) + ledger.shippedTotal(2));
        assertNull(ledger.checkConservation());
    }

    @Test
    void movesThatWouldBreakTheBooksAreRefusedAndEmptyOnesChangeNothing() {
        make(0, 10, 5);
        int o = ledger.placeOrder(2, 0, 8, 100, 0, 7, false);
        ledger.placeOrder(1, 0, 8, 100, 0, 7, false);
        assertThrows(IllegalArgumentException.class, () -> ledger.deploy(2, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> ledger.ship(o, -1, 1));
        assertThrows(IllegalStateException.class, () -> ledger.shipOldestFirst(0, 2, 6, 1), "more than finished");
        assertThrows(IllegalStateException.class, () -> ledger.shipOldestFirst(0, 0, 1, 1), "nothing on order");
        assertThrows(IllegalArgumentException.class, () -> ledger.shipOldestFirst(0, 2, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> ledger.shipToEach(0, new long[] {0, 0, -1}, 1));
        IllegalStateException tooMany =
                assertThrows(IllegalStateException.class, () -> ledger.shipToEach(0, new long[] {0, 3, 3}, 1));
        assertEquals("shipping 6 units: seller holds 5", tooMany.getMessage());
        IllegalStateException notOrdered =
                assertThrows(IllegalStateException.class, () -> ledger.shipToEach(0, new long[] {0, 0, 9}, 1));
        assertEquals("shipping 9 units: buyer 2 has 8 on order", notOrdered.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ledger.placeOrTopUp(2, 0, 0, 100, 0, 7));
        assertThrows(IllegalArgumentException.class, () -> ledger.placeOrder(2, 0, -1, 100, 0, 7, false));

        ledger.ship(o, 0, 100);
        ledger.shipOldestFirst(0, 2, 0, 200);
        assertEquals(0, ledger.shipToEach(0, new long[3], 300));
        assertEquals(TransitRing.INITIAL_STEPS, ledger.transitSteps(), "an empty shipment books no arrival");
        assertEquals(0, ledger.shippedThisStep(0));
        assertEquals(5, ledger.finishedGoods(0));
        assertEquals(5, ledger.shipToEach(0, new long[] {0, 0, 5}, 1), "exactly what the seller holds");
        assertEquals(3, ledger.remaining(o));
        assertNull(ledger.checkConservation());
    }

    @Test
    void denialsAreCancelledOnTheLastProductToo() {
        int order = ledger.placeOrder(0, 2, 5, 100, 0, 7, false);
        ledger.setApproval(order, 1, true);
        assertEquals(5, ledger.cancelDenied(2, 1));
        assertEquals(0, ledger.backlog(2));
        assertNull(ledger.checkConservation());
    }

    @Test
    void openOrdersAreListedInPlacementOrderWhicheverBuyerPlacedThem() {
        ledger.placeOrder(2, 1, 5, 100, 0, 7, false);
        ledger.placeOrder(0, 1, 5, 100, 0, 7, false);
        ledger.placeOrder(1, 1, 5, 100, 0, 7, false);
        assertEquals(
                List.of(0, 1, 2), ledger.openOrders(1).stream().map(Order::id).toList());
    }

    @Test
    void productionRefusesANegativeQuantityToComplete() {
        make(0, 10, 0);
        assertThrows(IllegalArgumentException.class, () -> ledger.completeProduction(0, -1));
        assertEquals(10, ledger.workInProcess(0));
    }

    @Test
    void aLateShareDueInTheRingsFirstSlotArrivesAStepLate() {
        make(0, 10, 10);
        int o = ledger.placeOrder(1, 0, 10, 100, 0, 7, false);
        // after step 1's delivery the late units, due at step 8, sit in the first slot of the ring of eight steps
        ledger.deliverArrivals(1);
        ledger.ship(o, 10, new Arrival(7, 0.5));
        assertEquals(TransitRing.INITIAL_STEPS, ledger.transitSteps());
        ledger.deliverArrivals(7);
        assertEquals(5, ledger.stock(1, 0));
        ledger.deliverArrivals(8);
        assertEquals(10, ledger.stock(1, 0));
    }

    @Test
    void aDeliveryHandsOverOnlyWhatIsDueByItsStep() {
        make(1, 100, 100);
        int o = ledger.placeOrder(2, 1, 100, 100, 0, 7, false);
        // due at step 6, the ring slot of step -2
        ledger.ship(o, 1, 6);
        ledger.deliverArrivals(0);
        assertEquals(0, ledger.stock(2, 1));
        ledger.deliverArrivals(5);
        // due at steps 11 and 12, in the slots of steps 3 and 4, already delivered
        ledger.ship(o, 4, 11);
        ledger.ship(o, 8, 12);
        ledger.deliverArrivals(6);
        assertEquals(1, ledger.stock(2, 1));
        ledger.deliverArrivals(11);
        assertEquals(5, ledger.stock(2, 1));
        ledger.deliverArrivals(13);
        assertEquals(13, ledger.stock(2, 1));
        assertEquals(TransitRing.INITIAL_STEPS, ledger.transitSteps());
    }

    @Test
    void aCallOffTopsUpTheNewestOpenOrderNotAnOlderOneAtItsPrice() {
        int older = ledger.placeOrTopUp(1, 0, 5, 100, 0, 7);
        int newer = ledger.placeOrTopUp(1, 0, 5, 200, 0, 7);
        int third = ledger.placeOrTopUp(1, 0, 5, 100, 1, 14);
        assertEquals(List.of(0, 1, 2), List.of(older, newer, third));
        assertEquals(5, ledger.orderQuantity(older));
        assertEquals(third, ledger.placeOrTopUp(1, 0, 5, 100, 1, 14));
        assertEquals(10, ledger.orderQuantity(third));
        // the product's ordered total counts the top-up too, and no other product's
        assertEquals(20, ledger.orderedTotal(0));
        ledger.placeOrder(2, 1, 3, 100, 1, 14, true);
        assertEquals(20, ledger.orderedTotal(0));
        assertEquals(3, ledger.orderedTotal(1));
    }

    @Test
    void anOrderClosedOutOfTurnInAFullQueueLeavesTheOthersInPlace() {
        make(0, 100, 100);
        // sixteen open orders: the queue's first ring, full
        for (int i = 0; i < 16; i++) {
            ledger.placeOrder(1, 0, 2, 100, i, 7, false);
        }
        ledger.ship(5, 2, 1);
        assertEquals(0, ledger.oldestOpenOrder(0, 1));
        List<Integer> open = ledger.openOrders(0).stream().map(Order::id).toList();
        assertEquals(15, open.size());
        assertFalse(open.contains(5));
        for (int i = 0; i < 15; i++) {
            int id = ledger.oldestOpenOrder(0, 1);
            assertEquals(i < 5 ? i : i + 1, id);
            ledger.shipOldestFirst(0, 1, 2, 1);
        }
        assertEquals(-1, ledger.oldestOpenOrder(0, 1));
        assertNull(ledger.checkConservation());
    }

    @Test
    void shippingOldestFirstFillsWhatAPartShipmentLeftOpenAndNoMore() {
        make(2, 50, 50);
        int partly = ledger.placeOrder(1, 2, 10, 100, 0, 7, false);
        int next = ledger.placeOrder(1, 2, 10, 300, 0, 7, false);
        ledger.ship(partly, 6, 1);
        ledger.shipOldestFirst(2, 1, 7, 1);
        assertEquals(10, ledger.orderShipped(partly));
        assertEquals(3, ledger.orderShipped(next));
        assertEquals(10 * 100 + 3 * 300, ledger.paidCents(1));
        assertEquals(next, ledger.oldestOpenOrder(2, 1));
        assertNull(ledger.checkConservation());
    }
}
