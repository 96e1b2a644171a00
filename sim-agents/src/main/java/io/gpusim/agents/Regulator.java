package io.gpusim.agents;

import ec.util.MersenneTwisterFast;
import io.gpusim.agents.rules.Controls;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.RegulatorView;
import io.gpusim.core.params.LicenceParams;
import io.gpusim.core.params.RegulatorParams;
import io.gpusim.core.scenario.BanMode;
import java.util.ArrayList;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The export-control authority. It publishes earlier control rounds, leaks a coming ban, announces and enacts it
 * (after an optional grace period) and may lift it again. The ban comes on a fixed date, by a stochastic hazard
 * raised by leaks and by visible stockpiling, or by a threshold rule on product specifications.
 */
public final class Regulator implements Steppable {
    private static final long serialVersionUID = 1L;

    /** Where the ban stands. */
    enum Stage {
        /** No ban decided yet. */
        UNDECIDED,
        /** Decided: announcement and effect days are set. */
        DECIDED,
        /** Announced, not yet in force. */
        ANNOUNCED,
        /** In force (it may since have been lifted by a reversal). */
        ENACTED
    }

    private final transient RegulatorParams spec;
    private final transient MarketModel model;
    private final transient RegulatorView desk;
    private final int[] foreignProducts;
    /** Licence regimes in force, by regime index. */
    private final boolean[] licensing;

    private final List<MarketEvent> pending = new ArrayList<>();
    private final boolean leakDrawn;
    private final double reversalDraw;
    private final double[] vendorOrdersByStep;

    private Stage stage = Stage.UNDECIDED;
    private int announceDay;
    private int effectiveDay;
    private int leaksSoFar;

    /**
     * @param controlRounds the scenario's earlier control rounds as events (the same in every replication)
     */
    public Regulator(MarketModel model, List<MarketEvent> controlRounds) {
        this.model = model;
        this.spec = model.params().regulator();
        this.desk = model.exchange().regulator();
        this.foreignProducts = model.foreignProducts();
        this.licensing = new boolean[spec.licences().size()];
        MersenneTwisterFast rng = model.random;
        // Draw order is fixed: leak, then reversal.
        this.leakDrawn = rng.nextDouble() < spec.leakProbability();
        this.reversalDraw = rng.nextDouble();
        // Only the hazard rule watches orders.
        this.vendorOrdersByStep =
                spec.mode() == BanMode.HAZARD ? new double[model.calendar().steps()] : null;
        for (MarketEvent round : controlRounds) {
            schedule(round);
        }
        if (spec.mode() == BanMode.DATE || spec.mode() == BanMode.THRESHOLD) {
            decide(spec.banDay());
        }
    }

    /** Where the ban stands now. */
    Stage stage() {
        return stage;
    }

    /** Fixes the announcement and effect days of a decided ban, with its leak. */
    private void decide(int day) {
        stage = Stage.DECIDED;
        announceDay = day;
        effectiveDay = Controls.effectiveDay(day, spec.graceDays());
        if (leakDrawn) {
            int leak = Controls.leakDay(day, spec.leakLeadDays(), model.today());
            for (int p : spec.banProducts()) {
                schedule(new MarketEvent(leak, EventKind.LEAK, p, "leak: controls weighed"));
            }
        }
    }

    /** Queues an event for publication on its day, keeping the queue in day order (stable for equal days). */
    private void schedule(MarketEvent e) {
        int at = pending.size();
        while (at > 0 && pending.get(at - 1).day() > e.day()) {
            at--;
        }
        pending.add(at, e);
    }

    @Override
    public void step(SimState state) {
        int today = model.today();
        int endOfStep = today + model.calendar().stepDays();
        int step = model.step();
        // The regulator acts before this step's orders: it sees the orders placed up to the previous step.
        if (step > 0 && vendorOrdersByStep != null) {
            vendorOrdersByStep[step - 1] = desk.orderedLastStep(model.vendorProduct());
        }

        if (spec.mode() == BanMode.HAZARD && stage == Stage.UNDECIDED) {
            considerHazardBan(step, today);
        }
        publishDue(endOfStep);

        if (stage == Stage.DECIDED && announceDay < endOfStep) {
            announce();
            stage = Stage.ANNOUNCED;
        }
        if (stage == Stage.ANNOUNCED && effectiveDay < endOfStep) {
            enact();
            stage = Stage.ENACTED;
        }
        licences(today, endOfStep);
    }

    /**
     * Grants licences for a product from the first step holding a regime's first day, keeps their terms current (a
     * cap that follows another market's volume), and stops them after the regime's last day.
     */
    private void licences(int today, int endOfStep) {
        for (int i = 0; i < licensing.length; i++) {
            LicenceParams l = spec.licences().get(i);
            boolean inForce = l.fromDay() < endOfStep && l.untilDay() >= today;
            if (inForce && !licensing[i]) {
                licensing[i] = true;
                desk.grantLicences(
                        l.product(),
                        Controls.licenceTerms(l, today, model.calendar().stepDays()),
                        Math.max(today, l.fromDay()),
                        "licences granted for " + model.product(l.product()).name());
            } else if (inForce && !Double.isNaN(l.capShare())) {
                desk.updateLicences(
                        l.product(),
                        Controls.licenceTerms(l, today, model.calendar().stepDays()));
            } else if (!inForce && licensing[i]) {
                licensing[i] = false;
                desk.endLicences(l.product());
            }
        }
    }

    private void considerHazardBan(int step, int today) {
        RegulatorParams.Hazard h = spec.hazard();
        MersenneTwisterFast rng = model.random;
        int stepDays = model.calendar().stepDays();
        if (rng.nextDouble() < Controls.stepProbability(h.leakRatePerYear(), stepDays)) {
            leaksSoFar++;
            for (int p : spec.banProducts()) {
                desk.publish(new MarketEvent(today, EventKind.LEAK, p, "leak: controls debated"));
            }
        }
        double lambda = Controls.decisionHazard(
                h.baseHazardPerYear(), h.leakBoost(), leaksSoFar, h.stockpileSensitivity(), orderSurge(step));
        if (rng.nextDouble() < Controls.stepProbability(lambda, stepDays)) {
            decide(today + h.rulemakingWeeks() * 7);
        }
    }

    /**
     * Recent vendor orders (13 weeks) over their 52-week average rate, both ending with the previous step; 1 when
     * there is less than a year of history. Package-private: tests read the signal the hazard rule responds to.
     */
    double orderSurge(int step) {
        return Controls.orderSurge(
                vendorOrdersByStep,
                step,
                model.calendar().stepsForWeeks(Controls.ORDER_WINDOW_WEEKS, 1),
                model.calendar().stepsForWeeks(Controls.BASELINE_WINDOW_WEEKS, 1));
    }

    private void publishDue(int endOfStep) {
        while (!pending.isEmpty() && pending.get(0).day() < endOfStep) {
            MarketEvent e = pending.remove(0);
            if (e.kind() == EventKind.REVERSAL) {
                desk.liftBan(e.product(), e.day(), e.label());
            } else {
                desk.publish(e);
            }
        }
    }

    private void announce() {
        for (int p : bannedProducts()) {
            desk.publish(new MarketEvent(
                    Math.max(model.today(), announceDay),
                    EventKind.BAN_ANNOUNCED,
                    p,
                    "licence required for " + model.product(p).name()));
        }
    }

    private void enact() {
        for (int p : bannedProducts()) {
            desk.enactBan(
                    p, effectiveDay, "controls in force on " + model.product(p).name());
            if (reversalDraw < spec.reversalProbability()) {
                schedule(new MarketEvent(
                        effectiveDay + spec.reversalAfterDays(),
                        EventKind.REVERSAL,
                        p,
                        "controls lifted on " + model.product(p).name()));
            }
        }
    }

    /**
     * Products the ban covers: the scenario's ban products (the primary product unless it lists others), or under a
     * threshold rule every foreign product over a limit.
     */
    private List<Integer> bannedProducts() {
        List<Integer> list = new ArrayList<>();
        if (spec.mode() != BanMode.THRESHOLD) {
            for (int p : spec.banProducts()) {
                list.add(p);
            }
            return list;
        }
        for (int p : foreignProducts) {
            if (Controls.exceedsThresholds(desk.products().get(p), spec.thresholds())) {
                list.add(p);
            }
        }
        return list;
    }
}
