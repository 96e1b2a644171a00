package io.gpusim.core.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * One instrument of the importing country's regulator, in force from {@code from} (or, with a {@code trigger}, a
 * lag after a US action, with a probability) until {@code until}. Its announcement is public news.
 */
public record ImportRuleSpec(
        @Param(description = "`BLOCK`, `DISCOURAGE`, `MATCH` or `MANDATE`")
        ImportRuleKind kind,

        @Param(
                description = "the foreign product (`BLOCK`, `DISCOURAGE`; default every foreign product)",
                required = false)
        String product,

        @Param(description = "first day in force (required unless `trigger` is given)", required = false)
        LocalDate from,

        @Param(description = "last day in force (default: to the end)", required = false)
        LocalDate until,

        @Param(
                description = "`BLOCK`: share of demand still allowed to buy the product (exemptions such as R&D)",
                unit = "–",
                min = 0,
                max = 1,
                required = false,
                defaultValue = "0")
        Double exemptShare,

        @Param(
                description = "`DISCOURAGE`: shadow cost per unit buyers add, as a share of the product's price",
                unit = "–",
                min = 0,
                max = 100,
                required = false,
                defaultValue = "0")
        Double shadowCostShare,

        @Param(
                description = "`MATCH`: domestic units to buy for each foreign unit",
                unit = "–",
                min = 0,
                max = 100,
                required = false,
                defaultValue = "0")
        Double ratio,

        @Param(
                description = "`MANDATE`: share of the buyers' demand that must go to domestic parts",
                unit = "–",
                min = 0,
                max = 1,
                required = false,
                defaultValue = "0")
        Double share,

        @Param(
                description = "`MANDATE`: the buyers it applies to (default every buyer)",
                required = false,
                defaultValue = "[]",
                ifEmpty = "list at least one buyer, or leave the field out for every buyer")
        @JsonInclude(JsonInclude.Include.NON_EMPTY) // written out only when given: an empty list is an error
        List<String> buyers,

        @Param(description = "start the rule in response to a US action instead of on a date", required = false)
        TriggerSpec trigger)
        implements java.io.Serializable {

    public ImportRuleSpec {
        exemptShare = exemptShare == null ? 0.0 : exemptShare;
        shadowCostShare = shadowCostShare == null ? 0.0 : shadowCostShare;
        ratio = ratio == null ? 0.0 : ratio;
        share = share == null ? 0.0 : share;
        buyers = buyers == null ? List.of() : List.copyOf(buyers);
    }

    /** A response to a US action: with {@code probability}, {@code lagDays} after it. */
    public record TriggerSpec(
            @Param(description = "`LICENCE` or `REVERSAL`") TriggerEvent on,

            @Param(description = "the product whose licence or reversal triggers the rule")
            String product,

            @Param(
                    description = "chance the rule follows the action",
                    unit = "probability",
                    min = 0,
                    max = 1,
                    required = false,
                    defaultValue = "1")
            Double probability,

            @Param(
                    description = "days from the action to the rule",
                    unit = "days",
                    min = 0,
                    max = 3650,
                    required = false,
                    defaultValue = "0")
            Integer lagDays)
            implements java.io.Serializable {

        public TriggerSpec {
            probability = probability == null ? 1.0 : probability;
            lagDays = lagDays == null ? 0 : lagDays;
        }
    }
}
