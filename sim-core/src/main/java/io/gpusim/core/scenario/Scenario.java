package io.gpusim.core.scenario;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/**
 * A complete, immutable description of one market to simulate. Read from YAML or JSON by
 * {@link ScenarioLoader}; every number is range-checked by {@link ScenarioValidator}.
 */
public record Scenario(
        @JsonPropertyDescription("Short identifier of the scenario, used in outputs.") String name,
        @JsonPropertyDescription("Free text describing the scenario.") String description,
        SimulationSpec simulation,
        List<ProductSpec> products,
        List<DemandShockSpec> demandShocks,
        BeliefSpec beliefs,
        List<HyperscalerSpec> hyperscalers,
        VendorSpec vendor,
        RegulatorSpec regulator,
        DomesticMakerSpec domestic) implements java.io.Serializable {

    public Scenario {
        products = products == null ? null : List.copyOf(products);
        demandShocks = demandShocks == null ? List.of() : List.copyOf(demandShocks);
        hyperscalers = hyperscalers == null ? null : List.copyOf(hyperscalers);
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
