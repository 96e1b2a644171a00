package io.gpusim.core.params;

import io.gpusim.core.scenario.ImportRuleKind;
import io.gpusim.core.scenario.TriggerEvent;

/**
 * One instrument of the importing country (see {@code ImportRuleSpec}). {@code product} is -1 for every foreign
 * product; {@code fromDay} is -1 for a rule that waits for its trigger; {@code untilDay} is {@code Integer.MAX_VALUE}
 * when open-ended; {@code applies[b]} marks the buyers a mandate covers. A rule with a trigger ({@code trigger} not
 * null) starts {@code triggerLagDays} after the US action on {@code triggerProduct}, with {@code
 * triggerProbability}.
 */
public record ImportRuleParams(
        ImportRuleKind kind,
        int product,
        int fromDay,
        int untilDay,
        double exemptShare,
        double shadowCostShare,
        double ratio,
        double share,
        boolean[] applies,
        TriggerEvent trigger,
        int triggerProduct,
        double triggerProbability,
        int triggerLagDays) {

    /** Whether the rule covers a product (a rule without a product covers every foreign one). */
    public boolean covers(int p) {
        return product < 0 || product == p;
    }
}
