package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Series;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each field of the vendor and of its licences changes what the vendor does by an amount worked out by hand (the
 * comments say how). The vendor runs alone with scripted buyers, as in {@link GpuVendorTest}: the baseline's Nvidia
 * with a wafer lead of exactly 26 weeks, 22000 H20 planned a week, so 22000 completing at the start of every step of
 * the first 26 and 25 x 22000 in process after step 0's completion; or h20-2025-sequel's Nvidia with the regulator
 * (the H20 banned on 2025-04-09, day 373, step 53, licensed again from 2025-08-08, day 494, step 70).
 */
class VendorFieldEffectsTest {
    /** A market of the vendor of a shipped scenario (with the regulator when {@code regulated}) and its recorder. */
    private static MarketModel vendor(String scenario, boolean regulated, Consumer<MarketModel> buyers, String... set)
            throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(Scenarios.with(
                scenario,
                Stream.concat(
                        Stream.of("vendor.waferLeadWeeksMin=26", "vendor.waferLeadWeeksMax=26"), Arrays.stream(set))));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(23, 0), true);
        if (regulated) {
            model.addAgent(Phase.REGULATOR, new Regulator(model, plan.controlRounds()));
        }
        model.addAgent(Phase.HYPERSCALERS, state -> buyers.accept(model));
        model.addAgent(Phase.VENDOR, new GpuVendor(model, plan, 0));
        return model;
    }

    private static final Consumer<MarketModel> NO_BUYERS = m -> {};

    /** Buyers 0 and 1 each order 30000 H20 in step 0, buyer 0 first. */
    private static final Consumer<MarketModel> TWO_ORDERS = m -> {
        if (m.step() == 0) {
            m.exchange().buyer(0).order(0, 30_000, 1_250_000, 0, 28, false);
            m.exchange().buyer(1).order(0, 30_000, 1_250_000, 0, 28, false);
        }
    };

    @Test
    void theAllocationRuleSplitsAShortSupply() throws Exception {
        // 22000 finished in step 0 against 60000 owed: in proportion 11000 each; first in, first out all to buyer 0
        assertEquals(Arrays.toString(new long[] {11_000, 11_000}), shippedInStep0("PROPORTIONAL"));
        assertEquals(Arrays.toString(new long[] {22_000, 0}), shippedInStep0("FIFO"));
    }

    /** Units shipped in step 0 on each of the two orders, under an allocation rule. */
    private static String shippedInStep0(String rule) throws Exception {
        MarketModel m = vendor("h20-2025", false, TWO_ORDERS, "vendor.allocation=" + rule);
        long[] shipped = new long[2];
        m.addAgent(Phase.DOMESTIC, state -> {
            if (m.step() == 0) {
                shipped[0] = m.ledger().orderShipped(0);
                shipped[1] = m.ledger().orderShipped(1);
            }
        });
        m.run();
        return Arrays.toString(shipped);
    }

    @Test
    void shippingWeeksSetTheQuoteAndTheArrival() throws Exception {
        for (int weeks : new int[] {1, 3}) {
            int[] quote = new int[1];
            long[] stock = new long[5];
            MarketModel m = vendor(
                    "h20-2025",
                    false,
                    model -> {
                        int t = model.step();
                        if (t == 0) {
                            quote[0] = model.status().quote(0).quoteDay(1000);
                            model.exchange().buyer(0).order(0, 1000, 1_250_000, 0, 28, false);
                        }
                        if (t < stock.length) {
                            stock[t] = model.ledger().stock(0, 0);
                        }
                    },
                    "vendor.shippingWeeks=" + weeks);
            m.run();
            // 1000 units are in stock: shipped in step 0, on day 0 + 7 x weeks, the start of step `weeks`
            assertEquals(7 * weeks, quote[0], "quote with " + weeks + " weeks' shipping");
            assertEquals(0, stock[weeks - 1], "not arrived by step " + (weeks - 1));
            assertEquals(1000, stock[weeks], "arrived in step " + weeks);
        }
    }

    @Test
    void safetyStockWeeksRaiseTheFirstStarts() throws Exception {
        // No orders: the forecast after step 0 is 0.95 x 22000 = 20900 a week; with 22000 finished and 550000 in
        // process, the starts are 20900 x (26 + safety) - 572000, at least 0 and at most the capacity of
        // 150000 x 7 / 30.436875 = 34497.6
        long[] expected = {0, 20_900 * 28 - 572_000, Math.round(150_000 * 7 / 30.436875)};
        double[] safety = {0, 2, 8};
        for (int i = 0; i < safety.length; i++) {
            MarketModel m = vendor("h20-2025", false, NO_BUYERS, "vendor.safetyStockWeeks=" + safety[i]);
            long[] before = new long[1];
            long[] after = new long[1];
            m.addAgent(Phase.HYPERSCALERS, state -> {
                if (m.step() == 0) {
                    before[0] = m.ledger().started(0);
                }
            });
            m.addAgent(Phase.DOMESTIC, state -> {
                if (m.step() == 0) {
                    after[0] = m.ledger().started(0);
                }
            });
            m.run();
            assertEquals(expected[i], after[0] - before[0], "safety stock of " + safety[i] + " weeks");
        }
    }

    @Test
    void theWaferLeadIsDrawnBetweenItsBounds() throws Exception {
        // equal bounds fix it; 26 to 39 weeks draws a whole number of weeks between them, not always the same
        assertEquals(30, lead(0, "vendor.waferLeadWeeksMin=30"));
        java.util.Set<Integer> drawn = new java.util.TreeSet<>();
        for (int replication = 1; replication <= 20; replication++) {
            drawn.add(lead(replication, "vendor.waferLeadWeeksMin=26", "vendor.waferLeadWeeksMax=39"));
        }
        assertTrue(drawn.size() > 1 && drawn.stream().allMatch(w -> w >= 26 && w <= 39), "leads " + drawn);
    }

    /** The vendor's wafer lead in steps in a replication, with both bounds 30 weeks unless {@code set} says. */
    private static int lead(int replication, String... set) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(Scenarios.with(
                "h20-2025", Stream.concat(Stream.of("vendor.waferLeadWeeksMax=30"), Arrays.stream(set))));
        MarketModel model = new MarketModel(plan.market(), Seeds.replicationSeed(23, replication), false);
        return new GpuVendor(model, plan, 0).leadSteps();
    }

    /** Units of the H20 and the H200 in h200-2026's pipeline as the run starts (Nvidia alone, no buyers). */
    private static String pipelineAtStart(String... set) throws Exception {
        MarketModel m = vendor("h200-2026", false, NO_BUYERS, set);
        int h200 = productIndex(m, "H200");
        long[] started = new long[2];
        m.addAgent(Phase.HYPERSCALERS, state -> {
            if (m.step() == 0) {
                started[0] = m.ledger().started(0);
                started[1] = m.ledger().started(h200);
            }
        });
        m.run();
        return Arrays.toString(started);
    }

    @Test
    void furtherProductsOnSaleFromTheStartShareThePlannedOrders() throws Exception {
        // h200-2026's Nvidia sells the H200 beside the H20 (vendor.products): on sale from 2025-12-08, it is not in
        // the plan before the run, and the H20 has 26 weeks of the 22000 planned a week in process; on sale from
        // the start, the two share the plan, 11000 a week each
        assertEquals(Arrays.toString(new long[] {26 * 22_000, 0}), pipelineAtStart());
        assertEquals(
                Arrays.toString(new long[] {26 * 11_000, 26 * 11_000}),
                pipelineAtStart("products[H200].firstAvailable=2024-04-01"));
    }

    // ---- the sequel: halt, release, licences --------------------------------------------------------------------

    private static int productIndex(MarketModel m, String name) {
        return IntStream.range(0, m.products().size())
                .filter(p -> m.product(p).name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    /** The steps in which the vendor started production of a product, in a sequel run. */
    private static int[] stepsWithStarts(String product, String... set) throws Exception {
        MarketModel m = vendor("h20-2025-sequel", true, NO_BUYERS, set);
        int p = productIndex(m, product);
        long[] started = new long[m.calendar().steps()];
        m.addAgent(Phase.DOMESTIC, state -> started[m.step()] = m.ledger().started(p));
        m.run();
        return IntStream.range(1, started.length)
                .filter(t -> started[t] > started[t - 1])
                .toArray();
    }

    @Test
    void aHaltStopsStartsOnceItsWindowOfOrdersIsFull() throws Exception {
        // The RTX6000D launches on day 471 (14 weeks after the ban's announcement), in step 67 (days 469-475), and
        // is made from step 68. Nobody orders it: once the halt's window holds `weeks` steps of no orders, under
        // orderShare of the forecast, no more starts. Its forecast, 22000 a week decaying by 0.95 a step, over 34
        // weeks stays far above what capacity lets it start in a few steps, so without the halt every step starts.
        assertEquals(
                Arrays.toString(new int[] {68, 69, 70}),
                Arrays.toString(stepsWithStarts("RTX6000D", "vendor.halt={orderShare: 0.2, weeks: 4}")));
        assertEquals(
                Arrays.toString(new int[] {68, 69, 70, 71, 72, 73, 74}),
                Arrays.toString(stepsWithStarts("RTX6000D", "vendor.halt={orderShare: 0.2, weeks: 8}")));
        // a share of 0 never halts: the eighth step on sale starts too
        assertEquals(75, stepsWithStarts("RTX6000D", "vendor.halt={orderShare: 0.0, weeks: 4}")[7]);
    }

    @Test
    void writtenDownStockSoldElsewhereFetchesItsPriceShareOfTheList() throws Exception {
        // a tenth of the H20 written off in step 53 is sold 12 weeks later at priceShare x $12,500
        for (double priceShare : new double[] {1.0, 0.5}) {
            MarketModel m =
                    vendor("h20-2025-sequel", true, NO_BUYERS, "vendor.reserveRelease.priceShare=" + priceShare);
            m.run();
            long released = m.ledger().soldElsewhere(0);
            assertTrue(released > 0);
            assertEquals(
                    Math.round(released * 12_500 * priceShare * 100),
                    m.ledger().releaseCents(m.product(0).seller()),
                    "price share " + priceShare);
        }
    }

    @Test
    void aLicencePassesItsShareOfTheFeeIntoThePrice() throws Exception {
        // nothing on order, so the price is the list, $12,500, raised under licence (step 70) by
        // passThrough x fee / (1 - fee): 15% with half passed on, 12500 x (1 + 0.5 x 0.15 / 0.85)
        double[][] cases = {{0.5, 0.15}, {1.0, 0.15}, {0.0, 0.15}, {0.5, 0.4}};
        for (double[] c : cases) {
            MarketModel m = vendor(
                    "h20-2025-sequel",
                    true,
                    NO_BUYERS,
                    "regulator.licences[0].feePassThrough=" + c[0],
                    "regulator.licences[0].feeShare=" + c[1]);
            double[] price = m.run().series(Series.VENDOR_PRICE);
            assertEquals(12_500, price[69], 1e-9);
            assertEquals(12_500 * (1 + c[0] * c[1] / (1 - c[1])), price[70], 1e-6, Arrays.toString(c));
        }
    }

    @Test
    void aLicenceCapLimitsShipmentsPerStep() throws Exception {
        // 1000 H20 ordered in step 72 (day 504), approved 14 days later, from step 74; at most
        // floor(300 x 7 / 30.436875) = 68 ship a step under a cap of 300 a month
        long[] shipped = new long[120];
        MarketModel m = vendor(
                "h20-2025-sequel",
                true,
                model -> {
                    if (model.step() == 72) {
                        model.exchange().buyer(0).order(0, 1000, 1_250_000, 72, 7 * 72 + 28, false);
                    }
                },
                "regulator.licences[0].approvalDays=14",
                "regulator.licences[0].capUnitsPerMonth=300");
        m.addAgent(Phase.DOMESTIC, state -> shipped[m.step()] = m.ledger().shippedTotal(0));
        m.run();
        assertEquals(shipped[71], shipped[73]);
        assertEquals(68, shipped[74] - shipped[73]);
        assertEquals(68, shipped[75] - shipped[74]);
        // 14 full steps ship 952; the 15th the last 48
        assertEquals(48, shipped[88] - shipped[87]);
        assertEquals(shipped[88], shipped[89]);
    }
}
