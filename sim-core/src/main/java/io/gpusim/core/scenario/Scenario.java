package io.gpusim.core.scenario;

import java.util.List;

/**
 * A complete, immutable description of one market to simulate. Read from YAML or JSON by
 * {@link ScenarioLoader}; every number is range-checked by {@link ScenarioValidator}.
 */
public record Scenario(
        @Param(description = "short identifier of the scenario, used in outputs")
        String name,

        @Param(description = "free text describing the scenario", required = false)
        String description,

        @Param(description = "the calendar of a run: first and last simulated day, and the length of one step")
        SimulationSpec simulation,

        @Param(description = "the accelerators sold in the market")
        List<ProductSpec> products,

        @Param(
                description = "dated, persistent changes in compute demand (default none)",
                required = false,
                defaultValue = "[]")
        List<DemandShockSpec> demandShocks,

        @Param(description = "how public signals move the hyperscalers' perceived hazard of a ban")
        BeliefSpec beliefs,

        @Param(description = "the buyers, in the order they act each step")
        List<HyperscalerSpec> hyperscalers,

        @Param(description = "the foreign GPU vendor; its `product` is the scenario's primary product")
        VendorSpec vendor,

        @Param(description = "further foreign vendors (default none)", required = false, defaultValue = "[]")
        List<VendorSpec> vendors,

        @Param(description = "the export-control authority") RegulatorSpec regulator,
        @Param(description = "the domestic chipmaker") DomesticMakerSpec domestic,

        @Param(description = "the importing country's regulator (default none)", required = false)
        ImporterSpec importer)
        implements java.io.Serializable {

    public Scenario {
        products = products == null ? null : List.copyOf(products);
        demandShocks = demandShocks == null ? List.of() : List.copyOf(demandShocks);
        hyperscalers = hyperscalers == null ? null : List.copyOf(hyperscalers);
        vendors = vendors == null ? List.of() : List.copyOf(vendors);
    }

    /**
     * Every foreign product with its vendor, in the order runs report them: each vendor's products (its lead product
     * first), then the compliant parts it may design, vendor by vendor.
     */
    public List<String[]> foreignProducts() {
        List<String[]> all = new java.util.ArrayList<>();
        for (VendorSpec v : allVendors()) {
            for (String p : v.allProducts()) {
                all.add(new String[] {p, v.name()});
            }
            for (VendorSpec.RedesignSpec r : v.redesigns()) {
                all.add(new String[] {r.product(), v.name()});
            }
        }
        return all;
    }

    /** Every foreign vendor: {@code vendor} first, then {@code vendors}. */
    public List<VendorSpec> allVendors() {
        List<VendorSpec> all = new java.util.ArrayList<>();
        all.add(vendor);
        all.addAll(vendors);
        return all;
    }

    /** Index of the product with this name, or -1. */
    public int productIndex(String productName) {
        for (int i = 0; products != null && i < products.size(); i++) {
            ProductSpec p = products.get(i);
            if (p != null && p.name() != null && p.name().equals(productName)) {
                return i;
            }
        }
        return -1;
    }
}
