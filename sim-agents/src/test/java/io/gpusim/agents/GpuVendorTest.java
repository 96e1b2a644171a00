package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The baseline's vendor alone in a scripted market, no regulator, a wafer lead of exactly 26 weeks: the H20 (product
 * 0) on sale from the start, 22000 orders a week planned, so 22000 units started in each of the 26 weeks before the
 * run, one completing at the start of each step; forecast weight 0.05 a week, 8 weeks of safety stock, capacity
 * 150000 a month on day 0 rising linearly to 200000 on day 183; list price $12,500, markup up to 8% at 12 weeks of
 * backlog. Buyer 0 orders 300000 in step 0.
 */
class GpuVendorTest {
    private static final double DPM = 30.436875;

    private MarketModel model;
    /** Per step, after the vendor: units started in all, finished goods, shipped in all, price; quotes in step 0. */
    private final long[] started = new long[4];

    private final long[] finished = new long[4];
    private final long[] shipped = new long[4];
    private final double[] price = new double[4];
    private final int[] quotes = new int[3];
    private long startedBefore;

    /** The baseline with a wafer lead of 26 weeks exactly. */
    private static ScenarioPlan plan() throws Exception {
        return plan("h20-2025");
    }

    /** A shipped scenario with a wafer lead of 26 weeks exactly, and {@code more} assignments. */
    static ScenarioPlan plan(String scenario, String... more) throws Exception {
        return ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", scenario + ".yaml"))
                .with(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                        "vendor.waferLeadWeeksMin=26", "vendor.waferLeadWeeksMax=26"),
                                java.util.Arrays.stream(more))
                        .map(a -> ScenarioOverride.parse(a, "set"))
                        .toList()));
    }

    @BeforeEach
    void market() throws Exception {
        ScenarioPlan plan = plan();
        model = new MarketModel(plan.market(), Seeds.replicationSeed(17, 0), false);
        GpuVendor vendor = new GpuVendor(model, plan, 0);
        assertEquals(26, vendor.leadSteps());
        model.addAgent(Phase.HYPERSCALERS, state -> {
            if (model.step() == 0) {
                startedBefore = model.ledger().started(0);
                quotes[0] = model.status().quote(0).quoteDay(1000);
                quotes[1] = model.status().quote(0).quoteDay(300_000);
                quotes[2] = model.status().quote(0).quoteDay(700_000);
                model.exchange().buyer(0).order(0, 300_000, 1_250_000, 0, 28, false);
            }
        });
        model.addAgent(Phase.VENDOR, vendor);
        model.addAgent(Phase.VENDOR, state -> {
            int t = model.step();
            if (t < started.length) {
                started[t] = model.ledger().started(0);
                finished[t] = model.ledger().finishedGoods(0);
                shipped[t] = model.ledger().shippedTotal(0);
                price[t] = model.status().priceUsd(0);
            }
        });
        model.run();
    }

    @Test
    void theRunStartsWithALeadTimeOfProductionInThePipeline() {
        assertEquals(26 * 22_000, startedBefore);
    }

    @Test
    void quotesComeFromTheScheduledCompletionsThenFromCapacity() {
        // 22000 complete in each of steps 0-25: 1000 ship in step 0 (day 0 + 7 days' shipping); 300000 once 14
        // steps' completions are in, step 13 (day 91 + 7); 700000 need 128000 beyond the 572000 scheduled, four
        // steps at 34497.6 a step after the 26: step 30 (day 210 + 7)
        assertArrayEquals(new int[] {7, 98, 217}, quotes);
    }

    @Test
    void startsTheForecastOverLeadAndSafetyPlusTheBacklogLessStockWithinCapacity() {
        // step 0: forecast 0.05 x 300000 + 0.95 x 22000 = 35900; target 35900 x (26 + 8) + 300000 = 1520600 against
        // 22000 finished and 25 x 22000 in process: far above the capacity, 150000 x 7 / 30.436875 = 34497.6
        assertEquals(26 * 22_000 + Math.round(150_000 * 7 / DPM), started[0]);
        // step 1: capacity (150000 + 7 / 183 x 50000) x 7 / 30.436875 = 34936.3
        assertEquals(started[0] + Math.round((150_000 + 7.0 / 183 * 50_000) * 7 / DPM), started[1]);
    }

    @Test
    void shipsWhatIsFinishedAndPricesTheBacklogLeft() {
        assertEquals(22_000, shipped[0]);
        assertEquals(0, finished[0]);
        assertEquals(44_000, shipped[1]);
        // step 0: 278000 owed over a forecast of 35900 a week: 7.74 of 12 weeks, 12500 x (1 + 0.08 x 7.74 / 12)
        assertEquals(12_500 * (1 + 0.08 * (278_000 / 35_900.0) / 12), price[0], 1e-6);
        // step 1: 256000 owed, forecast 0.95 x 35900 = 34105
        assertEquals(12_500 * (1 + 0.08 * (256_000 / 34_105.0) / 12), price[1], 1e-6);
    }

    @Test
    void atTheBanThePartOfTheStepBeforeItShipsProRataAndTheRestIsWrittenDown() throws Exception {
        // the baseline's ban on 2025-04-09, day 373, in step 53 (days 371-377): 2 of its 7 days come before it
        ScenarioPlan plan = plan();
        MarketModel banned = new MarketModel(plan.market(), Seeds.replicationSeed(17, 1), false);
        banned.addAgent(Phase.REGULATOR, new Regulator(banned, plan.controlRounds()));
        banned.addAgent(Phase.HYPERSCALERS, state -> {
            if (banned.step() == 0) {
                banned.exchange().buyer(0).order(0, 5_000_000, 1_250_000, 0, 28, false);
            }
        });
        banned.addAgent(Phase.VENDOR, new GpuVendor(banned, plan, 0));
        int steps = banned.calendar().steps();
        long[] startedBy = new long[steps];
        long[] shippedBy = new long[steps];
        long[] inProcess = new long[steps];
        banned.addAgent(Phase.VENDOR, state -> {
            int t = banned.step();
            startedBy[t] = banned.ledger().started(0);
            shippedBy[t] = banned.ledger().shippedTotal(0);
            inProcess[t] = banned.ledger().workInProcess(0) + banned.ledger().finishedGoods(0);
        });
        banned.run();
        // every step before the ban ships all it completes (the backlog is far larger); in step 53 the units
        // started in step 27 complete and 2/7 of them ship
        long completing = startedBy[27] - startedBy[26];
        long atBan = shippedBy[53] - shippedBy[52];
        assertEquals((long) Math.floor(2.0 / 7 * completing), atBan);
        assertEquals(shippedBy[53], shippedBy[steps - 1], "nothing ships after the ban");
        assertEquals(startedBy[53], startedBy[steps - 1], "nothing starts from the ban on");
        assertEquals(0, banned.ledger().backlog(0), "the backlog is cancelled");
        // written down at the unit cost, $5,000: what was in process or finished before the ban, less what shipped
        assertEquals((inProcess[52] - atBan) * 500_000, banned.ledger().writedownCents(banned.vendorSeller()));
    }

    @Test
    void inTheSequelItRedesignsAfterTheBanAndSellsWrittenDownStockElsewhere() throws Exception {
        // h20-2025-sequel's Nvidia, with the regulator and no buyers: a compliant RTX6000D is designed 14 weeks after
        // the ban's announcement; a tenth of the written-off H20 is sold elsewhere at list 12 weeks after the ban
        ScenarioPlan plan = plan("h20-2025-sequel");
        MarketModel sequel = new MarketModel(plan.market(), Seeds.replicationSeed(17, 2), false);
        sequel.addAgent(Phase.REGULATOR, new Regulator(sequel, plan.controlRounds()));
        sequel.addAgent(Phase.VENDOR, new GpuVendor(sequel, plan, 0));
        int steps = sequel.calendar().steps();
        long[] soldElsewhere = new long[steps];
        long[] writtenOff = new long[steps];
        sequel.addAgent(Phase.VENDOR, state -> {
            int t = sequel.step();
            soldElsewhere[t] = sequel.ledger().soldElsewhere(0);
            writtenOff[t] = sequel.ledger().writtenOffFinished(0);
        });
        sequel.run();
        // no orders at all: starts in the first three steps on sale, none once the four-week window is full
        // the ban announced on day 373: the redesigned part launches on day 373 + 98 = 471
        int rtx = java.util.stream.IntStream.range(0, sequel.products().size())
                .filter(p -> sequel.product(p).name().equals("RTX6000D"))
                .findFirst()
                .orElseThrow();
        assertEquals(471, sequel.events().lastDay(io.gpusim.core.market.EventKind.LAUNCH, rtx));
        // written down in step 53 (day 371), released on day 371 + 84 = 455, the first day of step 65
        assertEquals(0, soldElsewhere[64]);
        long released = soldElsewhere[65];
        assertTrue(released > 0);
        // a tenth of the written-off finished stock (the sale is booked apart from it)
        assertEquals((long) Math.floor(0.1 * writtenOff[64]), released);
        assertEquals(released, soldElsewhere[steps - 1], "once");
        assertEquals(
                released * 1_250_000,
                sequel.ledger().releaseCents(sequel.product(0).seller()));
    }

    /** Runs the sequel's Nvidia with the regulator; buyer 0 orders 1000 H20 in step 72. Returns shipped units by step. */
    private static long[] licensedOrder(MarketModel[] out, String assignment) throws Exception {
        ScenarioPlan plan = plan("h20-2025-sequel", assignment);
        MarketModel m = new MarketModel(plan.market(), Seeds.replicationSeed(17, 3), false);
        out[0] = m;
        m.addAgent(Phase.REGULATOR, new Regulator(m, plan.controlRounds()));
        m.addAgent(Phase.HYPERSCALERS, state -> {
            if (m.step() == 72) {
                m.exchange().buyer(0).order(0, 1000, 1_250_000, 72, 7 * 72 + 28, false);
            }
        });
        m.addAgent(Phase.VENDOR, new GpuVendor(m, plan, 0));
        long[] shipped = new long[m.calendar().steps()];
        m.addAgent(Phase.VENDOR, state -> shipped[m.step()] = m.ledger().shippedTotal(0));
        m.run();
        return shipped;
    }

    @Test
    void underLicencesAnOrderShipsOnceApprovedOrIsCancelledWhenDenied() throws Exception {
        // H20 licences from 2025-08-08 (day 494), 14 days to approve: the order of step 72 (day 504) is approved from
        // day 518, the first day of step 74, and ships then from the reinstated stock
        MarketModel[] m = new MarketModel[1];
        long[] shipped = licensedOrder(m, "regulator.licences[0].approvalDays=14");
        int order = m[0].ledger().orderCount() - 1;
        assertEquals(72, m[0].ledger().orderPlacedStep(order));
        io.gpusim.core.market.SellerView seller =
                m[0].exchange().seller(m[0].product(0).seller());
        assertFalse(seller.approved(order, 517));
        assertTrue(seller.approved(order, 518));
        assertEquals(shipped[71], shipped[73], "nothing ships before the approval");
        assertEquals(shipped[73] + 1000, shipped[74]);
        // every order denied: cancelled, nothing ships
        long[] denied = licensedOrder(m, "regulator.licences[0].denialProbability=1");
        int deniedOrder = m[0].ledger().orderCount() - 1;
        assertEquals(1000, m[0].ledger().orderCancelled(deniedOrder));
        assertEquals(0, m[0].ledger().orderShipped(deniedOrder));
        assertEquals(denied[71], denied[denied.length - 1]);
    }
}
