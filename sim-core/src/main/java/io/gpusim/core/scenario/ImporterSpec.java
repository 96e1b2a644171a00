package io.gpusim.core.scenario;

import java.util.List;

/** The importing country's regulator: its instruments on foreign accelerators and domestic purchases. */
public record ImporterSpec(
        @Param(description = "the importing country's regulator")
        String name,

        @Param(description = "its instruments", required = false, defaultValue = "[]")
        List<ImportRuleSpec> rules)
        implements java.io.Serializable {

    public ImporterSpec {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
