package io.gpusim.agents;

import io.gpusim.core.MarketModel;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.ImporterView;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.params.ImportRuleParams;
import io.gpusim.core.scenario.TriggerEvent;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The importing country's regulator. Each of its rules comes into force on its date, or a lag after the US action it
 * responds to (a licence or a reversal for a product), with a probability; it is announced (public news that moves
 * buyers' beliefs), applied while in force, and lifted after its last day. A customs block stops the product's
 * shipments in transit and its open orders and lets only an exempt share of demand buy it; discouragement adds a
 * shadow cost to a product's price in buyers' choice; matching requires domestic units per foreign unit; a mandate
 * sets a floor on some buyers' domestic share. Overlapping rules of one kind: the latest to start applies.
 */
public final class Importer implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient MarketModel model;
    private final transient ImporterView desk;
    private final transient List<ImportRuleParams> rules;
    private final int[] foreign;
    /** Day each rule comes into force: its date, a triggered start, or {@code Integer.MAX_VALUE} (not yet / never). */
    private final int[] startDay;

    private final boolean[] decided;
    private final boolean[] inForce;
    private int eventsSeen;

    public Importer(MarketModel model) {
        this.model = model;
        this.desk = model.exchange().importer();
        this.rules = model.params().importRules();
        this.foreign = model.foreignProducts();
        int n = rules.size();
        this.startDay = new int[n];
        this.decided = new boolean[n];
        this.inForce = new boolean[n];
        for (int i = 0; i < n; i++) {
            ImportRuleParams r = rules.get(i);
            decided[i] = r.trigger() == null;
            startDay[i] = r.trigger() == null ? r.fromDay() : Integer.MAX_VALUE;
        }
    }

    @Override
    public void step(SimState state) {
        int today = model.today();
        int endOfStep = today + model.calendar().stepDays();
        watchTriggers(model.events());
        for (int i = 0; i < rules.size(); i++) {
            ImportRuleParams r = rules.get(i);
            boolean due = startDay[i] < endOfStep && r.untilDay() >= today;
            if (due && !inForce[i]) {
                inForce[i] = true;
                apply(r, true);
                desk.announce(r.product(), Math.max(today, startDay[i]), label(r));
            } else if (!due && inForce[i]) {
                inForce[i] = false;
                apply(r, false);
            }
        }
    }

    /** Triggered rules: on the first licence or reversal for their product, draw whether and when they start. */
    private void watchTriggers(EventLog events) {
        for (; eventsSeen < events.size(); eventsSeen++) {
            MarketEvent e = events.get(eventsSeen);
            TriggerEvent kind = e.kind() == EventKind.LICENCE
                    ? TriggerEvent.LICENCE
                    : e.kind() == EventKind.REVERSAL ? TriggerEvent.REVERSAL : null;
            if (kind == null) {
                continue;
            }
            for (int i = 0; i < rules.size(); i++) {
                ImportRuleParams r = rules.get(i);
                if (!decided[i] && r.trigger() == kind && r.triggerProduct() == e.product()) {
                    decided[i] = true;
                    if (model.random.nextDouble() < r.triggerProbability()) {
                        startDay[i] = e.day() + r.triggerLagDays();
                    }
                }
            }
        }
    }

    /** Puts a rule in force ({@code on}) or lifts it. */
    private void apply(ImportRuleParams r, boolean on) {
        switch (r.kind()) {
            case BLOCK -> {
                for (int p : foreign) {
                    if (r.covers(p)) {
                        if (on) {
                            desk.block(p, r.exemptShare());
                        } else {
                            desk.unblock(p);
                        }
                    }
                }
            }
            case DISCOURAGE -> {
                for (int p : foreign) {
                    if (r.covers(p)) {
                        desk.discourage(p, on ? r.shadowCostShare() : 0);
                    }
                }
            }
            case MATCH -> desk.requireMatching(on ? r.ratio() : 0);
            case MANDATE -> {
                for (int b = 0; b < r.applies().length; b++) {
                    if (r.applies()[b]) {
                        desk.mandate(b, on ? r.share() : 0);
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled import rule " + r.kind());
        }
    }

    private String label(ImportRuleParams r) {
        String what = r.product() < 0
                ? "foreign accelerators"
                : model.product(r.product()).name();
        return switch (r.kind()) {
            case BLOCK -> "customs block on " + what;
            case DISCOURAGE -> "purchases of " + what + " discouraged";
            case MATCH -> "domestic units required per foreign unit";
            case MANDATE -> "domestic share mandated";
        };
    }
}
