package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The vendor's responses to collapsing orders and to controls, each in a small scripted market: the vendor alone (with
 * the regulator where controls matter) and a buyer placing the orders a test lists. Weekly steps from 2024-04-01, a
 * wafer lead of exactly 26 weeks (see {@link GpuVendorTest}); capacity 150000 a month on day 0, rising linearly to
 * 200000 on day 183, so {@code (150000 + 7t / 183 x 50000) x 7 / 30.436875} units in step {@code t < 27}.
 */
class GpuVendorResponsesTest {
    private static final double DPM = 30.436875;

    /** An order of {@code units} of product {@code product} placed by buyer 0 in step {@code step}. */
    private record Order(int step, int product, long units) {}

    /**
     * What the ledger held after the vendor's step, per step and product; {@code before}: units started before the
     * run (the steady-state pipeline).
     */
    private record Run(
            MarketModel model,
            long[] before,
            long[][] started,
            long[][] shipped,
            long[][] writtenOff,
            long[][] reinstated,
            double[][] price,
            boolean[][] launched) {
        /** Units started in step {@code t}. */
        long startedIn(int t, int p) {
            return started[t][p] - (t == 0 ? before[p] : started[t - 1][p]);
        }
    }

    /** Capacity in step {@code t} of the baseline's vendor (for {@code 7t <= 183}), rounded as starts are. */
    private static long capacity(int t) {
        return Math.round((150_000 + 7.0 * t / 183 * 50_000) * 7 / DPM);
    }

    /** Runs vendor 0 of {@code plan} (with the regulator when {@code controls}) and a buyer placing {@code orders}. */
    private static Run run(ScenarioPlan plan, boolean controls, Order... orders) {
        return run(plan, controls, 0, m -> {}, orders);
    }

    /**
     * Runs vendor {@code vendor} of {@code plan} (with the regulator when {@code controls}) and a buyer placing
     * {@code orders}; {@code probe} looks at the market in the buyers' phase of each step, after the orders.
     */
    private static Run run(
            ScenarioPlan plan, boolean controls, int vendor, Consumer<MarketModel> probe, Order... orders) {
        MarketModel m = new MarketModel(plan.market(), Seeds.replicationSeed(23, 0), false);
        if (controls) {
            m.addAgent(Phase.REGULATOR, new Regulator(m, plan.controlRounds()));
        }
        m.addAgent(Phase.HYPERSCALERS, state -> {
            for (Order o : orders) {
                if (o.step() == m.step()) {
                    m.exchange().buyer(0).order(o.product(), o.units(), 1_250_000, o.step(), m.today() + 28, false);
                }
            }
            probe.accept(m);
        });
        m.addAgent(Phase.VENDOR, new GpuVendor(m, plan, vendor));
        int steps = m.calendar().steps();
        int products = m.products().size();
        long[] before = new long[products];
        for (int p = 0; p < products; p++) {
            before[p] = m.ledger().started(p);
        }
        Run run = new Run(
                m,
                before,
                new long[steps][products],
                new long[steps][products],
                new long[steps][products],
                new long[steps][products],
                new double[steps][products],
                new boolean[steps][products]);
        m.addAgent(Phase.VENDOR, state -> {
            int t = m.step();
            for (int p = 0; p < products; p++) {
                run.started()[t][p] = m.ledger().started(p);
                run.shipped()[t][p] = m.ledger().shippedTotal(p);
                run.writtenOff()[t][p] = m.ledger().writtenOffFinished(p);
                run.reinstated()[t][p] = m.ledger().reinstated(p);
                run.price()[t][p] = m.status().priceUsd(p);
                run.launched()[t][p] = m.status().launched(p);
            }
        });
        m.run();
        return run;
    }

    @Test
    void withAOneWeekHaltWindowAVendorWithoutOrdersStartsNothingFromTheFirstStep() throws Exception {
        // no orders: step 0's forecast is 0.95 x 22000 = 20900; the pipeline holds 26 x 22000, one lot finished in
        // step 0, so the vendor wants 20900 x (26 + 8) - 22000 - 25 x 22000 = 138600, more than step 0's capacity
        Run free = run(GpuVendorTest.plan("h20-2025"), false);
        assertEquals(26 * 22_000, free.before()[0]);
        assertEquals(capacity(0), free.startedIn(0, 0));
        // with the halt rule over one week, step 0's orders (0) are under a fifth of the forecast: no starts at all
        Run halted = run(GpuVendorTest.plan("h20-2025", "vendor.halt.orderShare=0.2", "vendor.halt.weeks=1"), false);
        assertEquals(26 * 22_000, halted.before()[0]);
        for (int t = 0; t < 10; t++) {
            assertEquals(0, halted.startedIn(t, 0), "step " + t);
        }
    }

    @Test
    void aLineWhoseOrdersCollapseStopsStartingButStillShipsAndStartsAgainWhenOrdersReturn() throws Exception {
        // 5 million ordered in steps 0 and 10, nothing else: the backlog keeps the wanted starts far above capacity.
        // The four-week window is not full before step 3; in steps 0-3 it holds step 0's 5 million (1.25 million a
        // step, far above a fifth of the forecast, 0.05 x 5 million + 0.95 x 22000 = 270900 in step 0, falling 5% a
        // step); in steps 4-9 it holds no orders: halted. Step 10's order lifts it for steps 10-13; halted from 14.
        Run r = run(
                GpuVendorTest.plan("h20-2025", "vendor.halt.orderShare=0.2", "vendor.halt.weeks=4"),
                false,
                new Order(0, 0, 5_000_000),
                new Order(10, 0, 5_000_000));
        for (int t = 0; t <= 3; t++) {
            assertEquals(capacity(t), r.startedIn(t, 0), "step " + t);
        }
        for (int t = 4; t <= 9; t++) {
            assertEquals(0, r.startedIn(t, 0), "step " + t);
            // halted, it still ships: each step the lot started before the run completes and goes to the backlog
            assertEquals(22_000, r.shipped()[t][0] - r.shipped()[t - 1][0], "step " + t);
        }
        for (int t = 10; t <= 13; t++) {
            assertEquals(capacity(t), r.startedIn(t, 0), "step " + t);
        }
        for (int t = 14; t <= 20; t++) {
            assertEquals(0, r.startedIn(t, 0), "step " + t);
        }
    }

    private static int product(MarketModel m, String name) {
        return RegulatorTest.productIndex(m, name);
    }

    @Test
    void aLicenceCapLimitsEachStepsShipmentsToItsWholeUnits() throws Exception {
        // the sequel's H20 licences from day 494 with a cap of 1000 a month: 1000 x 7 / 30.436875 = 229.98 a step,
        // 229 whole units. The 1000 ordered in step 72 are approved from day 518 (step 74) and ship from the
        // reinstated stock 229 a step in steps 74-77, the last 84 in step 78
        Run r = run(
                GpuVendorTest.plan("h20-2025-sequel", "regulator.licences[0].capUnitsPerMonth=1000"),
                true,
                new Order(72, 0, 1000));
        long[] perStep = new long[6];
        for (int t = 73; t <= 78; t++) {
            perStep[t - 73] = r.shipped()[t][0] - r.shipped()[t - 1][0];
        }
        assertArrayEquals(new long[] {0, 229, 229, 229, 229, 84}, perStep);
    }

    @Test
    void theVendorDecidesTheLicencesOfItsOwnProductsOnly() throws Exception {
        // Nvidia alone in the sequel: orders of the H20 and of AMD's MI308, both licensed from day 494, in step 72
        // (day 504). Nvidia approves its H20 order from 504 + 14 = 518; it leaves the MI308 order alone, with no
        // licence decision (an undecided order counts as approved on any day)
        Run r = run(GpuVendorTest.plan("h20-2025-sequel"), true, new Order(72, 0, 1000), new Order(72, 3, 1000));
        MarketModel m = r.model();
        assertEquals(3, product(m, "MI308"));
        int h20 = m.ledger().orderCount() - 2;
        int mi308 = m.ledger().orderCount() - 1;
        assertEquals(3, m.ledger().orderProduct(mi308));
        assertFalse(m.ledger().approved(h20, 517));
        assertTrue(m.ledger().approved(h20, 518));
        assertTrue(m.ledger().approved(mi308, 0));
        // AMD alone, whose only product is licensed: its MI308 order is approved from 504 + 28 = 532
        MarketModel amd = run(GpuVendorTest.plan("h20-2025-sequel"), true, 1, x -> {}, new Order(72, 3, 1000))
                .model();
        int order = amd.ledger().orderCount() - 1;
        assertEquals(3, amd.ledger().orderProduct(order));
        assertFalse(amd.ledger().approved(order, 531));
        assertTrue(amd.ledger().approved(order, 532));
    }

    @Test
    void writeDownsAndReleasesUseTheirShareOfCostAndListPrice() throws Exception {
        // the sequel's Nvidia with no buyers, half the unit cost written down ($2,500 of $5,000) and the released
        // stock sold at half the list price ($6,250 of $12,500)
        Run r = run(
                GpuVendorTest.plan(
                        "h20-2025-sequel", "vendor.writedownShare=0.5", "vendor.reserveRelease.priceShare=0.5"),
                true);
        MarketModel m = r.model();
        long units = m.ledger().writeOffFinishedUnits(0) + m.ledger().writeOffWipUnits(0);
        assertTrue(units > 0);
        assertEquals(units * 250_000, m.ledger().productWritedownCents(0));
        long released = m.ledger().soldElsewhere(0);
        assertTrue(released > 0);
        assertEquals(released * 625_000, m.ledger().releaseCents(m.product(0).seller()));
    }

    @Test
    void linesOnSaleFromTheStartShareThePlannedOrdersAndTheCapacity() throws Exception {
        // h200-2026's Nvidia sells the H20 and the H200; here the H200 is first available on day 182, one lead time
        // (26 weeks) after the start, so both lines are planned from the start: the 22000 a week planned are split,
        // 11000 each, and each has 26 lots of 11000 in its pipeline.
        Run r = run(GpuVendorTest.plan("h200-2026", "products[5].firstAvailable=2024-09-30"), false);
        MarketModel m = r.model();
        assertEquals(5, product(m, "H200"));
        assertEquals(26 * 11_000, r.before()[0]);
        assertEquals(26 * 11_000, r.before()[5]);
        // step 0, no orders: the H20's forecast falls to 0.95 x 11000 = 10450 and it wants 10450 x 34 - 26 x 11000 =
        // 69300; the H200, not yet on sale, keeps its forecast and wants 11000 x 34 - 26 x 11000 = 88000. The
        // capacity, 150000 x 7 / 30.436875 = 34497.6, is shared in proportion: 15198.3 and 19299.4
        assertEquals(15_198, r.startedIn(0, 0));
        assertEquals(19_299, r.startedIn(0, 5));
    }

    @Test
    void aPartOnSaleLaterIsPlannedALeadTimeAheadAndLaunchedOnItsDay() throws Exception {
        // h200-2026 as shipped, no regulator and no orders: the H200 is first available on 2025-12-08, day 616, the
        // first day of step 88; its production starts 26 weeks earlier, on day 616 - 182 = 434, the first day of step
        // 62. It wants its whole forecast, 22000 x 34, from the empty pipeline; the H20, without orders, is halted, so
        // the H200 has the whole capacity: on day 434, 8 days into h200-2026's rise from 200000 a month on day 426 to
        // 300000 on day 730, (200000 + 8 / 304 x 100000) x 7 / 30.436875 = 46602.1
        Run r = run(GpuVendorTest.plan("h200-2026"), false);
        MarketModel m = r.model();
        int h200 = product(m, "H200");
        assertEquals(0, r.before()[h200]);
        assertEquals(0, r.started()[61][h200]);
        assertEquals(46_602, r.startedIn(62, h200));
        assertFalse(r.launched()[87][h200]);
        assertTrue(r.launched()[88][h200]);
        assertEquals(616, m.events().lastDay(EventKind.LAUNCH, h200));
    }

    @Test
    void whenLicencesAllowTheProductAgainItsWrittenDownStockIsReinstated() throws Exception {
        // the sequel's Nvidia with the regulator and no buyers: the H20 is written down at the ban (step 53); a tenth
        // of the written-off finished stock is sold elsewhere in step 65; licences are in force from day 494, in step
        // 70 (days 490-496): everything written off and not sold elsewhere comes back, finished and in process
        Run r = run(GpuVendorTest.plan("h20-2025-sequel"), true);
        MarketModel m = r.model();
        long sold = m.ledger().soldElsewhere(0);
        assertTrue(sold > 0);
        assertEquals(0, r.reinstated()[69][0]);
        assertEquals(r.writtenOff()[69][0] - sold, r.reinstated()[70][0]);
        assertEquals(sold, r.writtenOff()[70][0], "only what was sold elsewhere stays written off");
        assertEquals(sold, m.ledger().writtenOff(0), "nothing left written off in process");
        assertEquals(r.reinstated()[70][0], r.reinstated()[r.reinstated().length - 1][0], "once");
    }

    @Test
    void withTwoWeekStepsLeadAndSafetyStockAreCountedInSteps() throws Exception {
        // 14-day steps, capacity far above any need: the 26-week lead is 13 steps, the 8 weeks of safety stock 4;
        // 22000 a week planned is 44000 a step, 13 lots of it in the pipeline. Step 0, no orders: the forecast keeps
        // 0.95^2 of itself, 39710; the vendor starts 39710 x (13 + 4) - 13 x 44000 = 103070
        Run r = run(
                GpuVendorTest.plan(
                        "h20-2025",
                        "simulation.stepDays=14",
                        "vendor.capacity=[{date: 2024-04-01, unitsPerMonth: 1000000}]"),
                false);
        assertEquals(13 * 44_000, r.before()[0]);
        assertEquals(103_070, r.startedIn(0, 0));
        // 100000 ordered in step 0: the forecast is 0.0975 x 100000 + 39710 = 49460 a step, 24730 a week; the 44000
        // finished ship and 56000 are owed: 56000 / 24730 weeks of backlog, priced 12500 x (1 + 0.08 x that / 12)
        Run ordered = run(
                GpuVendorTest.plan(
                        "h20-2025",
                        "simulation.stepDays=14",
                        "vendor.capacity=[{date: 2024-04-01, unitsPerMonth: 1000000}]"),
                false,
                new Order(0, 0, 100_000));
        assertEquals(44_000, ordered.shipped()[0][0]);
        assertEquals(12_500 * (1 + 0.08 * (56_000 / 24_730.0) / 12), ordered.price()[0][0], 1e-6);
    }

    /** The model's random draws seen by the buyer in each step, in a run of {@code plan} with {@code orders}. */
    private static long[] draws(ScenarioPlan plan, Order... orders) {
        long[] draws = new long[plan.calendar().steps()];
        run(plan, true, 0, m -> draws[m.step()] = m.random.nextLong(), orders);
        return draws;
    }

    @Test
    void licencesThatDenyNothingAreDecidedWithoutRandomDraws() throws Exception {
        // an H20 order under the sequel's licences (step 72) leaves every later draw of the model as it was: the
        // decision takes a draw only when a licence can be denied
        ScenarioPlan plan = GpuVendorTest.plan("h20-2025-sequel");
        assertArrayEquals(draws(plan), draws(plan, new Order(72, 0, 1000)));
        ScenarioPlan denying = GpuVendorTest.plan("h20-2025-sequel", "regulator.licences[0].denialProbability=0.5");
        long[] without = draws(denying);
        long[] with = draws(denying, new Order(72, 0, 1000));
        assertEquals(without[72], with[72]);
        assertTrue(without[73] != with[73], "one draw taken for the order in step 72");
    }

    @Test
    void quotesCountTheFinishedGoodsBeforeThePipeline() throws Exception {
        // no orders: after step 0, 22000 are finished and unsold; in step 1 the pipeline completes 22000 in each step
        // from step 1 on. 44000 are covered by stock and step 1's lot: shipped in step 1, day 7 + 7 = 14; one more
        // waits for step 2's lot: day 14 + 7 = 21
        int[] quotes = new int[2];
        run(GpuVendorTest.plan("h20-2025"), false, 0, m -> {
            if (m.step() == 1) {
                quotes[0] = m.status().quote(0).quoteDay(44_000);
                quotes[1] = m.status().quote(0).quoteDay(44_001);
            }
        });
        assertArrayEquals(new int[] {14, 21}, quotes);
    }

    @Test
    void twoRedesignsLaunchEachAfterItsOwnDesignTime() throws Exception {
        // h200-2026's Nvidia with the H20 alone on sale and two compliant parts designed after its ban is announced
        // (day 373): the RTX6000D in 14 weeks (day 471), the H200 in 20 (day 513)
        Run r = run(
                GpuVendorTest.plan(
                        "h200-2026",
                        "vendor.products=[]",
                        "vendor.redesigns=[{banned: H20, product: RTX6000D, designWeeks: 14},"
                                + " {banned: H20, product: H200, designWeeks: 20}]"),
                true);
        MarketModel m = r.model();
        assertEquals(471, m.events().lastDay(EventKind.LAUNCH, product(m, "RTX6000D")));
        assertEquals(513, m.events().lastDay(EventKind.LAUNCH, product(m, "H200")));
    }

    @Test
    void aBanOnAStepsFirstDayShipsNothingInThatStepAndItsCommitmentsCompleteWrittenOff() throws Exception {
        // the baseline with the ban on 2025-04-07, day 371, the first day of step 53; 5 million ordered in step 0, so
        // every unit finished before the ban ships at once
        Run r = run(GpuVendorTest.plan("h20-2025", "regulator.banDate=2025-04-07"), true, new Order(0, 0, 5_000_000));
        MarketModel m = r.model();
        assertEquals(r.shipped()[52][0], r.shipped()[53][0], "no part of step 53 comes before the ban");
        // written down: nothing finished, everything started and not shipped in process, step 53's lot included
        assertEquals(0, m.ledger().writeOffFinishedUnits(0));
        assertEquals(r.started()[52][0] - r.shipped()[52][0], m.ledger().writeOffWipUnits(0));
        // each step from the ban on, the lot started 26 steps before completes into the written-off stock
        assertEquals(r.startedIn(27, 0), r.writtenOff()[53][0]);
        assertEquals(r.startedIn(28, 0), r.writtenOff()[54][0] - r.writtenOff()[53][0]);
        assertEquals(m.ledger().writtenOffFinished(0), m.ledger().writtenOff(0), "all completed by the end");
    }
}
