package io.gpusim.agents;

import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.BuyerView;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.params.BeliefParams;
import io.gpusim.core.params.BuyerParams;
import io.gpusim.core.params.DomesticParams;
import io.gpusim.core.params.ScenarioParams;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A Chinese hyperscaler. Each step it sees its compute demand, puts stock into service, updates its beliefs about the
 * hazard that each foreign product becomes unavailable, chooses how to split purchases among the foreign products it
 * can buy and the domestic product (by cost per unit of compute, with the importing country's rules), and orders
 * each up to a target: working inventory plus, when it fears a ban, an anticipatory stock sized to bridge the months
 * until a domestic substitute is good enough. Orders that raise the anticipatory stock are rush orders, requested by
 * the seller's quoted date but no later than the date the buyer expects the ban.
 */
public final class Hyperscaler implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient BuyerParams buyer;
    private final transient BeliefParams beliefs;
    private final transient MarketModel model;
    private final transient BuyerView desk;
    private final int index;
    private final double levelMultiplier;
    private final double sensitivity;
    private final transient ScenarioPlan plan;
    private final double signalDecayPerStep;
    /** Log-scale sd of this step's demand noise ({@code demandNoiseSd} is per week). */
    private final double noiseSdPerStep;

    private final int minLeadDays;
    private final double[] domesticEffectivePerformance;
    private int eventsSeen;
    private final int[] domesticProducts;
    private final double[] domesticExpectedLaunchDay;
    private final double[] spendByStep;
    private final double domesticReplenishWeeks;
    private double spentInWindow;
    private double domesticShare;
    // Per foreign product (the primary product first), in ScenarioParams.foreignProducts order.
    private final int[] foreign;
    private final double[] performance;
    private final double[] foreignReplenishWeeks;
    private final double[] signal;
    private final double[] hazard;
    private final double[] anticipatory;
    private final double[] rushCommitted;
    private final double[] foreignShare;
    private final double[] costs;
    private final boolean[] open;
    private final boolean[] drawn;

    public Hyperscaler(MarketModel model, ScenarioPlan plan, int index) {
        this.model = model;
        this.plan = plan;
        this.index = index;
        this.desk = model.exchange().buyer(index);
        ScenarioParams params = model.params();
        this.buyer = params.buyers().get(index);
        this.beliefs = params.beliefs();
        Calendar cal = model.calendar();
        // Draw order is fixed: demand level, then belief sensitivity.
        this.levelMultiplier = Math.exp(buyer.demandLevelSd() * model.nextGaussian());
        this.sensitivity = buyer.signalSensitivity() * Math.exp(buyer.sensitivitySd() * model.nextGaussian());
        this.signalDecayPerStep = Beliefs.signalDecay(cal.stepDays(), beliefs.decayMonths());
        this.noiseSdPerStep = cal.lognormalSdPerStep(buyer.demandNoiseSd());
        this.minLeadDays = buyer.minLeadWeeks() * 7;
        this.foreign = model.foreignProducts();
        int k = foreign.length;
        this.performance = new double[k];
        this.foreignReplenishWeeks = new double[k];
        for (int f = 0; f < k; f++) {
            performance[f] = model.product(foreign[f]).relativePerformance();
            // The working level covers one review period plus the seller's shipping time.
            foreignReplenishWeeks[f] =
                    Stocking.REVIEW_WEEKS + params.vendorOf(foreign[f]).shippingWeeks();
        }
        this.signal = new double[k];
        this.hazard = new double[k];
        this.anticipatory = new double[k];
        this.rushCommitted = new double[k];
        this.foreignShare = new double[k];
        this.costs = new double[k];
        this.open = new boolean[k];
        this.drawn = new boolean[k];
        DomesticParams dom = params.domestic();
        int n = dom.roadmapSize();
        this.domesticProducts = dom.roadmapProducts().clone();
        this.domesticExpectedLaunchDay = new double[n];
        this.domesticEffectivePerformance = new double[model.products().size()];
        for (int i = 0; i < n; i++) {
            domesticEffectivePerformance[domesticProducts[i]] =
                    model.product(domesticProducts[i]).relativePerformance() * buyer.domesticSoftwareDiscount();
            // Buyers know the announced date and the typical slip, not this replication's draw.
            domesticExpectedLaunchDay[i] = model.product(domesticProducts[i]).firstAvailableDay()
                    + Math.max(0.0, dom.delayMeanMonths()[i]) * Calendar.DAYS_PER_MONTH;
        }
        this.spendByStep = new double[cal.stepsForWeeks(52, 1)];
        this.domesticReplenishWeeks = Stocking.REVIEW_WEEKS + dom.shippingWeeks();
    }

    // ---- step -------------------------------------------------------------------------------------------------
    // The decisions are the public rule functions of io.gpusim.agents.rules, applied to the buyer's state.

    @Override
    public void step(SimState state) {
        MarketStatus status = desk.status();
        Calendar cal = model.calendar();
        int today = model.today();
        int step = model.step();
        double stepWeeks = cal.stepWeeks();

        double weekly = plan.weeklyDemandTrend(index, step) * levelMultiplier;
        double sd = noiseSdPerStep;
        double demand = weekly * stepWeeks * Math.exp(sd * model.nextGaussian() - sd * sd / 2);

        int domestic = currentDomesticProduct(status);
        boolean anyOpen = false;
        for (int f = 0; f < foreign.length; f++) {
            open[f] = desk.canBuy(foreign[f]);
            anyOpen |= open[f];
        }
        purchaseShares(status, anyOpen, domestic);

        double unmet = deploy(demand);
        model.recorder().reportDemand(index, demand, unmet);

        updateSignals(desk.events(), today);
        double anticipatoryTotal = 0;
        double gap = Double.NaN;
        for (int f = 0; f < foreign.length; f++) {
            hazard[f] = Beliefs.perceivedHazard(beliefs.priorHazardPerYear(), sensitivity, signal[f]);
            anticipatory[f] = 0;
            if (open[f] && buyer.anticipation()) {
                double p = Beliefs.banProbability(hazard[f], beliefs.planningHorizonMonths());
                if (Double.isNaN(gap)) {
                    gap = Stocking.substituteGapMonths(
                            expectedAdequateDay(status, today), today, buyer.substituteRampMonths());
                }
                double cover = Stocking.anticipatoryCoverMonths(
                        p, buyer.shortageCostMultiple(), buyer.holdingCostPerYear(), gap);
                anticipatory[f] = cover * weekly * foreignShare[f] * Calendar.WEEKS_PER_MONTH / performance[f];
            }
            anticipatoryTotal += anticipatory[f];
        }
        model.recorder().reportBelief(hazard[0], anticipatoryTotal);

        int window = step % spendByStep.length;
        spentInWindow -= spendByStep[window];
        spendByStep[window] = 0;
        long matched = 0;
        for (int f = 0; f < foreign.length; f++) {
            if (open[f]) {
                long units = orderForeign(f, status, weekly, today, step, window);
                matched += (long) Math.ceil(units * status.matchRatio());
            }
        }
        if (domestic >= 0) {
            orderDomestic(status, weekly, domestic, today, window, matched);
        }
    }

    private int currentDomesticProduct(MarketStatus status) {
        int current = -1;
        for (int p : domesticProducts) {
            if (status.available(p)) {
                current = p;
            }
        }
        return current;
    }

    private double effectivePerformance(int product) {
        return domesticEffectivePerformance[product];
    }

    /**
     * This step's split of purchases: the domestic share, and each foreign product's share, by cost per unit of
     * effective performance (a foreign product's cost includes the importing country's shadow cost); then a blocked
     * product keeps only its exempt share (the rest goes to the domestic product) and a procurement mandate raises
     * the domestic share to its floor.
     */
    private void purchaseShares(MarketStatus status, boolean anyOpen, int domestic) {
        if (domestic < 0) {
            domesticShare = 0.0;
        } else if (!anyOpen) {
            domesticShare = 1.0;
        } else {
            for (int f = 0; f < foreign.length; f++) {
                costs[f] = status.priceUsd(foreign[f]) * (1 + status.shadowCostShare(foreign[f])) / performance[f];
            }
            double costDomestic = status.priceUsd(domestic) / effectivePerformance(domestic);
            domesticShare = Switching.domesticShare(costDomestic, costs, open, buyer.switchingSensitivity());
        }
        if (!anyOpen) {
            java.util.Arrays.fill(foreignShare, 0.0);
            return;
        }
        if (domestic < 0) {
            for (int f = 0; f < foreign.length; f++) {
                costs[f] = status.priceUsd(foreign[f]) * (1 + status.shadowCostShare(foreign[f])) / performance[f];
            }
        }
        Switching.foreignShares(1 - domesticShare, costs, open, buyer.switchingSensitivity(), foreignShare);
        for (int f = 0; f < foreign.length; f++) {
            double allowed = status.importShare(foreign[f]);
            if (allowed < 1 && domestic >= 0) {
                domesticShare += foreignShare[f] * (1 - allowed);
                foreignShare[f] *= allowed;
            }
        }
        double floor = status.mandateShare(index);
        if (floor > domesticShare && domestic >= 0) {
            double scale = domesticShare < 1 ? (1 - floor) / (1 - domesticShare) : 0;
            for (int f = 0; f < foreign.length; f++) {
                foreignShare[f] *= scale;
            }
            domesticShare = floor;
        }
    }

    /**
     * Puts stock into service to meet this step's demand: the domestic share from domestic stock, what is left from
     * the foreign products in proportion to their shares, then whatever remains from any foreign stock not yet
     * drawn on, and last from domestic stock again. Returns the compute left unmet.
     */
    private double deploy(double demand) {
        double servedDomestic = deployDomestic(demand * domesticShare);
        double foreignPart = 1 - domesticShare;
        double remaining = demand - servedDomestic;
        double servedForeign = 0;
        for (int f = 0; f < foreign.length; f++) {
            drawn[f] = foreignPart > 0 && foreignShare[f] > 0;
            if (drawn[f]) {
                servedForeign += deployUnits(foreign[f], remaining * (foreignShare[f] / foreignPart), performance[f]);
            }
        }
        for (int f = 0; f < foreign.length; f++) {
            if (!drawn[f]) {
                servedForeign += deployUnits(foreign[f], demand - servedDomestic - servedForeign, performance[f]);
            }
        }
        double rest = demand - servedDomestic - servedForeign;
        if (rest > 0) {
            servedDomestic += deployDomestic(rest);
        }
        return Math.max(0.0, demand - servedDomestic - servedForeign);
    }

    private double deployDomestic(double compute) {
        double served = 0;
        for (int i = domesticProducts.length - 1; i >= 0 && served < compute; i--) {
            int p = domesticProducts[i];
            served += deployUnits(p, compute - served, effectivePerformance(p));
        }
        return served;
    }

    private double deployUnits(int product, double compute, double perf) {
        long stock = desk.stock(product);
        if (compute <= 0 || stock == 0) {
            return 0;
        }
        long units = Math.min(stock, Math.round(compute / perf));
        if (units > 0) {
            desk.deploy(product, units);
        }
        return units * perf;
    }

    /**
     * Brings each foreign product's signal sum {@code S_f = sum(weight_k(f) * exp(-ageMonths_k / decayMonths))} to
     * today: the old sums decay by one step, and events published since the last step join with their age on their
     * first day seen (counted from their own day when that is earlier, as for control rounds before the start).
     */
    private void updateSignals(EventLog events, int today) {
        for (int f = 0; f < foreign.length; f++) {
            signal[f] *= signalDecayPerStep;
        }
        for (; eventsSeen < events.size(); eventsSeen++) {
            MarketEvent e = events.get(eventsSeen);
            double age = Math.exp(-Math.max(0, today - e.day()) / Calendar.DAYS_PER_MONTH / beliefs.decayMonths());
            for (int f = 0; f < foreign.length; f++) {
                double w = Beliefs.signalWeight(e.kind(), e.product(), foreign[f], beliefs);
                if (w != 0) {
                    signal[f] += w * age;
                }
            }
        }
    }

    /** Earliest day a domestic product meeting the adequacy bar is expected (today when one is on sale). */
    private double expectedAdequateDay(MarketStatus status, int today) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < domesticProducts.length; i++) {
            int p = domesticProducts[i];
            if (effectivePerformance(p) < buyer.adequatePerformance()) {
                continue;
            }
            double day = status.launched(p) ? today : Math.max(today, domesticExpectedLaunchDay[i]);
            best = Math.min(best, day);
        }
        return best;
    }

    /** Orders a foreign product up to its target; returns the units ordered. */
    private long orderForeign(int f, MarketStatus status, double weekly, int today, int step, int window) {
        int product = foreign[f];
        double weeklyNeed = weekly * foreignShare[f] / performance[f];
        double working = Stocking.workingTarget(buyer.workingInventoryWeeks(), foreignReplenishWeeks[f], weeklyNeed);
        double position = desk.position(product);
        double price = status.priceUsd(product);
        long units = Stocking.affordable(
                Stocking.orderUpTo(working + anticipatory[f], position),
                price,
                buyer.budgetUsdPerYear() - spentInWindow);
        if (units <= 0) {
            return 0;
        }
        long rush = Stocking.rushPortion(units, anticipatory[f], rushCommitted[f]);
        long regular = units - rush;
        long priceCents = Math.round(price * 100.0);
        int earliest = today + minLeadDays;
        if (regular > 0) {
            int quoted = status.quote(product).quoteDay(regular);
            desk.order(product, regular, priceCents, step, Math.max(earliest, quoted), false);
        }
        if (rush > 0) {
            int quoted = status.quote(product).quoteDay(rush);
            int expectedBan =
                    today + (int) Math.round(Beliefs.expectedDaysToBan(hazard[f], beliefs.planningHorizonMonths()));
            desk.order(product, rush, priceCents, step, Stocking.rushDeadline(earliest, quoted, expectedBan), true);
            rushCommitted[f] += rush;
        }
        spend(units * price, window);
        return units;
    }

    /**
     * Calls off the domestic product up to its working target, plus {@code matched} units a domestic-matching rule
     * requires for this step's foreign orders.
     */
    private void orderDomestic(MarketStatus status, double weekly, int product, int today, int window, long matched) {
        double workingCompute =
                Stocking.workingTarget(buyer.workingInventoryWeeks(), domesticReplenishWeeks, weekly * domesticShare);
        double positionCompute = 0;
        for (int p : domesticProducts) {
            positionCompute += desk.position(p) * effectivePerformance(p);
        }
        double price = status.priceUsd(product);
        long units = Stocking.affordable(
                Stocking.orderUpTo(
                                workingCompute / effectivePerformance(product),
                                positionCompute / effectivePerformance(product))
                        + matched,
                price,
                buyer.budgetUsdPerYear() - spentInWindow);
        if (units > 0) {
            // Domestic purchases are call-offs under a standing order with the maker.
            desk.callOff(product, units, Math.round(price * 100.0), model.step(), today + minLeadDays);
            spend(units * price, window);
        }
    }

    private void spend(double usd, int window) {
        spendByStep[window] += usd;
        spentInWindow += usd;
    }
}
