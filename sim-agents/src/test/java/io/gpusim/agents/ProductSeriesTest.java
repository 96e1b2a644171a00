package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.ProductFigure;
import io.gpusim.core.metrics.ProductSeries;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each foreign product's series add up to its run figures, and the primary product's repeat the vendor series. */
class ProductSeriesTest {
    @ParameterizedTest
    @ValueSource(strings = {"h20-2025.yaml", "h20-2025-sequel.yaml", "h200-2026.yaml"})
    void productSeriesAddUpToTheProductFigures(String file) throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioLoader.load(Path.of("..", "scenarios", file)));
        RunResult r = Simulation.run(plan, Seeds.replicationSeed(11, 0), true);
        assertTrue(r.hasProductSeries());
        RunResult.ProductTable table = r.products();
        double shippedAll = 0;
        for (int f = 0; f < table.size(); f++) {
            String name = table.names().products()[f];
            double[] figures = table.values()[f];
            double[] orders = r.productSeries(f, ProductSeries.ORDERS);
            double[] shipments = r.productSeries(f, ProductSeries.SHIPMENTS);
            double[] blocked = r.productSeries(f, ProductSeries.BLOCKED);
            assertEquals(r.steps(), orders.length, name);
            assertEquals(
                    figures[ProductFigure.ORDERED_UNITS.ordinal()],
                    Arrays.stream(orders).sum(),
                    name);
            assertEquals(
                    figures[ProductFigure.SHIPPED_UNITS.ordinal()],
                    Arrays.stream(shipments).sum(),
                    name);
            assertEquals(figures[ProductFigure.BLOCKED_UNITS.ordinal()], blocked[blocked.length - 1], name);
            for (double price : r.productSeries(f, ProductSeries.PRICE)) {
                assertTrue(price > 0, name + " price " + price);
            }
            shippedAll += figures[ProductFigure.SHIPPED_UNITS.ordinal()];
        }
        assertTrue(shippedAll > 0, "something ships");
        assertArrayEquals(r.series(Series.VENDOR_ORDERS), r.productSeries(0, ProductSeries.ORDERS));
        assertArrayEquals(r.series(Series.VENDOR_SHIPMENTS), r.productSeries(0, ProductSeries.SHIPMENTS));
        assertArrayEquals(r.series(Series.VENDOR_BACKLOG), r.productSeries(0, ProductSeries.BACKLOG));
        assertArrayEquals(r.series(Series.VENDOR_FINISHED), r.productSeries(0, ProductSeries.VENDOR_FINISHED));
        assertArrayEquals(r.series(Series.BUYER_STOCK_VENDOR), r.productSeries(0, ProductSeries.BUYER_STOCK));
        assertArrayEquals(r.series(Series.VENDOR_PRICE), r.productSeries(0, ProductSeries.PRICE));
    }

    @Test
    void withoutSeriesNoneAreKept() throws Exception {
        ScenarioPlan plan = ScenarioPlan.of(ScenarioLoader.load(Path.of("..", "scenarios", "h200-2026.yaml")));
        RunResult r = Simulation.run(plan, Seeds.replicationSeed(11, 0), false);
        assertFalse(r.hasProductSeries());
        assertEquals(0, r.productSeries(0, ProductSeries.SHIPMENTS).length);
    }
}
