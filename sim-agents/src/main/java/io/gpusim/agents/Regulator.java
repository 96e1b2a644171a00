package io.gpusim.agents;

import io.gpusim.agents.rules.Controls;
import ec.util.MersenneTwisterFast;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.Product;
import io.gpusim.core.scenario.BanMode;
import io.gpusim.core.scenario.RegulatorSpec;
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
    private static final int ORDER_WINDOW_WEEKS = 13;
    private static final int BASELINE_WINDOW_WEEKS = 52;

    private final transient RegulatorSpec spec;
    private final String vendorName;
    private final List<MarketEvent> pending = new ArrayList<>();
    private final boolean leakDrawn;
    private final double reversalDraw;
    private final double[] vendorOrdersByStep;

    private int announceDay = Integer.MIN_VALUE;
    private int effectiveDay = Integer.MIN_VALUE;
    private boolean decided;
    private int leaksSoFar;

    /**
     * @param controlRounds the scenario's earlier control rounds as events (the same in every replication)
     */
    public Regulator(MarketModel model, List<MarketEvent> controlRounds) {
        this.spec = model.scenario().regulator();
        this.vendorName = model.scenario().vendor().name();
        Calendar cal = model.calendar();
        MersenneTwisterFast rng = model.random;
        // Draw order is fixed: leak, then reversal.
        double leakProbability = spec.leak() == null ? 0 : spec.leak().probability();
        this.leakDrawn = rng.nextDouble() < leakProbability;
        this.reversalDraw = rng.nextDouble();
        // Only the hazard rule watches orders.
        this.vendorOrdersByStep = spec.mode() == BanMode.HAZARD ? new double[cal.steps()] : null;
        for (MarketEvent round : controlRounds) {
            schedule(round);
        }
        if (spec.mode() == BanMode.DATE || spec.mode() == BanMode.THRESHOLD) {
            scheduleBan(cal.dayOf(spec.banDate()), model);
        }
    }

    /** Fixes the announcement and effect days of a decided ban, with its leak and possible reversal. */
    private void scheduleBan(int day, MarketModel model) {
        decided = true;
        announceDay = day;
        effectiveDay = Controls.effectiveDay(day, spec.graceDays());
        if (leakDrawn && spec.leak() != null) {
            int leak = Controls.leakDay(day, spec.leak().leadDays(), model.today());
            schedule(new MarketEvent(leak, EventKind.LEAK, model.vendorProduct(), "leak: controls weighed"));
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
        MarketModel model = (MarketModel) state;
        int today = model.today();
        int endOfStep = today + model.calendar().stepDays();
        int step = model.step();
        // The regulator acts before this step's orders: it sees the orders placed up to the previous step.
        if (step > 0 && vendorOrdersByStep != null) {
            vendorOrdersByStep[step - 1] = model.ledger().orderedLastStep(model.vendorProduct());
        }

        if (spec.mode() == BanMode.HAZARD && !decided) {
            considerHazardBan(model, step, today);
        }
        publishDue(model, endOfStep);

        if (decided && announceDay < endOfStep && announceDay != Integer.MAX_VALUE) {
            announce(model);
            announceDay = Integer.MAX_VALUE;
        }
        if (decided && effectiveDay < endOfStep && effectiveDay != Integer.MAX_VALUE) {
            enact(model);
        }
    }

    private void considerHazardBan(MarketModel model, int step, int today) {
        RegulatorSpec.HazardSpec h = spec.hazard();
        MersenneTwisterFast rng = model.random;
        int stepDays = model.calendar().stepDays();
        if (rng.nextDouble() < Controls.stepProbability(h.leakRatePerYear(), stepDays)) {
            leaksSoFar++;
            model.events().publish(new MarketEvent(today, EventKind.LEAK, model.vendorProduct(),
                    "leak: controls debated"));
        }
        double lambda = Controls.decisionHazard(h.baseHazardPerYear(), h.leakBoost(), leaksSoFar,
                h.stockpileSensitivity(), orderSurge(model, step));
        if (rng.nextDouble() < Controls.stepProbability(lambda, stepDays)) {
            int announce = today + h.rulemakingWeeks() * 7;
            scheduleBan(announce, model);
        }
    }

    /**
     * Recent vendor orders (13 weeks) over their 52-week average rate, both ending with the previous step; 1 when
     * there is less than a year of history.
     */
    private double orderSurge(MarketModel model, int step) {
        int recent = model.calendar().stepsForWeeks(ORDER_WINDOW_WEEKS, 1);
        int longRun = model.calendar().stepsForWeeks(BASELINE_WINDOW_WEEKS, 1);
        int last = step - 1;
        if (last + 1 < longRun) {
            return 1.0;
        }
        double r = 0;
        double l = 0;
        for (int s = last - longRun + 1; s <= last; s++) {
            l += vendorOrdersByStep[s];
            if (s > last - recent) {
                r += vendorOrdersByStep[s];
            }
        }
        return l <= 0 ? 1.0 : (r / recent) / (l / longRun);
    }

    private void publishDue(MarketModel model, int endOfStep) {
        while (!pending.isEmpty() && pending.get(0).day() < endOfStep) {
            MarketEvent e = pending.remove(0);
            if (e.kind() == EventKind.REVERSAL) {
                model.banLifted(e.product(), e.day(), e.label());
            } else {
                model.events().publish(e);
            }
        }
    }

    private void announce(MarketModel model) {
        for (int p : bannedProducts(model)) {
            model.events().publish(new MarketEvent(Math.max(model.today(), announceDay),
                    EventKind.BAN_ANNOUNCED, p, "licence required for " + model.product(p).name()));
        }
    }

    private void enact(MarketModel model) {
        int day = effectiveDay;
        effectiveDay = Integer.MAX_VALUE;
        for (int p : bannedProducts(model)) {
            model.banTakesEffect(p, day, "controls in force on " + model.product(p).name());
            if (spec.reversal() != null && reversalDraw < spec.reversal().probability()) {
                schedule(new MarketEvent(day + spec.reversal().afterDays(), EventKind.REVERSAL, p,
                        "controls lifted on " + model.product(p).name()));
            }
        }
    }

    /** Products the ban covers: the vendor product, or under a threshold rule every vendor product over a limit. */
    private List<Integer> bannedProducts(MarketModel model) {
        if (spec.mode() != BanMode.THRESHOLD) {
            return List.of(model.vendorProduct());
        }
        List<Integer> list = new ArrayList<>();
        for (Product p : model.products()) {
            if (p.maker().equals(vendorName) && Controls.exceedsThresholds(p, spec.thresholds())) {
                list.add(p.index());
            }
        }
        return list;
    }
}
