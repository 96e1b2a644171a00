package io.gpusim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Calendar;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.BuyerView;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.Exchange;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.Product;
import io.gpusim.core.market.SellerView;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The metrics of runs under licences, customs blocks, denials and releases of reserves, and of runs with a ban in
 * their first steps, known from a hand computation. A small market is built in the test, without a scenario: four
 * weekly steps; two buyers; the vendor's H20 (product 0, seller 0, $100) and AMD's MI308 (1, seller 1, $50),
 * both foreign, charged $50 and $20 a unit on a write-down; the domestic Ascend (2, seller 2, $20). Every step
 * buyer 0 reports demand 7 (1 of it unmet) and buyer 1 demand 14.
 */
class RunRecorderControlsTest {
    private static final double MONTH = Calendar.DAYS_PER_MONTH;
    private static final long H20_CENTS = 10_000;

    private final Calendar calendar = new Calendar(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 28), 7);
    private final Exchange exchange;
    private final RunRecorder recorder;
    private final SellerView vendor;
    private final SellerView amd;
    private final SellerView domestic;
    private final BuyerView first;
    private final BuyerView second;

    RunRecorderControlsTest() {
        List<Product> products = List.of(
                product(0, "H20", 0, "Nvidia", 100),
                product(1, "MI308", 1, "AMD", 50),
                product(2, "Ascend", 2, "Huawei", 20));
        RunRecorder[] told = new RunRecorder[1];
        exchange = new Exchange(products, 3, 2, 0, (product, day) -> told[0].onVendorBan(day));
        recorder = new RunRecorder(
                new RunRecorder.ForeignProducts(
                        new int[] {0, 1},
                        new double[] {50, 20},
                        new RunResult.ProductNames(new String[] {"H20", "MI308"}, new String[] {"Nvidia", "AMD"})),
                3,
                calendar,
                exchange.ledger(),
                exchange.status(),
                exchange.events(),
                0,
                new boolean[] {false, false, true},
                true);
        told[0] = recorder;
        vendor = exchange.seller(0);
        amd = exchange.seller(1);
        domestic = exchange.seller(2);
        first = exchange.buyer(0);
        second = exchange.buyer(1);
    }

    private static Product product(int index, String name, int seller, String maker, double price) {
        return new Product(index, name, seller, maker, 1, 1, 1, 1, price, price / 2, 0);
    }

    private static LicenceTerms licence(double feeShare) {
        return new LicenceTerms(feeShare, 0, 0, 0, Double.POSITIVE_INFINITY, new boolean[2]);
    }

    /** Starts a step and reports the buyers' demand. */
    private void begin(int step) {
        exchange.beginStep(step);
        recorder.reportDemand(0, 7, 1);
        recorder.reportDemand(1, 14, 0);
    }

    private static void metric(RunResult result, double expected, Metric m) {
        assertEquals(expected, result.get(m), 1e-9 * Math.max(1, Math.abs(expected)), m.id());
    }

    private static void undefined(RunResult result, Metric... metrics) {
        for (Metric m : metrics) {
            assertTrue(Double.isNaN(result.get(m)), m.id() + " is " + result.get(m));
        }
    }

    /**
     * No ban. Step 0: licences at 10% (H20) and 20% (MI308) of revenue; the vendor makes 100 H20; buyer 0 places a
     * rush order of 30 wanted by day 20, buyer 1 a regular one of 20; the vendor ships buyer 1's 20 and 10 of the
     * rush. AMD makes 40 MI308; buyer 1 orders 30 and ships 10 of them (arriving step 2); buyer 0's order of 6 is
     * denied on day 0. The domestic maker makes and ships 8 Ascend to buyer 0 at $20. A leak is published for day -3.
     * Step 1: customs block the MI308, half of demand exempt: half of the 10 in transit is stopped and the 20 still
     * on order cancelled. Step 2: the vendor writes off its 70 finished H20 at $50, sells 10 of them elsewhere for
     * $800 and reinstates 5.
     */
    private RunResult runUnderControls() {
        begin(0);
        exchange.regulator().publish(new MarketEvent(-3, EventKind.LEAK, 0, "an early leak"));
        exchange.regulator().grantLicences(0, licence(0.1), 0, "H20 licences");
        exchange.regulator().grantLicences(1, licence(0.2), 0, "MI308 licences");
        vendor.startProduction(0, 100);
        vendor.completeProduction(0, 100);
        int rush = first.order(0, 30, H20_CENTS, 0, 20, true);
        int regular = second.order(0, 20, H20_CENTS, 0, 7, false);
        vendor.ship(regular, 20, Arrival.at(1));
        vendor.ship(rush, 10, Arrival.at(1));
        amd.startProduction(1, 40);
        amd.completeProduction(1, 40);
        int mi308 = second.order(1, 30, 5_000, 0, 7, false);
        int refused = first.order(1, 6, 5_000, 0, 7, false);
        amd.setApproval(refused, 0, true);
        amd.cancelDenied(1, 0);
        amd.ship(mi308, 10, Arrival.at(2));
        domestic.startProduction(2, 8);
        domestic.completeProduction(2, 8);
        domestic.ship(first.order(2, 8, 2_000, 0, 7, false), 8, Arrival.at(1));
        recorder.recordStep(0);

        begin(1);
        exchange.importer().block(1, 0.5);
        recorder.recordStep(1);

        begin(2);
        vendor.writeOff(0, 5_000);
        vendor.releaseReserves(0, 10, 80_000);
        vendor.reinstate(0, 5);
        recorder.recordStep(2);

        begin(3);
        recorder.recordStep(3);
        assertEquals(null, exchange.ledger().checkConservation());
        return recorder.result(42, 0, 2);
    }

    @Test
    void licenceFeesBlocksDenialsAndReleasesOfReserves() {
        RunResult result = runUnderControls();
        assertEquals(42, result.seed());
        // fees: 10% of $2,000 and of $1,000 on the H20, 20% of $500 on the MI308
        metric(result, 200 + 100 + 100, Metric.GOVERNMENT_FEE_USD);
        metric(result, 3_000, Metric.VENDOR_REVENUE_USD);
        // revenue less the vendor's fees plus what the reserves sold for
        metric(result, 3_000 - 300 + 800, Metric.VENDOR_NET_REVENUE_USD);
        metric(result, 70 * 50.0, Metric.VENDOR_WRITEDOWN_USD);
        metric(result, 70, Metric.VENDOR_WRITEDOWN_FINISHED_UNITS);
        metric(result, 0, Metric.VENDOR_WRITEDOWN_WIP_UNITS);
        metric(result, 0, Metric.VENDOR_LOST_REVENUE_USD);
        // the 15 units sold elsewhere or reinstated, at the H20's write-down charge
        metric(result, (10 + 5) * 50.0, Metric.RESERVE_RELEASE_USD);
        metric(result, 5, Metric.UNITS_BLOCKED_AT_IMPORT);
        metric(result, 6, Metric.ORDERS_DENIED_UNITS);
        metric(result, 8 * 20.0, Metric.DOMESTIC_REVENUE_USD);
        metric(result, 30, Metric.VENDOR_UNITS_SHIPPED);
        metric(result, 30 + 10, Metric.FOREIGN_UNITS_SHIPPED);
        metric(result, 8, Metric.DOMESTIC_UNITS_SHIPPED);
        metric(result, 8.0 / 48, Metric.DOMESTIC_SHARE_UNITS);
        metric(result, 8.0 / 38, Metric.SUBSTITUTE_SHARE_END);
        metric(result, 4, Metric.UNMET_DEMAND_UNITS);
        metric(result, 0, Metric.PEAK_HAZARD);
    }

    @Test
    void withoutABanTheRushOrdersAreCountedButNothingIsMeasuredAtABan() {
        RunResult result = runUnderControls();
        metric(result, 30, Metric.REQUESTED_UNITS);
        metric(result, 30 * 100.0, Metric.REQUESTED_VALUE_USD);
        metric(result, 10, Metric.DELIVERED_UNITS_BEFORE_BAN);
        metric(result, 10.0 / 30, Metric.SHIPPED_SHARE);
        // buyer 0's demand, 7 a week over the four steps: 7 x MONTH / 7 a month
        metric(result, 30 / MONTH, Metric.REQUESTED_MONTHS);
        undefined(
                result,
                Metric.BAN_DAY,
                Metric.STOCKPILE_UNITS_AT_BAN,
                Metric.STOCKPILE_MONTHS_AT_BAN,
                Metric.DELIVERY_SHORTFALL_MONTHS,
                Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS,
                Metric.LEAK_DAY);
    }

    @Test
    void eachForeignProductHasItsOwnFiguresAndSeries() {
        RunResult result = runUnderControls();
        RunResult.ProductTable table = result.products();
        assertEquals(2, table.size());
        assertEquals("MI308", table.names().products()[1]);
        double[][] expected = {
            // ordered, requested, rush delivered, shipped, revenue, fee, write-down, blocked, denied
            {50, 30, 10, 30, 3_000, 300, 3_500, 0, 0}, {36, 0, 0, 10, 500, 100, 0, 5, 6}
        };
        ProductFigure[] columns = {
            ProductFigure.ORDERED_UNITS,
            ProductFigure.REQUESTED_UNITS,
            ProductFigure.RUSH_DELIVERED_UNITS,
            ProductFigure.SHIPPED_UNITS,
            ProductFigure.REVENUE_USD,
            ProductFigure.FEE_USD,
            ProductFigure.WRITEDOWN_USD,
            ProductFigure.BLOCKED_UNITS,
            ProductFigure.DENIED_UNITS
        };
        for (int f = 0; f < 2; f++) {
            for (int c = 0; c < columns.length; c++) {
                assertEquals(
                        expected[f][c], table.values()[f][columns[c].ordinal()], "product " + f + " " + columns[c]);
            }
        }
        assertArrayEquals(new double[] {36, 0, 0, 0}, result.productSeries(1, ProductSeries.ORDERS));
        assertArrayEquals(new double[] {10, 0, 0, 0}, result.productSeries(1, ProductSeries.SHIPMENTS));
        assertArrayEquals(new double[] {20, 0, 0, 0}, result.productSeries(1, ProductSeries.BACKLOG));
        assertArrayEquals(new double[] {30, 30, 30, 30}, result.productSeries(1, ProductSeries.VENDOR_FINISHED));
        assertArrayEquals(new double[] {0, 0, 5, 5}, result.productSeries(1, ProductSeries.BUYER_STOCK));
        assertArrayEquals(new double[] {0, 5, 5, 5}, result.productSeries(1, ProductSeries.BLOCKED));
        assertArrayEquals(new double[] {50, 50, 50, 50}, result.productSeries(1, ProductSeries.PRICE));
        assertArrayEquals(new double[] {70, 70, 5, 5}, result.series(Series.VENDOR_FINISHED));
        assertArrayEquals(new double[] {30, 0, 0, 0}, result.series(Series.VENDOR_SHIPMENTS));
        assertArrayEquals(new double[] {8, 0, 0, 0}, result.series(Series.DOMESTIC_SHIPMENTS));
        assertArrayEquals(new double[] {8, 0, 0, 0}, result.series(Series.DOMESTIC_ORDERS));
        assertArrayEquals(new double[] {0, 8, 8, 8}, result.series(Series.BUYER_STOCK_DOMESTIC));
        assertArrayEquals(new double[] {21, 21, 21, 21}, result.series(Series.DEMAND));
        double share = 8.0 / 38;
        assertArrayEquals(new double[] {share, share, share, share}, result.series(Series.SUBSTITUTE_SHARE), 1e-12);
    }

    /**
     * Step 0: a leak on day 0; buyers report hazards 0.5 and 0.1; the vendor makes 100 H20 and ships 10 of buyer
     * 0's rush order of 30 (wanted by day 60), arriving step 1. Step 1: the ban is announced (day 8); the vendor
     * starts 40 more and ships 5, arriving step 2. Step 2: the ban takes effect on day 16 and the vendor cancels
     * the 15 still on order; a second ban later in the step is not captured. No domestic maker.
     */
    @Test
    void aBanInTheThirdStepIsMeasuredFromTheTwoStepsBeforeIt() {
        begin(0);
        exchange.regulator().publish(new MarketEvent(0, EventKind.LEAK, 0, "leak"));
        recorder.reportBelief(0.5, 10);
        recorder.reportBelief(0.1, 0);
        vendor.startProduction(0, 100);
        vendor.completeProduction(0, 100);
        int rush = first.order(0, 30, H20_CENTS, 0, 60, true);
        vendor.ship(rush, 10, Arrival.at(1));
        recorder.recordStep(0);

        begin(1);
        exchange.regulator().publish(new MarketEvent(8, EventKind.BAN_ANNOUNCED, 0, "announced"));
        vendor.startProduction(0, 40);
        vendor.ship(rush, 5, Arrival.at(2));
        recorder.recordStep(1);

        begin(2);
        exchange.regulator().enactBan(0, 16, "ban");
        vendor.cancelOpenOrders(0);
        recorder.onVendorBan(20);
        recorder.recordStep(2);

        begin(3);
        recorder.recordStep(3);
        RunResult result = recorder.result(7, 0, -1);

        metric(result, 16, Metric.BAN_DAY);
        metric(result, 0, Metric.LEAK_DAY);
        // step 2 began with 10 in stock before its 5 arrivals, up from 0 over step 1: two days on, 10 + 2/7 x 10
        double stock = 10 + 2.0 / 7 * 10;
        metric(result, stock, Metric.STOCKPILE_UNITS_AT_BAN);
        // monthly demand over the two steps recorded: 21 a week
        metric(result, stock / (21 * MONTH / 7), Metric.STOCKPILE_MONTHS_AT_BAN);
        metric(result, 15, Metric.DELIVERED_UNITS_BEFORE_BAN);
        metric(result, 0.5, Metric.SHIPPED_SHARE);
        // the 15 cancelled were wanted by day 60, 44 days after the ban
        metric(result, 44 / MONTH, Metric.DELIVERY_SHORTFALL_MONTHS);
        metric(result, 30 / MONTH, Metric.REQUESTED_MONTHS);
        metric(result, 15 * 100.0, Metric.VENDOR_LOST_REVENUE_USD);
        // 100 started before the step of the announcement, 140 by the ban
        metric(result, 40, Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS);
        metric(result, 0.3, Metric.PEAK_HAZARD);
        metric(result, 0, Metric.DOMESTIC_REVENUE_USD);
        metric(result, 0, Metric.DOMESTIC_SHARE_UNITS);
        assertArrayEquals(new double[] {0.3, 0, 0, 0}, result.series(Series.MEAN_HAZARD), 1e-12);
        assertArrayEquals(new double[] {10, 0, 0, 0}, result.series(Series.ANTICIPATORY_TARGET));
    }

    @Test
    void aBanInTheFirstStepHasNoTrendAndNoDemandToMeasureAgainst() {
        begin(0);
        first.order(0, 10, H20_CENTS, 0, 20, true);
        exchange.regulator().enactBan(0, 3, "ban");
        vendor.cancelOpenOrders(0);
        recorder.recordStep(0);
        RunResult result = recorder.result(7, 0, 2);
        metric(result, 3, Metric.BAN_DAY);
        metric(result, 0, Metric.STOCKPILE_UNITS_AT_BAN);
        metric(result, 0, Metric.SHIPPED_SHARE);
        metric(result, 17 / MONTH, Metric.DELIVERY_SHORTFALL_MONTHS);
        undefined(
                result,
                Metric.STOCKPILE_MONTHS_AT_BAN,
                Metric.REQUESTED_MONTHS,
                Metric.SUBSTITUTE_SHARE_END,
                Metric.DOMESTIC_SHARE_UNITS,
                Metric.LEAK_DAY);
    }

    /**
     * Step 0: the ban is announced (day 2) before the vendor starts anything; it starts 10 H20; buyer 1 places a
     * rush order of 14 wanted by day 30, and buyer 0 63 orders of one MI308, filling the order book's first 64 rows.
     * Step 1: the vendor starts 5 more. Step 2: the ban takes effect on day 14 and the rush order is cancelled.
     */
    @Test
    void aBanAnnouncedBeforeAnythingStartedAndARushOrderOfTheSecondBuyerOnAFullBook() {
        begin(0);
        exchange.regulator().publish(new MarketEvent(2, EventKind.BAN_ANNOUNCED, 0, "announced"));
        vendor.startProduction(0, 10);
        second.order(0, 14, H20_CENTS, 0, 30, true);
        for (int i = 0; i < 63; i++) {
            first.order(1, 1, 5_000, 0, 7, false);
        }
        recorder.recordStep(0);
        begin(1);
        vendor.startProduction(0, 5);
        recorder.recordStep(1);
        begin(2);
        exchange.regulator().enactBan(0, 14, "ban");
        vendor.cancelOpenOrders(0);
        recorder.recordStep(2);
        begin(3);
        recorder.recordStep(3);
        RunResult result = recorder.result(7, 0, 2);

        assertEquals(64, exchange.ledger().orderCount());
        metric(result, 15, Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS);
        // buyer 1's demand, 14 a week over the two steps before the ban
        metric(result, 14 / (14 * MONTH / 7), Metric.REQUESTED_MONTHS);
        metric(result, 16 / MONTH, Metric.DELIVERY_SHORTFALL_MONTHS);
        assertEquals(63, result.products().values()[1][ProductFigure.ORDERED_UNITS.ordinal()]);
        assertEquals(14, result.products().values()[0][ProductFigure.REQUESTED_UNITS.ordinal()]);
    }
}
