package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.BuyerView;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The domestic maker alone in a scripted market, step by step. The baseline's maker with a flat yield of 0.5 and
 * memory for 1000 units a week: its capacity is min(800 x 60 x 0.5 / 2, 1000) = 1000 units every weekly step.
 * Without a spread its Ascend-910C (product 1) launches a month (30 days) after 2024-10-01, on day 213 (step 30),
 * and its Ascend-950 (product 2) three months (91 days) after 2026-03-01, on day 790 (step 112).
 */
class DomesticMakerTest {
    /** 2024-04-01 to 2026-06-28 in weekly steps. */
    private static final int STEPS = 117;

    private static final int LAUNCH_STEP = 30;

    private MarketModel model;
    private DomesticMaker maker;
    /** Per product and step, after the maker: units started, in finished goods, shipped; buyer 0's stock. */
    private final long[][] started = new long[3][STEPS];

    private final long[][] finished = new long[3][STEPS];
    private final long[][] shipped = new long[3][STEPS];
    private final long[][] stock = new long[3][STEPS];
    /** Call-offs of product 1 by buyer 0, by step. */
    private final long[] callOffs = new long[STEPS];
    /** Quotes of product 1 for 1500, 2500 and 4001 units, asked in step 33 before the call-off. */
    private final int[] quotes = new int[3];

    /** Whether product 1 was on sale when buyers ordered, by step. */
    private final boolean[] onSaleToBuyers = new boolean[STEPS];

    @BeforeEach
    void market() throws Exception {
        market(new String[0]);
    }

    private void market(String... assignments) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025.yaml"))
                .with(java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(
                                        "domestic.yieldCurve=[{date: 2024-04-01, yield: 0.5}]",
                                        "domestic.hbmUnitsPerWeek=1000",
                                        "domestic.roadmap[0].delaySdMonths=0",
                                        "domestic.roadmap[1].delaySdMonths=0"),
                                java.util.Arrays.stream(assignments))
                        .map(a -> ScenarioOverride.parse(a, "set"))
                        .toList()));
        model = new MarketModel(plan.market(), Seeds.replicationSeed(7, 0), true);
        maker = new DomesticMaker(model, plan);
        BuyerView buyer = model.exchange().buyer(0);
        model.addAgent(Phase.HYPERSCALERS, state -> {
            int t = model.step();
            onSaleToBuyers[t] = model.status().launched(1);
            if (t == 33) {
                quotes[0] = model.status().quote(1).quoteDay(1500);
                quotes[1] = model.status().quote(1).quoteDay(2500);
                quotes[2] = model.status().quote(1).quoteDay(4001);
            }
            if (callOffs[t] > 0) {
                buyer.callOff(1, callOffs[t], 1_700_000, t, model.today() + 28);
            }
        });
        model.addAgent(Phase.DOMESTIC, maker);
        model.addAgent(Phase.DOMESTIC, state -> {
            int t = model.step();
            for (int p = 1; p <= 2; p++) {
                started[p][t] = model.ledger().started(p);
                finished[p][t] = model.ledger().finishedGoods(p);
                shipped[p][t] = model.ledger().shippedTotal(p);
                stock[p][t] = model.ledger().stock(0, p);
            }
        });
    }

    private static int day(int year, int month, int dayOfMonth) {
        return (int) ChronoUnit.DAYS.between(LocalDate.of(2024, 4, 1), LocalDate.of(year, month, dayOfMonth));
    }

    @Test
    void launchesOnTheDrawnDayAndBuildsTwoWeeksOfOutputAhead() {
        RunResult r = model.run();
        assertEquals(day(2024, 10, 1) + 30, maker.launchDay(0));
        assertEquals(day(2026, 3, 1) + 91, maker.launchDay(1));
        assertEquals(
                maker.launchDay(0),
                model.events().all().stream()
                        .filter(e -> e.kind() == EventKind.LAUNCH && e.product() == 1)
                        .mapToInt(MarketEvent::day)
                        .findFirst()
                        .orElseThrow());
        // nothing before the launch; then a full step's capacity twice, to the buffer of two weeks' output
        assertEquals(0, started[1][LAUNCH_STEP - 1]);
        assertEquals(1000, started[1][LAUNCH_STEP]);
        assertEquals(2000, started[1][LAUNCH_STEP + 1]);
        assertEquals(2000, started[1][LAUNCH_STEP + 2]);
        assertEquals(2000, finished[1][LAUNCH_STEP + 2]);
        double[] capacity = r.series(Series.DOMESTIC_CAPACITY);
        assertEquals(0, capacity[LAUNCH_STEP - 1], "no report before the launch");
        assertEquals(1000, capacity[LAUNCH_STEP]);
        assertEquals(STEPS, capacity.length);
        assertEquals(1000, capacity[STEPS - 1]);
    }

    @Test
    void buildsOlderProductsToTheirBacklogOnlyAndTheNewestToItsBuffer() {
        callOffs[114] = 2500;
        model.run();
        int launch = 112;
        assertEquals(0, started[2][launch - 1]);
        // the Ascend-950 takes the capacity from its launch, to its buffer; the 910C, held at 2000, makes nothing
        assertEquals(1000, started[2][launch]);
        assertEquals(2000, started[2][launch + 1]);
        assertEquals(started[1][launch - 1], started[1][launch + 1]);
        // step 114: 2500 of the 910C owed, 2000 held: 500 more, no buffer, and all of it shipped
        assertEquals(started[1][launch + 1] + 500, started[1][114]);
        assertEquals(0, finished[1][114]);
        assertEquals(0, finished[1][STEPS - 1], "no buffer of an older product");
        assertEquals(2000, finished[2][STEPS - 1]);
        assertEquals(2500, stock[1][115]);
    }

    @Test
    void buildsToTheBacklogPlusItsBufferAndShipsTheBacklog() {
        callOffs[33] = 2500;
        model.run();
        // step 33: 2500 owed, 2000 held: it makes a full 1000 and ships the 2500, leaving 500
        assertEquals(3000, started[1][33]);
        assertEquals(500, finished[1][33]);
        assertEquals(2500, shipped[1][33]);
        // step 34: back towards 2000 held at 1000 a step: 1000, then the missing 500
        assertEquals(1500, finished[1][34]);
        assertEquals(2000, finished[1][35]);
        assertEquals(4500, started[1][35]);
        assertEquals(2000, finished[1][STEPS - 1]);
        // the shipment arrives after the week's shipping time
        assertEquals(0, stock[1][33]);
        assertEquals(2500, stock[1][34]);
    }

    @Test
    void quotesTheStepItsCapacityCoversTheBacklogPlusTheShippingWeek() {
        model.run();
        // step 33 begins on day 231 with 2000 held and nothing owed; at 1000 a step:
        // 1500 units ship this step (day 231 + 7), 2500 need one more step (238 + 7), 4001 three (252 + 7)
        assertArrayEquals(new int[] {238, 245, 259}, quotes);
    }

    @Test
    void aProductDueOnTheFirstDayIsOnSaleBeforeTheFirstStep() throws Exception {
        market("products[1].firstAvailable=2024-04-01", "domestic.roadmap[0].delayMeanMonths=0");
        model.run();
        assertEquals(0, maker.launchDay(0));
        assertTrue(onSaleToBuyers[0], "buyers can call it off in step 0");
        assertEquals(1000, started[1][0]);
    }

    @Test
    void aProductDueOnAStepsFirstDayLaunchesInThatStepNotTheOneBefore() throws Exception {
        // 2024-11-04 is day 217, the first day of step 31
        market("products[1].firstAvailable=2024-11-04", "domestic.roadmap[0].delayMeanMonths=0");
        model.run();
        assertEquals(217, maker.launchDay(0));
        assertEquals(0, started[1][30]);
        assertEquals(1000, started[1][31]);
        assertFalse(onSaleToBuyers[31], "launched after the buyers' turn in its step");
        assertTrue(onSaleToBuyers[32]);
    }
}
