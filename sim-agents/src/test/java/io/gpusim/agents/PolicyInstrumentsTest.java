package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.ProductFigure;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each policy instrument moves the outcome the way its mechanism says, on common random numbers: every variant of
 * a comparison runs the same replication seeds, and the figures are summed over them.
 */
class PolicyInstrumentsTest {
    private static final int REPS = 12;
    private static final long SEED = 2026;

    @TempDir
    Path dir;

    /** {@code h200-2026.yaml} (or another shipped scenario) with the YAML below merged over it. */
    private Scenario variant(String base, String yaml) throws Exception {
        Path basePath =
                Path.of("..", "scenarios", base + ".yaml").toAbsolutePath().normalize();
        Path file = Files.createTempFile(dir, "variant", ".yaml");
        Files.writeString(file, "extends: " + basePath + "\n" + yaml);
        return ScenarioLoader.load(file);
    }

    /** Totals over the replications of one scenario: a product's figures, global metrics and vendor stock. */
    private record Totals(double[] product, double[] metrics, double vendorStockAtEnd, double domesticOrders) {}

    private static Totals run(Scenario s, String product) {
        int p = indexOf(s.foreignProducts(), product);
        double[] fig = new double[ProductFigure.values().length];
        double[] met = new double[Metric.values().length];
        double stock = 0;
        double domesticOrders = 0;
        for (int rep = 0; rep < REPS; rep++) {
            MarketModel m = Simulation.build(s, Seeds.replicationSeed(SEED, rep), true);
            RunResult r = m.run();
            double[] row = r.products().values()[p];
            for (int k = 0; k < fig.length; k++) {
                fig[k] += row[k];
            }
            for (Metric metric : Metric.values()) {
                double v = r.get(metric);
                met[metric.ordinal()] += Double.isNaN(v) ? 0 : v;
            }
            stock += m.ledger().finishedGoods(marketIndex(m, product));
            domesticOrders += Arrays.stream(r.series(Series.DOMESTIC_ORDERS)).sum();
        }
        return new Totals(fig, met, stock, domesticOrders);
    }

    private static int indexOf(List<String[]> products, String name) {
        for (int i = 0; i < products.size(); i++) {
            if (products.get(i)[0].equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no foreign product " + name);
    }

    private static int marketIndex(MarketModel m, String name) {
        for (int i = 0; i < m.products().size(); i++) {
            if (m.product(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no product " + name);
    }

    private static double fig(Totals t, ProductFigure f) {
        return t.product()[f.ordinal()];
    }

    private static double metric(Totals t, Metric m) {
        return t.metrics()[m.ordinal()];
    }

    @Test
    void aHigherFeeLowersTheVendorsNetRevenuePerUnit() throws Exception {
        double previous = Double.POSITIVE_INFINITY;
        for (double fee : new double[] {0.0, 0.15, 0.25, 0.4}) {
            Totals t = run(
                    variant(
                            "h200-no-china-block",
                            "regulator: {licences: [{product: H200, from: 2025-12-08, feeShare: " + fee
                                    + ", feePassThrough: 0.5, approvalDays: 60}]}\n"),
                    "H200");
            double shipped = fig(t, ProductFigure.SHIPPED_UNITS);
            assertTrue(shipped > 10_000, "H200 units shipped at fee " + fee + ": " + shipped);
            double netPerUnit = (fig(t, ProductFigure.REVENUE_USD) - fig(t, ProductFigure.FEE_USD)) / shipped;
            assertTrue(netPerUnit < previous, "net revenue per unit at fee " + fee + ": " + netPerUnit);
            double revenue = fig(t, ProductFigure.REVENUE_USD);
            assertEquals(fee * revenue, fig(t, ProductFigure.FEE_USD), 1e-6 * revenue, "the fee is its share");
            previous = netPerUnit;
        }
    }

    @Test
    void aTighterCapLowersDeliveredUnits() throws Exception {
        double previous = Double.POSITIVE_INFINITY;
        for (double cap : new double[] {0.5, 0.2, 0.05}) {
            Totals t = run(
                    variant(
                            "h200-no-china-block",
                            "regulator: {licences: [{product: H200, from: 2025-12-08, feeShare: 0.25, approvalDays: 60,"
                                    + " capShare: " + cap
                                    + ", capBase: [{date: 2025-12-01, unitsPerMonth: 150000}]}]}\n"),
                    "H200");
            double shipped = fig(t, ProductFigure.SHIPPED_UNITS);
            assertTrue(shipped < previous, "H200 units shipped with a cap of " + cap + ": " + shipped);
            previous = shipped;
        }
        assertTrue(previous > 0, "the tightest cap still lets some units through");
    }

    @Test
    void aChineseImportBlockOnForeignPartsSendsDemandToDomesticPartsAndLeavesTheVendorWithStock() throws Exception {
        // Three weeks at sea, so that units are in transit when customs close.
        String slowShipping = "vendor: {shippingWeeks: 3}\n";
        Totals open = run(variant("h200-no-china-block", slowShipping + "importer: {rules: []}\n"), "H200");
        Totals blocked = run(
                variant(
                        "h200-no-china-block",
                        slowShipping + "importer: {rules: [{kind: BLOCK, from: 2026-02-23, exemptShare: 0.0}]}\n"),
                "H200");
        assertTrue(
                metric(blocked, Metric.DOMESTIC_SHARE_UNITS) > metric(open, Metric.DOMESTIC_SHARE_UNITS),
                "domestic share " + metric(open, Metric.DOMESTIC_SHARE_UNITS) + " -> "
                        + metric(blocked, Metric.DOMESTIC_SHARE_UNITS));
        assertTrue(blocked.domesticOrders() > open.domesticOrders(), "domestic orders");
        assertTrue(
                blocked.vendorStockAtEnd() > open.vendorStockAtEnd(),
                "vendor's H200 stock at the end " + open.vendorStockAtEnd() + " -> " + blocked.vendorStockAtEnd());
        assertTrue(fig(blocked, ProductFigure.SHIPPED_UNITS) < fig(open, ProductFigure.SHIPPED_UNITS), "H200 shipped");
        assertTrue(fig(blocked, ProductFigure.BLOCKED_UNITS) > 0, "units in transit at the block are stopped");
        assertTrue(
                metric(blocked, Metric.UNITS_BLOCKED_AT_IMPORT) >= fig(blocked, ProductFigure.BLOCKED_UNITS),
                "the metric counts every foreign product's blocked units");
    }

    @Test
    void discouragementLowersForeignOrdersSmoothlyAsItsShadowCostRises() throws Exception {
        double[] levels = {0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
        double[] ordered = new double[levels.length];
        for (int i = 0; i < levels.length; i++) {
            Totals t = run(
                    variant(
                            "h200-no-china-block",
                            "importer: {rules: [{kind: DISCOURAGE, product: H200, from: 2025-12-08, shadowCostShare: "
                                    + levels[i] + "}]}\n"),
                    "H200");
            ordered[i] = fig(t, ProductFigure.ORDERED_UNITS);
        }
        double range = ordered[0] - ordered[levels.length - 1];
        assertTrue(range > 0.2 * ordered[0], "a shadow cost of 60% cuts H200 orders: " + Arrays.toString(ordered));
        for (int i = 1; i < levels.length; i++) {
            double drop = ordered[i - 1] - ordered[i];
            assertTrue(drop > 0, "orders fall at every step of the shadow cost: " + Arrays.toString(ordered));
            assertTrue(drop < 0.4 * range, "no step carries most of the fall: " + Arrays.toString(ordered));
        }
    }

    @Test
    void aDomesticMatchingRatioRaisesDomesticUnits() throws Exception {
        double previous = Double.NEGATIVE_INFINITY;
        for (double ratio : new double[] {0.0, 0.5, 1.0}) {
            String rules = ratio == 0
                    ? "importer: {rules: []}\n"
                    : "importer: {rules: [{kind: MATCH, from: 2025-12-08, ratio: " + ratio + "}]}\n";
            Totals t = run(variant("h200-no-china-block", rules), "H200");
            assertTrue(t.domesticOrders() > previous, "domestic units ordered at a ratio of " + ratio);
            previous = t.domesticOrders();
        }
    }
}
