package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.Phase;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.Exchange;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.Order;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.ScenarioOverride;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Buyer 0 (ByteDance) of h20-2025-sequel.yaml alone in a market the test scripts: no vendor, maker or regulator. In
 * step 0 the script launches the products on sale at its prices (each quoting delivery a week ahead) and ships the
 * units the buyer is to hold, which arrive at the start of step 1; the buyer acts from step 1. Its demand is a flat
 * 5700 H20-equivalents a week without noise; domestic parts carry no software discount; it holds no anticipatory
 * stock; one week of working stock, one of review and one of shipping (every seller ships in a week), so its
 * working level is 3 weeks of its share of demand. Products: H20 (0, performance 1.0), Ascend-910C (1, set to 0.5),
 * Ascend-950 (2, set to 1.0), MI308 (3, set to 0.5), RTX6000D (4); the foreign ones in the order H20, RTX6000D,
 * MI308. The logit's slope is set to 1, so a product's weight is the cheapest cost over its own.
 */
class HyperscalerScriptedTest {
    private static final int H20 = 0;
    private static final int ASCEND_910C = 1;
    private static final int ASCEND_950 = 2;
    private static final int MI308 = 3;

    private static final long SEED = Seeds.replicationSeed(5, 0);

    private static final String[] QUIET = {
        "hyperscalers[0].demandNoiseSd=0",
        "hyperscalers[0].demandLevelSd=0",
        "hyperscalers[0].sensitivitySd=0",
        "hyperscalers[0].demandGrowthPerYear=0",
        "hyperscalers[0].domesticSoftwareDiscount=1",
        "hyperscalers[0].anticipation=false",
        "hyperscalers[0].switchingSensitivity=1",
        "products[1].relativePerformance=0.5",
        "products[2].relativePerformance=1.0",
        "products[3].relativePerformance=0.5"
    };

    /** The scripted market and what buyer 0 did in it. */
    private static final class Market {
        final ScenarioPlan plan;
        final MarketModel model;
        private final Map<Integer, Double> onSale = new LinkedHashMap<>();
        private final Map<Integer, Long> held = new LinkedHashMap<>();
        private int scriptStep = -1;
        private Consumer<Exchange> script = exchange -> {};
        private int quoteDays = 7;
        /** Units of each product buyer 0 put into service by the end of each step. */
        private long[][] deployed;

        /**
         * Units of each product buyer 0 had ordered by the end of its turn in each step (a call-off may top up an
         * order placed in an earlier step).
         */
        private long[][] ordered;

        private RunResult result;

        Market(String... assignments) throws Exception {
            plan = ScenarioPlan.of(ScenarioTemplate.load(Path.of("..", "scenarios", "h20-2025-sequel.yaml"))
                    .with(Stream.concat(Arrays.stream(QUIET), Arrays.stream(assignments))
                            .map(a -> ScenarioOverride.parse(a, "set"))
                            .toList()));
            model = new MarketModel(plan.market(), SEED, true);
        }

        /** Puts a product on sale in step 0 at a price. */
        Market sell(int product, double priceUsd) {
            onSale.put(product, priceUsd);
            return this;
        }

        /** Units of a product the buyer holds in stock from step 1. */
        Market hold(int product, long units) {
            held.put(product, units);
            return this;
        }

        /** The same number of units of each of some products held from step 1. */
        Market holdEach(long units, int... products) {
            for (int p : products) {
                hold(p, units);
            }
            return this;
        }

        /** What else happens in a step from step 1 on, before the buyer's turn (import rules, news). */
        Market at(int step, Consumer<Exchange> script) {
            this.scriptStep = step;
            this.script = script;
            return this;
        }

        /** The products on sale quote delivery this many days ahead. */
        Market quoteDays(int days) {
            this.quoteDays = days;
            return this;
        }

        Market run() {
            model.addAgent(Phase.IMPORTER, state -> {
                if (model.step() == 0) {
                    onSale.forEach((p, usd) -> {
                        SellerView seller = seller(p);
                        seller.launch(p, 0, "on sale");
                        seller.setPrice(p, usd);
                        seller.setQuote(p, units -> model.today() + quoteDays);
                    });
                    held.forEach((p, units) -> {
                        int order = model.exchange().buyer(0).order(p, units, 100, 0, 0, false);
                        SellerView seller = seller(p);
                        seller.startProduction(p, units);
                        seller.completeProduction(p, units);
                        seller.ship(order, units, Arrival.at(1));
                    });
                } else if (model.step() == scriptStep) {
                    script.accept(model.exchange());
                }
            });
            Hyperscaler buyer = new Hyperscaler(model, plan, 0);
            model.addAgent(Phase.HYPERSCALERS, state -> {
                if (model.step() > 0) {
                    buyer.step(state);
                }
            });
            int products = model.products().size();
            deployed = new long[model.calendar().steps()][products];
            ordered = new long[model.calendar().steps()][products];
            model.addAgent(Phase.VENDOR, state -> {
                int t = model.step();
                for (int p = 0; p < products; p++) {
                    deployed[t][p] = model.ledger().deployed(0, p);
                }
                for (Order o : model.ledger().orders()) {
                    if (o.buyer() == 0) {
                        ordered[t][o.product()] += o.quantity();
                    }
                }
            });
            result = model.run();
            return this;
        }

        private SellerView seller(int product) {
            return model.exchange().seller(model.ledger().sellerOf(product));
        }

        /** Units of a product put into service in a step. */
        long deployed(int step, int product) {
            return deployed[step][product] - deployed[step - 1][product];
        }

        /** Units of each of some products put into service in a step. */
        long[] deployedEach(int step, int... products) {
            return Arrays.stream(products).mapToLong(p -> deployed(step, p)).toArray();
        }

        /** Units of each of some products the buyer ordered in a step. */
        long[] orderedEach(int step, int... products) {
            return Arrays.stream(products).mapToLong(p -> ordered(step, p)).toArray();
        }

        double unmet(int step) {
            return series(Series.UNMET_DEMAND)[step];
        }

        double[] series(Series series) {
            return result.series(series);
        }

        /** Units of a product the buyer ordered in a step (0 when none). */
        long ordered(int step, int product) {
            return ordered[step][product] - ordered[step - 1][product];
        }

        /** The orders for a product placed in a step (a later call-off may have topped one up). */
        List<Order> orders(int step, int product) {
            return model.ledger().orders().stream()
                    .filter(o -> o.buyer() == 0 && o.placedStep() == step && o.product() == product)
                    .toList();
        }
    }

    @Test
    void itServesItsDomesticShareFromTheNewestDomesticStockFirstThenTheForeignThenOlderDomesticStock()
            throws Exception {
        // the H20 and the Ascend-950 both cost $10,000 per unit of compute: a domestic share of 1 / (1 + 1) = 0.5.
        // Held: 1000 H20, 1000 950 and 10000 910C (not on sale). Of the 5700 demanded, the domestic 2850 come from
        // the 950 (1000 units) and then the 910C (1850 / 0.5 = 3700 units); the foreign 2850 from the H20, which
        // has 1000; the 1850 left again from domestic stock: the 950 is empty, the 910C gives 3700 more.
        Market m = new Market()
                .sell(H20, 10_000)
                .sell(ASCEND_950, 10_000)
                .holdEach(1000, H20, ASCEND_950)
                .hold(ASCEND_910C, 10_000)
                .run();
        assertArrayEquals(new long[] {1000, 1000, 7400}, m.deployedEach(1, H20, ASCEND_950, ASCEND_910C));
        assertEquals(0.0, m.unmet(1));
        // orders: the H20 to its working level, 3 x 2850, holding none; the 950 to 3 x 2850 of compute less the
        // 2600 910C left (1300 of compute), in 950 units, as a call-off wanted four weeks ahead
        assertArrayEquals(new long[] {8550, 8550 - 1300, 0}, m.orderedEach(1, H20, ASCEND_950, ASCEND_910C));
        Order call = m.orders(1, ASCEND_950).get(0);
        assertEquals(1_000_000, call.priceCents());
        assertEquals(7 + 28, call.requestedByDay());
        assertFalse(call.rush());
    }

    @Test
    void withNoDomesticPartOnSaleItBuysForeignAndDrawsDomesticStockOnlyForTheRest() throws Exception {
        // domestic share 0: the 5700 go to the H20, which has 1000; the 4700 left are served from the 2000 910C
        // held (1000 of compute); 3700 stay unmet. Nothing domestic is ordered.
        Market m = new Market()
                .sell(H20, 10_000)
                .hold(H20, 1000)
                .hold(ASCEND_910C, 2000)
                .run();
        assertArrayEquals(new long[] {1000, 2000}, m.deployedEach(1, H20, ASCEND_910C));
        assertEquals(3700.0, m.unmet(1));
        assertArrayEquals(new long[] {3 * 5700, 0, 0}, m.orderedEach(1, H20, ASCEND_910C, ASCEND_950));
        // the next step it holds nothing: all 5700 unmet
        assertEquals(5700.0, m.unmet(2));
    }

    @Test
    void foreignStockItCannotBuyServesWhatTheOpenProductsLeaveBeforeDomesticStockAgain() throws Exception {
        // the MI308 ($5,000 / 0.5) and the 950 ($10,000 / 1.0) cost the same: shares 0.5 and 0.5; the H20 is not
        // on sale but 10000 are held. The 950 serves 2850; the MI308 should serve 2850 but has 2000 units (1000);
        // the H20 serves the 1850 left before the 950 is drawn again.
        Market m = new Market()
                .sell(MI308, 5000)
                .sell(ASCEND_950, 10_000)
                .hold(H20, 10_000)
                .hold(MI308, 2000)
                .hold(ASCEND_950, 10_000)
                .run();
        assertArrayEquals(new long[] {2850, 2000, 1850}, m.deployedEach(1, ASCEND_950, MI308, H20));
        assertEquals(0.0, m.unmet(1));
        // no order for the H20; the MI308 to 3 x 2850 / 0.5 units
        assertArrayEquals(new long[] {0, 3 * 2850 * 2}, m.orderedEach(1, H20, MI308));
    }

    /**
     * The run of a market with both foreign products and a domestic part on sale, 3000 units of each foreign product
     * and some of the domestic part held, and an import rule from step 1.
     */
    private static Market withDomestic(int domestic, double priceUsd, long held, Consumer<Exchange> rule)
            throws Exception {
        return bothForeign()
                .sell(domestic, priceUsd)
                .holdEach(3000, H20, MI308)
                .hold(domestic, held)
                .at(1, rule)
                .run();
    }

    /** Units of the H20, the MI308 and a domestic part the buyer put into service, and then ordered, in step 1. */
    private static void assertStepOne(Market m, int domestic, long[] deployed, long[] ordered) {
        assertArrayEquals(deployed, m.deployedEach(1, H20, MI308, domestic));
        assertArrayEquals(ordered, m.orderedEach(1, H20, MI308, domestic));
    }

    /** A market with the H20 and the MI308 on sale at $10,000: $10,000 and $20,000 per unit of compute. */
    private static Market bothForeign(String... assignments) throws Exception {
        return new Market(assignments).sell(H20, 10_000).sell(MI308, 10_000);
    }

    @Test
    void twoForeignProductsSplitTheForeignPartByCost() throws Exception {
        // costs per unit of compute: H20 $10,000, MI308 $20,000, 950 $10,000. With slope 1 the weights are 1,
        // 1/2 and 1: domestic 1 / 2.5 = 0.4, H20 0.4, MI308 0.2. Of 5700: 2280 each from the 950 and the H20,
        // 1140 from the MI308 (2280 units).
        Market m = bothForeign()
                .sell(ASCEND_950, 10_000)
                .holdEach(3000, H20, MI308, ASCEND_950)
                .run();
        // working levels: H20 3 x 2280 = 6840, MI308 3 x 1140 / 0.5 = 6840, 950 3 x 2280 = 6840 units, each less
        // the 720 left
        assertStepOne(m, ASCEND_950, new long[] {2280, 2280, 2280}, new long[] {6120, 6120, 6120});
        // each foreign order goes to its own seller as one regular order
        assertEquals(1, m.orders(1, H20).size());
        assertEquals(1, m.orders(1, MI308).size());
        assertNotEquals(m.model.ledger().sellerOf(H20), m.model.ledger().sellerOf(MI308));
    }

    @Test
    void aProcurementMandateScalesTheForeignSharesDownToWhatItLeaves() throws Exception {
        // the split of the test above (domestic 0.4, H20 0.4, MI308 0.2) under a mandate of 0.8: the foreign shares
        // are scaled by 0.2 / 0.6, to 0.4 / 3 and 0.2 / 3. Of 5700: 4560 from the 950; 760 from the H20; 380
        // from the MI308 (760 units)
        Market m = withDomestic(
                ASCEND_950, 10_000, 6000, exchange -> exchange.importer().mandate(0, 0.8));
        // working levels: H20 3 x 760 = 2280 and MI308 3 x 380 / 0.5 = 2280 units, each less the 2240 left; the 950
        // 3 x 4560 = 13680 less the 1440 left
        assertStepOne(m, ASCEND_950, new long[] {760, 760, 4560}, new long[] {40, 40, 12_240});
    }

    @Test
    void aPartialBlockMovesTheBlockedPartOfAProductsShareToTheDomesticPart() throws Exception {
        // the split of domestic 0.4 (now the 910C at $5,000 / 0.5), H20 0.4, MI308 0.2, then half the H20's
        // demand blocked: domestic 0.6, H20 0.2, MI308 0.2. Of 5700: 3420 from the 910C (6840 units), 1140 each
        // from the H20 (1140 units) and the MI308 (2280 units)
        Market m = withDomestic(
                ASCEND_910C, 5000, 12_000, exchange -> exchange.importer().block(H20, 0.5));
        // working levels: H20 3 x 1140 = 3420 less 1860 left; MI308 3 x 1140 / 0.5 = 6840 less 720; 910C 3 x 3420
        // of compute, 20520 units, less the 5160 left
        assertStepOne(m, ASCEND_910C, new long[] {1140, 2280, 6840}, new long[] {1560, 6120, 15_360});
    }

    @Test
    void withoutADomesticPartABlockOrAShadowCostOnlyMovesDemandBetweenForeignProducts() throws Exception {
        // nothing domestic on sale; the H20 at $10,000 with a shadow cost of its whole price costs $20,000 per unit
        // of compute, as the MI308 ($10,000 / 0.5): half each. Half the H20's demand is blocked, but with no
        // domestic part to take it the H20 keeps its half. Nothing held: working levels 3 x 2850 H20 and
        // 3 x 2850 / 0.5 MI308.
        Market m = bothForeign()
                .at(1, exchange -> {
                    exchange.importer().discourage(H20, 1.0);
                    exchange.importer().block(H20, 0.5);
                })
                .run();
        assertArrayEquals(new long[] {8550, 17_100}, m.orderedEach(1, H20, MI308));
        assertEquals(5700.0, m.unmet(1));
    }

    @Test
    void onceNoForeignProductIsOpenItsStockServesInTheOrderOfTheForeignProducts() throws Exception {
        // nothing domestic on sale; H20 $10,000 and MI308 $20,000 per unit of compute: shares 2/3 and 1/3, so in
        // step 1 the H20 serves 3800 and the MI308 1900 (3800 units). In step 2 customs block both outright:
        // the H20, first of the foreign products, serves all 5700 from its stock.
        Market m = bothForeign()
                .holdEach(20_000, H20, MI308)
                .at(
                        2,
                        exchange -> Stream.of(H20, MI308)
                                .forEach(p -> exchange.importer().block(p, 0.0)))
                .run();
        assertArrayEquals(new long[] {3800, 3800}, m.deployedEach(1, H20, MI308));
        assertArrayEquals(new long[] {5700, 0}, m.deployedEach(2, H20, MI308));
        assertEquals(0.0, m.unmet(2));
    }

    @Test
    void aMatchingRuleAddsDomesticUnitsForEveryForeignProductsOrder() throws Exception {
        // the split and holdings of twoForeignProductsSplitTheForeignPartByCost, with one more H20 held: 6119 H20
        // and 6120 MI308 ordered; half a domestic unit each, rounded up per product: 3060 + 3060 on top of the
        // 950's 6120
        Market m = bothForeign()
                .sell(ASCEND_950, 10_000)
                .hold(H20, 3001)
                .holdEach(3000, MI308, ASCEND_950)
                .at(1, exchange -> exchange.importer().requireMatching(0.5))
                .run();
        assertArrayEquals(new long[] {6119, 6120, 6120 + 3060 + 3060}, m.orderedEach(1, H20, MI308, ASCEND_950));
    }

    @Test
    void domesticCallOffsSpendTheSameYearlyBudget() throws Exception {
        // only the 950 on sale, at $10,000: its working level is 3 x 5700 units, but $100M buys 10000; the next
        // step the 7100 still wanted are over the budget, spent within the last year
        Market m = new Market().sell(ASCEND_950, 10_000).run();
        assertEquals(3 * 5700, m.ordered(1, ASCEND_950));
        Market poor = new Market("hyperscalers[0].budgetUsdPerYear=1e8")
                .sell(ASCEND_950, 10_000)
                .run();
        assertEquals(10_000, poor.ordered(1, ASCEND_950));
        assertEquals(0, poor.ordered(2, ASCEND_950));
        // foreign orders come first: with the H20 and the 950 at equal cost (half each) and $100M, 3 x 2850 H20 cost
        // $85.5M and leave $14.5M, 1450 950 units
        Market shared = new Market("hyperscalers[0].budgetUsdPerYear=1e8")
                .sell(H20, 10_000)
                .sell(ASCEND_950, 10_000)
                .run();
        assertEquals(8550, shared.ordered(1, H20));
        assertEquals(1450, shared.ordered(1, ASCEND_950));
    }

    @Test
    void aDomesticPartAtTheBarDueSoonBoundsTheCoverItRushes() throws Exception {
        // with anticipation: the 910C (set to 1.0) meets a bar of 1.0 exactly; it is not on sale, due on day 7
        // (2024-04-08) plus a slip of 0.2 months, without a ramp: in step 1 (day 7) a gap of 0.2 months, below the
        // cover 12 x p x 0.6 / 0.5 (0.285 months at the prior hazard 0.02). The 950 (set to 0.5) is on sale at
        // $5,000, as the MI308: domestic share 0.5, MI308 0.5. The cover of the MI308 is 0.2 months of its share of
        // weekly demand in MI308 units: 0.2 x 5700 x 0.5 x WEEKS_PER_MONTH / 0.5.
        Market m = new Market(
                        "hyperscalers[0].anticipation=true",
                        "hyperscalers[0].adequatePerformance=1.0",
                        "hyperscalers[0].substituteRampMonths=0",
                        "products[1].relativePerformance=1.0",
                        "products[2].relativePerformance=0.5",
                        "products[1].firstAvailable=2024-04-08",
                        "domestic.roadmap[0].delayMeanMonths=0.2")
                .sell(MI308, 5000)
                .sell(ASCEND_950, 5000)
                .hold(ASCEND_950, 5700)
                .hold(MI308, 22_800)
                .quoteDays(400)
                .run();
        double cover = 0.2 * 5700 * 0.5 * Calendar.WEEKS_PER_MONTH / 0.5;
        assertEquals(cover, m.series(Series.ANTICIPATORY_TARGET)[1], 1e-6);
        // the 950 serves 2850 (5700 units), the MI308 2850 (5700 units): 17100 MI308 are left, its working level
        // 3 x 2850 / 0.5; so all it orders is the cover, as a rush order. The seller quotes day 407; the buyer
        // expects the ban a year (the horizon, 365 days) after day 7 and wants it by then.
        assertEquals(5700, m.deployed(1, MI308));
        List<Order> orders = m.orders(1, MI308);
        assertEquals(1, orders.size());
        assertTrue(orders.get(0).rush());
        assertEquals(Math.round(cover), orders.get(0).quantity());
        assertEquals(7 + 365, orders.get(0).requestedByDay());
        // the 950 to 3 x 2850 of compute, in 950 units, holding none
        assertEquals(17_100, m.ordered(1, ASCEND_950));
    }

    @Test
    void itsDemandIsTheTrendTimesMeanOneLogNormalNoise() throws Exception {
        // weekly noise of sd 0.2 at weekly steps: demand = 5700 x exp(0.2 z - 0.2^2 / 2) for the step's standard
        // normal draw z from the replication's stream: the buyer's two draws at construction (level and
        // sensitivity) come first, then one a step from step 1 (nothing else draws in this market)
        Market m = new Market("hyperscalers[0].demandNoiseSd=0.2").run();
        MarketModel twin = new MarketModel(m.plan.market(), SEED, false);
        twin.nextGaussian();
        twin.nextGaussian();
        double[] demand = m.series(Series.DEMAND);
        for (int t = 1; t <= 3; t++) {
            double z = twin.nextGaussian();
            assertEquals(5700 * Math.exp(0.2 * z - 0.02), demand[t], 1e-9, "step " + t);
        }
    }

    @Test
    void itsDemandLevelAndBeliefSensitivityAreDrawnOnceInThatOrder() throws Exception {
        // level sd 0.1 and sensitivity sd 0.25: level exp(0.1 z0), sensitivity 1 x exp(0.25 z1) for the
        // replication's first two draws. A control round published on day 7 weighs 0.5 when the buyer sees it
        // that day: hazard 0.02 + sensitivity x 0.5.
        Market m = new Market("hyperscalers[0].demandLevelSd=0.1", "hyperscalers[0].sensitivitySd=0.25")
                .at(1, exchange -> {
                    exchange.regulator().publish(new MarketEvent(7, EventKind.CONTROL_ROUND, -1, "round"));
                })
                .run();
        MarketModel twin = new MarketModel(m.plan.market(), SEED, false);
        double z0 = twin.nextGaussian();
        double z1 = twin.nextGaussian();
        assertEquals(5700 * Math.exp(0.1 * z0), m.series(Series.DEMAND)[1], 1e-9);
        assertEquals(0.02 + Math.exp(0.25 * z1) * 0.5, m.series(Series.MEAN_HAZARD)[1], 1e-12);
    }

    @Test
    void aThreeDayStepSeesThreeSeventhsOfAWeeksDemandAndOrdersToTheSameWeeklyLevel() throws Exception {
        // step 1 starts on day 3: 5700 x 3 / 7 demanded, all unmet; the working level is still 3 weeks of demand,
        // wanted no sooner than the four weeks' minimum lead
        Market m = new Market("simulation.stepDays=3").sell(H20, 10_000).run();
        assertEquals(5700 * 3 / 7.0, m.series(Series.DEMAND)[1], 1e-9);
        assertEquals(5700 * 3 / 7.0, m.unmet(1), 1e-9);
        assertEquals(3 * 5700, m.ordered(1, H20));
        assertEquals(3 + 28, m.orders(1, H20).get(0).requestedByDay());
    }

    /** The first two products swapped, so that the Ascend-910C (set to 0.5) is product 0 and the H20 product 1. */
    private static final String[] DOMESTIC_FIRST = {
        "products[0].name=Ascend-910C",
        "products[0].maker=Huawei",
        "products[0].relativePerformance=0.5",
        "products[0].memoryBandwidthTBps=3.2",
        "products[0].interconnectGBps=392",
        "products[0].tpp=12800",
        "products[0].unitPriceUsd=17000",
        "products[0].unitCostUsd=8000",
        "products[0].firstAvailable=2024-10-01",
        "products[1].name=H20",
        "products[1].maker=Nvidia",
        "products[1].relativePerformance=1.0",
        "products[1].memoryBandwidthTBps=4.0",
        "products[1].interconnectGBps=900",
        "products[1].tpp=2368",
        "products[1].unitPriceUsd=12500",
        "products[1].unitCostUsd=5000",
        "products[1].firstAvailable=2024-04-01"
    };

    @Test
    void aDomesticPartListedFirstIsChosenBlockedIntoAndMandatedAsAnyOther() throws Exception {
        // the 910C (product 0) at $5,000 / 0.5 and the H20 (product 1) at $10,000 / 1.0 cost the same: half each;
        // half the H20's demand blocked moves a quarter to the 910C. Nothing held: working levels 3 x 5700 x 0.25
        // H20 and 3 x 5700 x 0.75 / 0.5 910C.
        int ascend = 0;
        int h20 = 1;
        Market blocked = new Market(DOMESTIC_FIRST)
                .sell(ascend, 5000)
                .sell(h20, 10_000)
                .at(1, exchange -> {
                    exchange.importer().block(h20, 0.5);
                })
                .run();
        assertEquals(
                List.of(h20, 4, MI308),
                Arrays.stream(blocked.model.foreignProducts()).boxed().toList());
        assertEquals(4275, blocked.ordered(1, h20));
        assertEquals(25_650, blocked.ordered(1, ascend));
        // a mandate of 0.8 instead: the H20's half scaled by 0.2 / 0.5
        Market mandated = new Market(DOMESTIC_FIRST)
                .sell(ascend, 5000)
                .sell(h20, 10_000)
                .at(1, exchange -> exchange.importer().mandate(0, 0.8))
                .run();
        assertEquals(3420, mandated.ordered(1, h20));
        assertEquals(27_360, mandated.ordered(1, ascend));
    }

    @Test
    void theScriptedMarketIsAsDescribed() throws Exception {
        Market m = new Market().sell(H20, 10_000).run();
        assertEquals(5700, m.plan.weeklyDemandTrend(0, 1));
        assertEquals(
                List.of(H20, 4, MI308),
                Arrays.stream(m.model.foreignProducts()).boxed().toList());
        // nothing held: all 5700 unmet; the working level, 3 x 5700 H20, ordered at the price, wanted in 4 weeks
        assertEquals(5700, m.unmet(1));
        assertEquals(3 * 5700, m.ordered(1, H20));
        Order o = m.orders(1, H20).get(0);
        assertEquals(1_000_000, o.priceCents());
        assertEquals(7 + 28, o.requestedByDay());
    }
}
