package io.gpusim.core;

import io.gpusim.core.market.Product;
import io.gpusim.core.metrics.RunRecorder;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.params.ScenarioParams;
import io.gpusim.core.scenario.ProductSpec;
import io.gpusim.core.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fixed layout of a scenario's market, the same in every replication: its calendar, its products resolved to
 * ledger indices, its sellers, and which of them is the vendor and which the domestic maker. Immutable but for one
 * sizing hint (how many orders a replication places, {@link #orderRoom()}), which no result depends on; worked out
 * once per scenario and shared by all replications on any thread.
 */
public final class Market {
    private final Scenario scenario;
    private final Calendar calendar;
    private final ScenarioParams params;
    private final RunRecorder.ForeignProducts foreign;
    private final List<Product> products;
    private final List<String> sellers;
    private final int[] sellerOf;
    private final double[] listPrices;
    private final boolean[] domestic;
    private final int vendorProduct;
    private final int vendorSeller;
    private final int domesticSeller;
    /**
     * The most orders one replication of this market has placed so far, from which the next one's order book is
     * sized: a hint only (a book grows when a run needs more room), so results never depend on it.
     */
    private final AtomicInteger mostOrders = new AtomicInteger();

    private Market(Scenario scenario) {
        this.scenario = scenario;
        this.calendar = Calendar.of(scenario.simulation());
        Map<String, Integer> sellerIndex = new LinkedHashMap<>();
        for (ProductSpec p : scenario.products()) {
            sellerIndex.putIfAbsent(p.maker(), sellerIndex.size());
        }
        this.sellers = List.copyOf(sellerIndex.keySet());
        int n = scenario.products().size();
        List<Product> list = new ArrayList<>(n);
        sellerOf = new int[n];
        listPrices = new double[n];
        domestic = new boolean[n];
        String domesticName =
                scenario.domestic() == null ? null : scenario.domestic().name();
        for (int i = 0; i < n; i++) {
            ProductSpec spec = scenario.products().get(i);
            sellerOf[i] = sellerIndex.get(spec.maker());
            listPrices[i] = spec.unitPriceUsd();
            domestic[i] = spec.maker().equals(domesticName);
            list.add(Product.of(i, sellerOf[i], spec, calendar.dayOf(spec.firstAvailable())));
        }
        this.products = List.copyOf(list);
        this.vendorProduct = scenario.productIndex(scenario.vendor().product());
        this.vendorSeller = sellerOf[vendorProduct];
        this.domesticSeller = domesticName == null ? -1 : sellerIndex.getOrDefault(domesticName, -1);
        this.params = ScenarioParams.of(scenario, calendar);
        int[] foreignProducts = params.foreignProducts();
        double[] charge = new double[foreignProducts.length];
        String[] names = new String[foreignProducts.length];
        String[] vendors = new String[foreignProducts.length];
        for (int f = 0; f < foreignProducts.length; f++) {
            Product p = products.get(foreignProducts[f]);
            charge[f] = Math.round(p.unitCostUsd() * params.vendorOf(p.index()).writedownShare() * 100.0) / 100.0;
            names[f] = p.name();
            vendors[f] = p.maker();
        }
        this.foreign =
                new RunRecorder.ForeignProducts(foreignProducts, charge, new RunResult.ProductNames(names, vendors));
    }

    /** The foreign products a run reports on, with their write-down charge per unit and names. */
    public RunRecorder.ForeignProducts foreign() {
        return foreign;
    }

    /** The market of a validated scenario. */
    public static Market of(Scenario scenario) {
        return new Market(scenario);
    }

    public Scenario scenario() {
        return scenario;
    }

    /**
     * Room for orders that a new replication's order book starts with: the most a replication has placed so far and a
     * sixteenth more; before any has finished, one per buyer and step (a baseline run places about two thirds of
     * that, and each unused order is 56 bytes allocated and zeroed per replication).
     */
    public int orderRoom() {
        int most = mostOrders.get();
        return most == 0 ? calendar.steps() * buyers() : most + most / 16 + 8;
    }

    /** Records how many orders a replication placed (a write shared by every thread only for a new most). */
    public void placedOrders(int orders) {
        if (orders > mostOrders.get()) {
            mostOrders.accumulateAndGet(orders, Math::max);
        }
    }

    public Calendar calendar() {
        return calendar;
    }

    /** The scenario's parameters, resolved to primitives once. */
    public ScenarioParams params() {
        return params;
    }

    public List<Product> products() {
        return products;
    }

    public List<String> sellers() {
        return sellers;
    }

    /** Number of buyers (hyperscalers). */
    public int buyers() {
        return scenario.hyperscalers().size();
    }

    /** Seller index of each product (a copy). */
    public int[] sellerOf() {
        return sellerOf.clone();
    }

    /** List price of each product, in USD (a copy). */
    public double[] listPrices() {
        return listPrices.clone();
    }

    /** Whether each product is the domestic maker's (a copy). */
    public boolean[] domestic() {
        return domestic.clone();
    }

    public int vendorProduct() {
        return vendorProduct;
    }

    public int vendorSeller() {
        return vendorSeller;
    }

    /** The domestic maker's seller index, or -1 when the scenario has none. */
    public int domesticSeller() {
        return domesticSeller;
    }
}
