package io.gpusim.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.scenario.ProductSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * What each agent's view of the {@link Exchange} reads and changes, on known answers: a seller acts on its own
 * products only, a buyer sees what it may buy, the export regulator bans and licenses on the path that publishes it,
 * the importing country's regulator blocks at customs and sets its rules.
 */
class MarketViewsTest {
    // two buyers; products 0 (list $100) and 1 ($200) by seller 0, product 2 ($50) by seller 1
    private static final List<Product> PRODUCTS = List.of(
            product(0, "A", 0, "Vendor", 100), product(1, "B", 0, "Vendor", 200), product(2, "C", 1, "Maker", 50));

    /** What the ban listener saw when called: product, day, whether the product was banned, events published. */
    private final List<int[]> bansHeard = new ArrayList<>();

    private Exchange exchange;

    MarketViewsTest() {
        exchange = new Exchange(
                PRODUCTS,
                2,
                2,
                0,
                (product, day) -> bansHeard.add(new int[] {
                    product,
                    day,
                    exchange.status().banned(product) ? 1 : 0,
                    exchange.events().size()
                }));
    }

    private static Product product(int index, String name, int seller, String maker, double listPrice) {
        return new Product(index, name, seller, maker, 1, 2, 3, 4, listPrice, listPrice / 2, 0);
    }

    /** The vendor (seller 0), having started and finished units of one of its products. */
    private SellerView vendorHolding(int product, long started, long finished) {
        SellerView vendor = exchange.seller(0);
        vendor.startProduction(product, started);
        vendor.completeProduction(product, finished);
        return vendor;
    }

    private static LicenceTerms licence(double feeShare, boolean... excluded) {
        return new LicenceTerms(feeShare, 0.5, 30, 0.1, Double.POSITIVE_INFINITY, excluded);
    }

    private static MarketEvent event(String kind, int day, int product, String label) {
        return new MarketEvent(day, EventKind.valueOf(kind), product, label);
    }

    @Test
    void productsStartUnlaunchedOpenAtTheirListPricesWithNoDeliveryPromised() {
        MarketStatus status = exchange.status();
        for (int p = 0; p < 3; p++) {
            assertFalse(status.launched(p));
            assertFalse(status.banned(p));
            assertFalse(status.available(p), "not launched");
            assertNull(status.licence(p));
            assertEquals(1.0, status.importShare(p));
            assertEquals(0.0, status.shadowCostShare(p));
            assertEquals(Integer.MAX_VALUE, status.quote(p).quoteDay(1));
        }
        assertEquals(100.0, status.priceUsd(0));
        assertEquals(200.0, status.priceUsd(1));
        assertEquals(50.0, status.priceUsd(2));
        assertEquals(0.0, status.matchRatio());
        assertEquals(0.0, status.mandateShare(0));
        assertEquals(0.0, status.mandateShare(1));
        assertEquals(PRODUCTS, exchange.products());
        assertEquals(PRODUCTS, exchange.regulator().products());
        assertEquals(0, exchange.events().size());
    }

    @Test
    void aSellerLaunchesPricesAndQuotesItsOwnProductsOnly() {
        SellerView vendor = exchange.seller(0);
        SellerView maker = exchange.seller(1);
        vendor.launch(1, 30, "B on sale");
        maker.launch(2, 45, "C on sale");
        vendor.setPrice(1, 250.0);
        vendor.setQuote(1, units -> 40 + (int) units);
        MarketStatus status = exchange.status();
        assertTrue(status.launched(1));
        assertTrue(status.available(1));
        assertFalse(status.launched(0));
        assertEquals(250.0, status.priceUsd(1));
        assertEquals(100.0, status.priceUsd(0));
        assertEquals(43, status.quote(1).quoteDay(3));
        assertEquals(Integer.MAX_VALUE, status.quote(0).quoteDay(3));
        assertEquals(
                List.of(event("LAUNCH", 30, 1, "B on sale"), event("LAUNCH", 45, 2, "C on sale")),
                exchange.events().all());
        assertSame(status, vendor.status());
        assertSame(exchange.events(), vendor.events());
        assertEquals(2, vendor.buyers());

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> vendor.launch(2, 1, "not its own"));
        assertEquals("product 2 is not seller 0's", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> maker.setPrice(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> maker.setQuote(1, units -> 0));
        assertEquals(100.0, status.priceUsd(0));
        assertEquals(43, status.quote(1).quoteDay(3));
        assertEquals(2, exchange.events().size(), "a refused launch publishes nothing");
    }

    @Test
    void aSellerProducesAndShipsOnlyItsOwnProductsAndReadsItsBooks() {
        SellerView vendor = exchange.seller(0);
        SellerView maker = exchange.seller(1);
        Ledger ledger = exchange.ledger();
        vendor.startProduction(0, 100);
        vendor.completeProduction(0, 60);
        assertEquals(60, vendor.finishedGoods(0));
        assertEquals(40, vendor.workInProcess(0));
        int first = exchange.buyer(1).order(0, 30, 1_000, 0, 7, false);
        int callOff = exchange.buyer(0).callOff(0, 5, 1_000, 0, 14);
        assertEquals(1, callOff);
        assertEquals(callOff, exchange.buyer(0).callOff(0, 5, 1_000, 0, 21), "topped up");
        assertEquals(40, vendor.backlog(0));
        assertEquals(30, vendor.backlog(1, 0));
        assertEquals(10, vendor.backlog(0, 0));
        assertEquals(40, vendor.orderedThisStep(0));
        assertEquals(first, vendor.oldestOpenOrder(0, 1));
        assertEquals(-1, vendor.oldestOpenOrder(1, 1));
        assertEquals(2, vendor.orderCount());
        assertEquals(0, vendor.orderProduct(callOff));
        assertEquals(30, vendor.remaining(first));

        vendor.ship(first, 10, Arrival.at(1));
        assertEquals(20, vendor.remaining(first));
        assertEquals(15, vendor.shipToEach(0, new long[] {10, 5}, Arrival.at(2)));
        assertEquals(15, vendor.remaining(first) + vendor.backlog(0, 0));
        assertEquals(35, vendor.finishedGoods(0));
        assertEquals(25 * 1_000, ledger.receivedCents(0));
        assertEquals(0, ledger.feeCents(0), "no licence, no fee");

        List<Executable> notItsOwn = List.of(
                () -> maker.startProduction(0, 1),
                () -> maker.completeProduction(0, 1),
                () -> maker.ship(first, 1, Arrival.at(3)),
                () -> maker.shipToEach(0, new long[] {1, 0}, Arrival.at(3)),
                () -> maker.cancelOpenOrders(0),
                () -> maker.writeOff(0, 1));
        for (Executable action : notItsOwn) {
            assertThrows(IllegalArgumentException.class, action);
        }
        assertEquals(100, ledger.started(0));
        assertEquals(15, vendor.remaining(first) + vendor.backlog(0, 0));
        assertNull(ledger.checkConservation());

        assertEquals(15 * 1_000, vendor.cancelOpenOrders(0));
        assertEquals(0, vendor.backlog(0));
        assertEquals((35 + 40) * 7L, vendor.writeOff(0, 7));
        assertEquals(0, vendor.finishedGoods(0));
        assertEquals(35, vendor.writtenOffFinished(0));
        assertNull(ledger.checkConservation());
    }

    @Test
    void shipmentsUnderLicencePayTheLicenceFeeOutOfTheSellersRevenue() {
        SellerView vendor = vendorHolding(1, 50, 50);
        int order = exchange.buyer(0).order(1, 20, 333, 0, 7, false);
        assertEquals(1, vendor.orderProduct(order));
        exchange.buyer(1).order(1, 20, 1_000, 0, 7, false);
        exchange.regulator().grantLicences(1, licence(0.25, false, false), 3, "licences");
        vendor.ship(order, 3, Arrival.at(1)); // 999 cents, fee 249.75 rounded to 250
        vendor.shipToEach(1, new long[] {0, 4}, Arrival.at(1)); // 4000 cents, fee 1000
        Ledger ledger = exchange.ledger();
        assertEquals(250 + 1_000, ledger.feeCents(0));
        assertEquals(250 + 1_000, ledger.productFeeCents(1));
        assertEquals(999 + 4_000, ledger.productRevenueCents(1));
        assertEquals(0, ledger.productRevenueCents(0));
        assertEquals(0, ledger.feeCents(1));
        exchange.regulator().endLicences(1);
        vendor.ship(order, 1, Arrival.at(1));
        assertEquals(1_250, ledger.feeCents(0), "licences ended: no fee");
        assertNull(ledger.checkConservation());
    }

    @Test
    void aSellersLicenceDecisionsAndReservesGoThroughItsViewForItsOwnProductsOnly() {
        SellerView vendor = vendorHolding(0, 30, 20);
        SellerView maker = exchange.seller(1);
        Ledger ledger = exchange.ledger();
        int kept = exchange.buyer(0).order(0, 4, 100, 0, 7, false);
        int refused = exchange.buyer(0).order(0, 6, 100, 0, 7, false);
        List<Executable> notItsOwn = List.of(
                () -> maker.setApproval(kept, 0, true),
                () -> maker.cancelDenied(0, 12),
                () -> maker.completeWrittenOff(0, 1),
                () -> maker.releaseReserves(0, 1, 1),
                () -> maker.reinstate(0, 1),
                () -> maker.reinstateWorkInProcess(0));
        for (Executable action : notItsOwn) {
            assertThrows(IllegalArgumentException.class, action);
        }
        vendor.setApproval(kept, 10, false);
        vendor.setApproval(refused, 12, true);
        assertFalse(vendor.approved(kept, 9));
        assertTrue(vendor.approved(kept, 10));
        assertFalse(vendor.approved(refused, 12));
        assertEquals(0, vendor.approvedBacklog(0, 0, 9));
        assertEquals(4, vendor.approvedBacklog(0, 0, 12));
        assertEquals(0, vendor.cancelDenied(0, 11));
        assertEquals(6, vendor.cancelDenied(0, 12));
        assertEquals(4, vendor.backlog(0));

        vendor.writeOff(0, 1);
        vendor.completeWrittenOff(0, 4);
        assertEquals(24, vendor.writtenOffFinished(0));
        assertEquals(5, vendor.releaseReserves(0, 5, 500));
        assertEquals(19, vendor.reinstate(0, 100));
        assertEquals(6, vendor.reinstateWorkInProcess(0));
        assertEquals(
                List.of(19L, 6L, 500L),
                List.of(vendor.finishedGoods(0), vendor.workInProcess(0), ledger.releaseCents(0)));
        assertNull(ledger.checkConservation());
    }

    @Test
    void aBuyerMayBuyWhatIsLaunchedNotBannedOrLicensedToItAndLetInByCustoms() {
        BuyerView first = exchange.buyer(0);
        BuyerView second = exchange.buyer(1);
        assertEquals(1, second.buyer());
        assertSame(exchange.status(), first.status());
        assertSame(exchange.events(), first.events());
        assertFalse(first.canBuy(0), "not launched");
        exchange.seller(0).launch(0, 0, "A");
        assertTrue(first.canBuy(0));
        assertTrue(second.canBuy(0));
        exchange.regulator().enactBan(0, 10, "ban");
        assertFalse(first.canBuy(0), "banned");
        exchange.regulator().grantLicences(0, licence(0, false, true), 20, "licences");
        assertTrue(first.canBuy(0), "licensed");
        assertFalse(second.canBuy(0), "vetted out");
        exchange.importer().block(0, 0.5);
        assertTrue(first.canBuy(0), "half of demand exempt");
        exchange.importer().block(0, 0);
        assertFalse(first.canBuy(0), "blocked outright");
        exchange.importer().unblock(0);
        assertTrue(first.canBuy(0));
    }

    @Test
    void aBuyersStockPositionAndDeploymentAreItsOwn() {
        SellerView vendor = vendorHolding(0, 50, 50);
        BuyerView buyer = exchange.buyer(1);
        int order = buyer.order(0, 30, 100, 0, 7, true);
        assertTrue(exchange.ledger().isRush(order));
        vendor.ship(order, 12, Arrival.at(1));
        assertEquals(30, buyer.position(0), "12 in transit, 18 on order");
        assertEquals(0, buyer.stock(0));
        exchange.beginStep(1);
        assertEquals(12, buyer.stock(0));
        assertEquals(12, exchange.ledger().arrivedThisStep(0));
        assertEquals(0, exchange.ledger().orderedThisStep(0));
        assertEquals(30, exchange.regulator().orderedLastStep(0));
        buyer.deploy(0, 5);
        assertEquals(7, buyer.stock(0));
        assertEquals(5, exchange.ledger().deployed(1, 0));
        assertEquals(0, exchange.ledger().deployed(0, 0));
        assertEquals(25, buyer.position(0));
        assertEquals(0, exchange.buyer(0).position(0));
        exchange.beginStep(2);
        assertEquals(0, exchange.ledger().arrivedThisStep(0), "nothing arrived in step 2");
    }

    @Test
    void aBanIsMarkedThenPublishedThenHeardAndLicencesAndLiftsFollowIt() {
        RegulatorView regulator = exchange.regulator();
        MarketStatus status = exchange.status();
        exchange.seller(0).launch(0, 0, "A");
        regulator.publish(event("LEAK", 5, 0, "leak"));
        regulator.publish(event("BAN_ANNOUNCED", 8, 0, "announced"));
        regulator.enactBan(0, 10, "ban");
        assertTrue(status.banned(0));
        assertFalse(status.banned(1));
        assertFalse(status.available(0));
        assertEquals(1, bansHeard.size());
        assertEquals(
                List.of(0, 10, 1, 4),
                List.of(
                        bansHeard.get(0)[0],
                        bansHeard.get(0)[1],
                        bansHeard.get(0)[2],
                        bansHeard.get(0)[3]),
                "heard after it was marked and published");

        LicenceTerms terms = licence(0.1, false, false);
        regulator.grantLicences(0, terms, 20, "licences");
        assertSame(terms, status.licence(0));
        assertTrue(status.available(0), "banned but licensed");
        LicenceTerms capped = new LicenceTerms(0.1, 0.5, 30, 0.1, 100, new boolean[2]);
        regulator.updateLicences(0, capped);
        assertSame(capped, status.licence(0));
        IllegalStateException none =
                assertThrows(IllegalStateException.class, () -> regulator.updateLicences(1, terms));
        assertEquals("no licences are granted for product 1", none.getMessage());
        assertNull(status.licence(1));
        regulator.endLicences(0);
        assertNull(status.licence(0));
        assertFalse(status.available(0));
        regulator.liftBan(0, 40, "lifted");
        assertFalse(status.banned(0));
        assertTrue(status.available(0));
        assertEquals(
                List.of(
                        event("LAUNCH", 0, 0, "A"),
                        event("LEAK", 5, 0, "leak"),
                        event("BAN_ANNOUNCED", 8, 0, "announced"),
                        event("BAN_EFFECTIVE", 10, 0, "ban"),
                        event("LICENCE", 20, 0, "licences"),
                        event("REVERSAL", 40, 0, "lifted")),
                exchange.events().all());
    }

    @Test
    void theRegulatorCannotPublishWhatOnlyAnActionPublishes() {
        RegulatorView regulator = exchange.regulator();
        for (String kind : new String[] {"BAN_EFFECTIVE", "REVERSAL", "LAUNCH"}) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> regulator.publish(event(kind, 1, 0, kind)));
            assertEquals(kind + " is published by the action itself", e.getMessage());
        }
        assertEquals(0, exchange.events().size());
        assertFalse(exchange.status().banned(0));
        for (String kind : new String[] {"CONTROL_ROUND", "LEAK", "BAN_ANNOUNCED", "LICENCE", "IMPORT_RULE"}) {
            regulator.publish(event(kind, 1, 0, kind));
        }
        assertEquals(5, exchange.events().size());
        assertTrue(bansHeard.isEmpty());
    }

    @Test
    void customsStopTheBlockedShareInTransitAndCancelTheBacklogUnlessAllIsExempt() {
        SellerView vendor = vendorHolding(0, 100, 100);
        int first = exchange.buyer(0).order(0, 40, 100, 0, 7, false);
        int second = exchange.buyer(1).order(0, 40, 100, 0, 7, false);
        vendor.ship(first, 10, Arrival.at(2));
        vendor.ship(second, 6, Arrival.at(3));
        ImporterView importer = exchange.importer();
        assertSame(exchange.status(), importer.status());
        Ledger ledger = exchange.ledger();

        assertEquals(0, importer.block(0, 1.0), "everything exempt: nothing stopped");
        assertEquals(64, ledger.backlog(0), "and nothing cancelled");
        assertEquals(16, ledger.inTransit(0));

        assertEquals(8 + 5, importer.block(0, 0.25), "three quarters of 10 and of 6 (4.5, rounded up)");
        assertEquals(0.25, exchange.status().importShare(0));
        assertEquals(1.0, exchange.status().importShare(1));
        assertEquals(0, ledger.backlog(0), "the backlog is cancelled");
        assertEquals(64 * 100, ledger.lostRevenueCents(0));
        assertEquals(13, ledger.blockedAtImport(0));
        assertEquals(2, ledger.inTransit(0, 0));
        assertEquals(1, ledger.inTransit(1, 0));
        assertNull(ledger.checkConservation());
        importer.unblock(0);
        assertEquals(1.0, exchange.status().importShare(0));
    }

    @Test
    void theImportingCountrysRulesAreAnnouncedAndSetForEveryBuyer() {
        ImporterView importer = exchange.importer();
        MarketStatus status = exchange.status();
        importer.announce(-1, 12, "buy domestic");
        importer.discourage(1, 0.3);
        importer.requireMatching(0.5);
        importer.mandate(1, 0.2);
        assertEquals(
                List.of(event("IMPORT_RULE", 12, -1, "buy domestic")),
                exchange.events().all());
        assertEquals(0.3, status.shadowCostShare(1));
        assertEquals(0.0, status.shadowCostShare(0));
        assertEquals(0.5, status.matchRatio());
        assertEquals(0.2, status.mandateShare(1));
        assertEquals(0.0, status.mandateShare(0));
        importer.discourage(1, 0);
        importer.requireMatching(0);
        importer.mandate(1, 0);
        assertEquals(0.0, status.shadowCostShare(1));
        assertEquals(0.0, status.matchRatio());
        assertEquals(0.0, status.mandateShare(1));
    }

    @Test
    void theEventLogFindsTheFirstAndLastDayOfEachKind() {
        EventLog log = exchange.events();
        assertEquals(EventLog.NONE, log.firstDay(EventKind.LEAK));
        assertEquals(EventLog.NONE, log.lastDay(EventKind.LEAK, 0));
        log.publish(event("LEAK", 5, 0, "first"));
        assertEquals(5, log.lastDay(EventKind.LEAK, 0), "the only event");
        log.publish(event("CONTROL_ROUND", 6, 1, "round"));
        log.publish(event("LEAK", 9, 1, "other product"));
        log.publish(event("LEAK", 11, 0, "second"));
        log.publish(event("CONTROL_ROUND", 20, 1, "round"));
        assertEquals(5, log.firstDay(EventKind.LEAK));
        assertEquals(6, log.firstDay(EventKind.CONTROL_ROUND));
        assertEquals(11, log.lastDay(EventKind.LEAK, 0));
        assertEquals(9, log.lastDay(EventKind.LEAK, 1));
        assertEquals(20, log.lastDay(EventKind.CONTROL_ROUND, 1));
        assertEquals(EventLog.NONE, log.lastDay(EventKind.CONTROL_ROUND, 0));
        assertEquals(5, log.size());
        assertEquals("other product", log.get(2).label());
        assertThrows(UnsupportedOperationException.class, () -> log.all().add(event("LEAK", 1, 0, "")));
    }

    @Test
    void arrivalsSplitAFractionalLagIntoAWholeStepAndALateShare() {
        assertEquals(new Arrival(7, 0.25), Arrival.after(5, 2.25));
        assertEquals(new Arrival(5, 0.0), Arrival.after(5, 0));
        assertEquals(Arrival.at(3), new Arrival(3, 0));
        assertEquals(3, new Arrival(1, 0.3).late(10));
        assertEquals(0, Arrival.at(1).late(10));
        assertThrows(IllegalArgumentException.class, () -> new Arrival(1, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Arrival(1, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new Arrival(1, Double.NaN));
        Order order = new Order(0, 0, 0, 10, 100, 0, 7, false, 6, 4);
        assertEquals(0, order.remaining());
        assertFalse(order.open());
        assertTrue(new Order(0, 0, 0, 10, 100, 0, 7, false, 6, 3).open());
    }

    @Test
    void aProductResolvedFromItsSpecificationKeepsItsAttributes() {
        ProductSpec spec =
                new ProductSpec("H20", "Nvidia", 1.0, 4.0, 900.0, 2368.0, 12_500.0, 5_000.0, LocalDate.of(2024, 4, 1));
        assertEquals(
                new Product(3, "H20", 1, "Nvidia", 1.0, 4.0, 900.0, 2368.0, 12_500.0, 5_000.0, 14),
                Product.of(3, 1, spec, 14));
    }
}
