package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.Order;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What each agent does is visible in a run's outputs, on values worked out from the scenario file: the domestic
 * maker's capacity and launches, the vendor's scarcity price, the hyperscalers' budgets.
 */
class AgentOutputsTest {
    private static final Path BASELINE = Path.of("..", "scenarios", "h20-2025.yaml");
    private static final LocalDate START = LocalDate.of(2024, 4, 1);

    private static Scenario baseline(String... assignments) throws Exception {
        return ScenarioTemplate.load(BASELINE)
                .with(Arrays.stream(assignments)
                        .map(a -> ScenarioOverride.parse(a, "set"))
                        .toList());
    }

    private static int day(int year, int month, int dayOfMonth) {
        return (int) ChronoUnit.DAYS.between(START, LocalDate.of(year, month, dayOfMonth));
    }

    @Test
    void domesticCapacityFollowsTheYieldCurveDiesPerWaferAndMemory() throws Exception {
        // h20-2025.yaml: 800 wafers a week, 60 dies per wafer, 2 dies per unit, HBM for 11500 units a week, no
        // growth; yield 0.20 on 2024-09-01, 0.40 on 2025-02-01, 0.60 on 2026-06-01, linear between, flat outside.
        // A weekly step's capacity is the lesser of 800 x 60 x yield / 2 = 24000 x yield and 11500, taken on the
        // step's first day; the maker reports it (rounded down) from the first launch of its roadmap.
        RunResult r = Simulation.run(baseline(), Seeds.replicationSeed(4, 0), true);
        double[] capacity = r.series(Series.DOMESTIC_CAPACITY);
        double[] x = {day(2024, 9, 1), day(2025, 2, 1), day(2026, 6, 1)};
        double[] y = {0.20, 0.40, 0.60};
        int reported = 0;
        for (int t = 0; t < capacity.length; t++) {
            if (capacity[t] == 0) {
                assertEquals(0, reported, "no gap once the maker reports, step " + t);
                continue;
            }
            int d = 7 * t;
            double yield = d <= x[0]
                    ? y[0]
                    : d >= x[2]
                            ? y[2]
                            : d <= x[1]
                                    ? y[0] + (d - x[0]) / (x[1] - x[0]) * (y[1] - y[0])
                                    : y[1] + (d - x[1]) / (x[2] - x[1]) * (y[2] - y[1]);
            assertEquals(Math.floor(Math.min(24_000 * yield, 11_500)), capacity[t], 1e-9, "step " + t);
            reported++;
        }
        assertTrue(reported > 50, "the maker reports for most of the run: " + reported);
        assertEquals(11_500, capacity[capacity.length - 1], "memory binds at the end");
    }

    @Test
    void productsLaunchOnceOnTheirDayAndNothingIsOrderedBefore() throws Exception {
        // Without a spread the roadmap's launches fall their mean delay after the product's first day:
        // Ascend-910C (2024-10-01) one month, 30.436875 days, late; Ascend-950 (2026-03-01) three months.
        Scenario s = baseline("domestic.roadmap[0].delaySdMonths=0", "domestic.roadmap[1].delaySdMonths=0");
        MarketModel model = Simulation.build(s, Seeds.replicationSeed(4, 1), false);
        model.run();
        int[] expected = {0, day(2024, 10, 1) + 30, day(2026, 3, 1) + 91};
        for (int p = 0; p < 3; p++) {
            int product = p;
            List<MarketEvent> launches = model.events().all().stream()
                    .filter(e -> e.kind() == EventKind.LAUNCH && e.product() == product)
                    .toList();
            assertEquals(1, launches.size(), "one launch of product " + p);
            assertEquals(expected[p], launches.get(0).day(), "launch day of product " + p);
            assertTrue(model.status().launched(p));
            int stepOfLaunch = expected[p] / 7;
            for (Order o : model.ledger().orders()) {
                if (o.product() == p) {
                    assertTrue(o.placedStep() >= stepOfLaunch, "order " + o + " before the launch");
                }
            }
        }
        assertTrue(
                model.ledger().orders().stream().anyMatch(o -> o.product() == 1),
                "the launched domestic product is bought");
    }

    @Test
    void theDomesticMakerBuildsWithinCapacityAndShips() throws Exception {
        MarketModel model = Simulation.build(baseline(), Seeds.replicationSeed(4, 2), true);
        long[] made = new long[model.calendar().steps()];
        long[] startedBefore = new long[1];
        // runs after every other agent of the step, the domestic maker included
        model.addAgent(Phase.DOMESTIC, state -> {
            long started = model.ledger().started(1) + model.ledger().started(2);
            made[model.step()] = started - startedBefore[0];
            startedBefore[0] = started;
        });
        RunResult r = model.run();
        double[] capacity = r.series(Series.DOMESTIC_CAPACITY);
        long total = 0;
        for (int t = 0; t < made.length; t++) {
            assertTrue(made[t] <= capacity[t], "step " + t + ": made " + made[t] + " of " + capacity[t]);
            total += made[t];
        }
        assertTrue(total > 0, "the maker builds");
        double[] shipments = r.series(Series.DOMESTIC_SHIPMENTS);
        assertTrue(r.get(Metric.DOMESTIC_UNITS_SHIPPED) > 0);
        assertEquals(Arrays.stream(shipments).sum(), r.get(Metric.DOMESTIC_UNITS_SHIPPED), 1e-9);
        assertTrue(r.get(Metric.DOMESTIC_UNITS_SHIPPED) <= total, "ships only what it built");
        assertEquals(
                model.ledger().receivedCents(model.domesticSeller()) / 100.0, r.get(Metric.DOMESTIC_REVENUE_USD), 1e-6);
        assertTrue(r.get(Metric.DOMESTIC_REVENUE_USD) > 0);
    }

    @Test
    void theVendorPricesAtListWithoutBacklogAndAboveWithIt() throws Exception {
        // scarcityPrice: list x (1 + markup x min(1, backlog weeks / scarcityBacklogWeeks)): exactly the list
        // price ($12,500) when nothing is on order, above it otherwise, never above list x (1 + markup).
        MarketModel model = Simulation.build(baseline(), Seeds.replicationSeed(4, 3), true);
        RunResult r = model.run();
        double[] price = r.series(Series.VENDOR_PRICE);
        double[] backlog = r.series(Series.VENDOR_BACKLOG);
        double cap = 12_500 * (1 + model.params().vendors().get(0).scarcityMarkupMax());
        int banStep = (int) r.get(Metric.BAN_DAY) / 7;
        int above = 0;
        for (int t = 0; t < banStep; t++) {
            if (backlog[t] == 0) {
                assertEquals(12_500, price[t], 1e-9, "step " + t);
            } else {
                assertTrue(price[t] > 12_500 && price[t] <= cap + 1e-9, "step " + t + ": " + price[t]);
                above++;
            }
        }
        assertTrue(above > 0, "the rush builds a backlog");
    }

    @Test
    void aBindingBudgetCapsEveryBuyersSpendingOverAYear() throws Exception {
        // $2M a year buys 160 H20 at list price: far below any hyperscaler's demand, so every one of them spends
        // its budget and no more in the first 52 weekly steps (spending counts at the price paid, within a rolling
        // year of steps).
        double budget = 2e6;
        Scenario s = baseline(
                "hyperscalers[0].budgetUsdPerYear=2e6",
                "hyperscalers[1].budgetUsdPerYear=2e6",
                "hyperscalers[2].budgetUsdPerYear=2e6",
                "hyperscalers[3].budgetUsdPerYear=2e6");
        MarketModel model = Simulation.build(s, Seeds.replicationSeed(4, 4), false);
        model.run();
        double[] spent = new double[4];
        for (Order o : model.ledger().orders()) {
            if (o.placedStep() < 52) {
                spent[o.buyer()] += o.quantity() * o.priceCents() / 100.0;
            }
        }
        for (int b = 0; b < 4; b++) {
            // order prices are rounded to the cent: up to half a cent a unit above the spending the budget counts
            assertTrue(spent[b] <= budget + 1, "buyer " + b + " spent " + spent[b]);
            // what is left is less than one unit of the dearest product ($20,000 list, plus any markup)
            assertTrue(spent[b] > budget - 30_000, "buyer " + b + " spent only " + spent[b]);
        }
    }
}
