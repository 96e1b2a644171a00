package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gpusim.agents.rules.Allocation;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.Exchange;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.Product;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.scenario.AllocationRule;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two allocation rules on a book where they disagree: buyer 0 ordered 10 (order 0), buyer 1 then 30 (order 1),
 * buyer 0 then 20 (order 2); the seller holds 24 finished units.
 */
class AllocationRulesTest {
    private Exchange exchange;
    private SellerView seller;

    @BeforeEach
    void book() {
        Product gpu = new Product(0, "GPU", 0, "V", 1, 4, 900, 2368, 10, 5, 0);
        exchange = new Exchange(List.of(gpu), 1, 2, 0, (p, d) -> {});
        seller = exchange.seller(0);
        exchange.buyer(0).order(0, 10, 1_000, 0, 7, false);
        exchange.buyer(1).order(0, 30, 1_000, 0, 7, false);
        exchange.buyer(0).order(0, 20, 1_000, 0, 7, false);
        seller.startProduction(0, 24);
        seller.completeProduction(0, 24);
    }

    private long[] shippedPerOrder() {
        long[] shipped = new long[3];
        for (int o = 0; o < 3; o++) {
            shipped[o] = exchange.ledger().orderShipped(o);
        }
        return shipped;
    }

    @Test
    void firstInFirstOutFillsTheOldestOrdersWhoeverPlacedThem() {
        assertEquals(24, Allocation.shipOpenOrders(seller, 0, AllocationRule.FIFO, Arrival.at(1)));
        assertArrayEquals(new long[] {10, 14, 0}, shippedPerOrder());
    }

    @Test
    void proportionalSplitsByWhatEachBuyerIsOwed() {
        // both buyers are owed 30: 12 each, buyer 0's oldest order first
        assertEquals(24, Allocation.shipOpenOrders(seller, 0, AllocationRule.PROPORTIONAL, Arrival.at(1)));
        assertArrayEquals(new long[] {10, 12, 2}, shippedPerOrder());
    }

    @Test
    void aLimitCapsWhatShipsUnderEitherRule() {
        int n = 2;
        assertEquals(
                5,
                Allocation.shipOpenOrders(
                        seller, 0, AllocationRule.FIFO, Arrival.at(1), 5, 0, new long[n], new long[n], new double[n]));
        assertArrayEquals(new long[] {5, 0, 0}, shippedPerOrder());
        assertEquals(
                9,
                Allocation.shipOpenOrders(
                        seller,
                        0,
                        AllocationRule.PROPORTIONAL,
                        Arrival.at(1),
                        9,
                        0,
                        new long[n],
                        new long[n],
                        new double[n]));
        // owed 25 and 30 of 9: 4.09 and 4.91, the last unit to the larger remainder
        assertArrayEquals(new long[] {9, 5, 0}, shippedPerOrder());
        assertEquals(19 - 9, seller.finishedGoods(0));
    }

    @Test
    void nothingShipsWithoutStockOrOrders() {
        Product gpu = exchange.products().get(0);
        Exchange empty = new Exchange(List.of(gpu), 1, 2, 0, (p, d) -> {});
        empty.seller(0).startProduction(0, 5);
        empty.seller(0).completeProduction(0, 5);
        for (AllocationRule rule : AllocationRule.values()) {
            assertEquals(0, Allocation.shipOpenOrders(empty.seller(0), 0, rule, Arrival.at(1)), "no orders");
        }
        Exchange unmade = new Exchange(List.of(gpu), 1, 2, 0, (p, d) -> {});
        unmade.buyer(0).order(0, 3, 1_000, 0, 7, false);
        for (AllocationRule rule : AllocationRule.values()) {
            assertEquals(0, Allocation.shipOpenOrders(unmade.seller(0), 0, rule, Arrival.at(1)), "no stock");
        }
    }

    @Test
    void underLicencesOnlyApprovedOrdersShip() {
        // order 0 is approved from day 10, the others now; on day 5 only what precedes a buyer's first unapproved
        // order can ship
        exchange.regulator().grantLicences(0, new LicenceTerms(0, 0, 10, 0, 1e9, new boolean[2]), 0, "licences");
        seller.setApproval(0, 10, false);
        seller.setApproval(1, 0, false);
        seller.setApproval(2, 0, false);
        int n = 2;
        long[] outstanding = new long[n];
        assertEquals(
                24,
                Allocation.shipOpenOrders(
                        seller,
                        0,
                        AllocationRule.PROPORTIONAL,
                        Arrival.at(1),
                        Long.MAX_VALUE,
                        5,
                        outstanding,
                        new long[n],
                        new double[n]));
        assertArrayEquals(new long[] {0, 30}, outstanding, "buyer 0's approved backlog stops at order 0");
        assertArrayEquals(new long[] {0, 24, 0}, shippedPerOrder());
    }

    @Test
    void firstInFirstOutSkipsABuyerWhoseOldestOrderAwaitsItsLicence() {
        seller.setApproval(0, 10, false);
        assertEquals(
                24,
                Allocation.shipOpenOrders(
                        seller,
                        0,
                        AllocationRule.FIFO,
                        Arrival.at(1),
                        Long.MAX_VALUE,
                        5,
                        new long[2],
                        new long[2],
                        new double[2]));
        assertArrayEquals(new long[] {0, 24, 0}, shippedPerOrder());
    }
}
