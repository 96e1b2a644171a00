package io.gpusim.core.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.BuyerView;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every metric and series of a run, known from a hand computation. The baseline scenario supplies only the layout
 * (weekly steps from 2024-04-01; buyers ByteDance 0, Alibaba 1, Tencent 2, Others 3; H20 (product 0) by Nvidia
 * (seller 0), Ascend-910C (1) and Ascend-950 (2) by the domestic maker Huawei (seller 1)); no agent of the model
 * runs. Scripted agents act through the market's views:
 *
 * <ul>
 *   <li>every step, buyer b reports demand 10 (b + 1) (100 in all), ByteDance 2 of it unmet; up to step 4 buyer b
 *       reports hazard 0.1 s (b + 1) in step s (mean 0.25 s) and each an anticipatory target of 50; the domestic
 *       maker reports capacity 75.5;
 *   <li>step 0: ByteDance places a rush order of 300 H20 at $12,500 wanted by day 70, Alibaba a regular one of 100,
 *       Tencent orders 40 Ascend-910C at $17,000. Nvidia starts 1000 H20 and finishes 600; ships Alibaba's 100
 *       (arriving step 2) and 50 of the rush (arriving step 1). Huawei makes the 40 and ships them (arriving step 1);
 *   <li>step 1: a leak on day 9; Nvidia ships 150 more of the rush (arriving step 2) and prices the H20 at $13,000;
 *   <li>step 2: the ban is announced (day 14); Tencent deploys 10 Ascend-910C;
 *   <li>step 3: ByteDance deploys 100 H20; Nvidia starts 200 more;
 *   <li>step 4: the ban takes effect on day 30; Nvidia cancels its backlog (the rush order's last 100) and writes
 *       off its 300 finished and 600 unfinished H20 at $5,000 each.
 * </ul>
 */
class RunRecorderTest {
    private static final double MONTH = Calendar.DAYS_PER_MONTH;
    private static final long PRICE_CENTS = 1_250_000;
    private RunResult result;
    private int steps;

    /**
     * The run, once per test (not once per class: a mutation tool attributes what a test covers by what runs inside
     * it, and a class-level run would count for none of the tests that read it).
     */
    @BeforeEach
    void run() throws Exception {
        MarketModel model = new MarketModel(ScenarioLoader.load(Path.of("..", "scenarios", "h20-2025.yaml")), 1, true);
        steps = model.calendar().steps();
        BuyerView byteDance = model.exchange().buyer(0);
        BuyerView alibaba = model.exchange().buyer(1);
        BuyerView tencent = model.exchange().buyer(2);
        SellerView nvidia = model.exchange().seller(0);
        SellerView huawei = model.exchange().seller(1);
        int[] rush = {-1};
        model.addAgent(Phase.REGULATOR, state -> {
            switch (model.step()) {
                case 1 -> model.exchange().regulator().publish(new MarketEvent(9, EventKind.LEAK, 0, "leak"));
                case 2 ->
                    model.exchange().regulator().publish(new MarketEvent(14, EventKind.BAN_ANNOUNCED, 0, "announced"));
                case 4 -> model.exchange().regulator().enactBan(0, 30, "ban");
                default -> {}
            }
        });
        model.addAgent(Phase.HYPERSCALERS, state -> {
            int s = model.step();
            for (int b = 0; b < 4; b++) {
                model.recorder().reportDemand(b, 10 * (b + 1), b == 0 ? 2 : 0);
                if (s <= 4) {
                    model.recorder().reportBelief(0.1 * s * (b + 1), 50);
                }
            }
            if (s == 0) {
                rush[0] = byteDance.order(0, 300, PRICE_CENTS, 0, 70, true);
                alibaba.order(0, 100, PRICE_CENTS, 0, 14, false);
                tencent.order(1, 40, 1_700_000, 0, 14, false);
            } else if (s == 2) {
                tencent.deploy(1, 10);
            } else if (s == 3) {
                byteDance.deploy(0, 100);
            }
        });
        model.addAgent(Phase.VENDOR, state -> {
            switch (model.step()) {
                case 0 -> {
                    nvidia.startProduction(0, 1000);
                    nvidia.completeProduction(0, 600);
                    nvidia.ship(rush[0] + 1, 100, Arrival.at(2));
                    nvidia.ship(rush[0], 50, Arrival.at(1));
                }
                case 1 -> {
                    nvidia.ship(rush[0], 150, Arrival.at(2));
                    nvidia.setPrice(0, 13_000);
                }
                case 3 -> nvidia.startProduction(0, 200);
                case 4 -> {
                    nvidia.cancelOpenOrders(0);
                    nvidia.writeOff(0, 500_000);
                }
                default -> {}
            }
        });
        model.addAgent(Phase.DOMESTIC, state -> {
            model.recorder().reportDomesticCapacity(75.5);
            if (model.step() == 0) {
                huawei.startProduction(1, 40);
                huawei.completeProduction(1, 40);
                huawei.ship(rush[0] + 2, 40, Arrival.at(1));
            }
        });
        result = model.run();
        assertEquals(null, model.ledger().checkConservation());
    }

    private void metric(double expected, Metric m) {
        assertEquals(expected, result.get(m), 1e-9 * Math.max(1, Math.abs(expected)), m.id());
    }

    @Test
    void theRushOrdersAtTheBan() {
        metric(300, Metric.REQUESTED_UNITS);
        metric(300 * 12_500.0, Metric.REQUESTED_VALUE_USD);
        // ByteDance's demand, 10 a week, is 10 x 30.436875 / 7 a month
        metric(300 / (10 * MONTH / 7), Metric.REQUESTED_MONTHS);
        metric(50 + 150, Metric.DELIVERED_UNITS_BEFORE_BAN);
        metric(200.0 / 300, Metric.SHIPPED_SHARE);
        // the 100 cancelled units were wanted by day 70, 40 days after the ban
        metric(40 / MONTH, Metric.DELIVERY_SHORTFALL_MONTHS);
        metric(30, Metric.BAN_DAY);
        metric(9, Metric.LEAK_DAY);
    }

    @Test
    void theStockpileAtTheBan() {
        // Step 4 began (day 28) with 200 H20 in stock (300 arrived by step 2, 100 deployed in step 3) and none
        // arriving; over step 3 the stock fell from 300 to 200, so two days into step 4 it stands at
        // 200 - 2/7 x 100.
        double stock = 200 - 2.0 / 7 * 100;
        metric(stock, Metric.STOCKPILE_UNITS_AT_BAN);
        // monthly demand over the four steps before the ban: 100 a week
        metric(stock / (100 * MONTH / 7), Metric.STOCKPILE_MONTHS_AT_BAN);
    }

    @Test
    void theVendorsAndTheDomesticMakersBooks() {
        metric((300 + 600) * 5_000.0, Metric.VENDOR_WRITEDOWN_USD);
        metric(300, Metric.VENDOR_WRITEDOWN_FINISHED_UNITS);
        metric(600, Metric.VENDOR_WRITEDOWN_WIP_UNITS);
        metric(100 * 12_500.0, Metric.VENDOR_LOST_REVENUE_USD);
        metric(300 * 12_500.0, Metric.VENDOR_REVENUE_USD);
        metric(300 * 12_500.0, Metric.VENDOR_NET_REVENUE_USD);
        metric(40 * 17_000.0, Metric.DOMESTIC_REVENUE_USD);
        metric(300, Metric.VENDOR_UNITS_SHIPPED);
        metric(40, Metric.DOMESTIC_UNITS_SHIPPED);
        metric(300, Metric.FOREIGN_UNITS_SHIPPED);
        metric(40.0 / 340, Metric.DOMESTIC_SHARE_UNITS);
        // the 200 units started in step 3, after the announcement in step 2
        metric(200, Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS);
        metric(0, Metric.GOVERNMENT_FEE_USD);
        metric(0, Metric.UNITS_BLOCKED_AT_IMPORT);
        metric(0, Metric.ORDERS_DENIED_UNITS);
        metric(0, Metric.RESERVE_RELEASE_USD);
    }

    @Test
    void demandAndBeliefsOverTheRun() {
        metric(2.0 * steps, Metric.UNMET_DEMAND_UNITS);
        metric(0.25 * 4, Metric.PEAK_HAZARD);
        // nothing shipped in the last quarter
        assertTrue(Double.isNaN(result.get(Metric.SUBSTITUTE_SHARE_END)));
    }

    private void series(Series s, double... firstSteps) {
        double[] values = result.series(s);
        assertEquals(steps, values.length, s.id());
        assertArrayEquals(firstSteps, java.util.Arrays.copyOf(values, firstSteps.length), 1e-9, s.id());
    }

    @Test
    void theSeriesStepByStep() {
        series(Series.DEMAND, 100, 100, 100, 100, 100, 100);
        series(Series.UNMET_DEMAND, 2, 2, 2, 2, 2, 2);
        series(Series.VENDOR_FINISHED, 450, 300, 300, 300, 0, 0);
        series(Series.VENDOR_WIP, 400, 400, 400, 600, 0, 0);
        series(Series.VENDOR_BACKLOG, 250, 100, 100, 100, 0, 0);
        series(Series.BUYER_STOCK_VENDOR, 0, 50, 300, 200, 200, 200);
        series(Series.BUYER_STOCK_DOMESTIC, 0, 40, 30, 30, 30);
        series(Series.DEPLOYED, 0, 0, 10, 110, 110);
        series(Series.VENDOR_ORDERS, 400, 0, 0);
        series(Series.DOMESTIC_ORDERS, 40, 0, 0);
        series(Series.VENDOR_SHIPMENTS, 150, 150, 0, 0);
        series(Series.DOMESTIC_SHIPMENTS, 40, 0, 0);
        series(Series.VENDOR_PRICE, 12_500, 13_000, 13_000);
        series(Series.MEAN_HAZARD, 0, 0.25, 0.5, 0.75, 1.0, 0, 0);
        series(Series.ANTICIPATORY_TARGET, 200, 200, 200, 200, 200, 0);
        series(Series.DOMESTIC_CAPACITY, 75.5, 75.5, 75.5);
        // domestic share of the units shipped over the last 13 weekly steps (a quarter, 91 days): 40 of 190 after
        // step 0, 40 of 340 until step 12, then only step 1's vendor shipment is in the window; nothing after
        // that (recorded as 0)
        double[] share = result.series(Series.SUBSTITUTE_SHARE);
        assertEquals(40.0 / 190, share[0], 1e-12);
        for (int t = 1; t <= 12; t++) {
            assertEquals(40.0 / 340, share[t], 1e-12, "step " + t);
        }
        assertEquals(0.0, share[13]);
        assertEquals(0.0, share[14]);
    }

    @Test
    void theVendorProductsSeriesAndFigures() {
        assertTrue(result.hasProductSeries());
        double[][] expected = {
            {400, 0, 0, 0, 0},
            {150, 150, 0, 0, 0},
            {250, 100, 100, 100, 0},
            {450, 300, 300, 300, 0},
            {0, 50, 300, 200, 200},
            {0, 0, 0, 0, 0},
            {12_500, 13_000, 13_000, 13_000, 13_000}
        };
        ProductSeries[] order = {
            ProductSeries.ORDERS,
            ProductSeries.SHIPMENTS,
            ProductSeries.BACKLOG,
            ProductSeries.VENDOR_FINISHED,
            ProductSeries.BUYER_STOCK,
            ProductSeries.BLOCKED,
            ProductSeries.PRICE
        };
        for (int i = 0; i < order.length; i++) {
            assertArrayEquals(
                    expected[i], java.util.Arrays.copyOf(result.productSeries(0, order[i]), 5), order[i].id());
        }
        RunResult.ProductTable table = result.products();
        assertEquals(1, table.size());
        assertEquals("H20", table.names().products()[0]);
        double[] figures = table.values()[0];
        assertEquals(300, figures[ProductFigure.REQUESTED_UNITS.ordinal()]);
        assertEquals(400, figures[ProductFigure.ORDERED_UNITS.ordinal()]);
        assertEquals(200, figures[ProductFigure.RUSH_DELIVERED_UNITS.ordinal()]);
        assertEquals(300, figures[ProductFigure.SHIPPED_UNITS.ordinal()]);
        assertEquals(300 * 12_500.0, figures[ProductFigure.REVENUE_USD.ordinal()]);
        assertEquals(0, figures[ProductFigure.FEE_USD.ordinal()]);
        assertEquals(900 * 5_000.0, figures[ProductFigure.WRITEDOWN_USD.ordinal()]);
        assertEquals(0, figures[ProductFigure.BLOCKED_UNITS.ordinal()]);
        assertEquals(0, figures[ProductFigure.DENIED_UNITS.ordinal()]);
    }
}
