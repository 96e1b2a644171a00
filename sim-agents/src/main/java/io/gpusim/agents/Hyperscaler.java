package io.gpusim.agents;

import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.BuyerView;
import io.gpusim.core.market.EventKind;
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
 * A Chinese hyperscaler. Each step it sees its compute demand, puts stock into service, updates its belief about the
 * hazard that the vendor product becomes unavailable, chooses how to split purchases between the vendor and the
 * domestic product, and orders up to a target: working inventory plus, when it fears a ban, an anticipatory stock
 * sized to bridge the months until a domestic substitute is good enough. Orders that raise the anticipatory stock
 * are rush orders, requested by the seller's quoted date but no later than the date the buyer expects the ban.
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
    private final double vendorPerformance;
    private final double[] domesticEffectivePerformance;
    private double signal;
    private int eventsSeen;
    private final int vendorProduct;
    private final int[] domesticProducts;
    private final double[] domesticExpectedLaunchDay;
    private final double[] spendByStep;
    private final double vendorReplenishWeeks;
    private final double domesticReplenishWeeks;
    private double spentInWindow;
    private double rushCommitted;
    private double domesticShare;

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
        this.vendorProduct = model.vendorProduct();
        DomesticParams dom = params.domestic();
        int n = dom.roadmapSize();
        this.domesticProducts = dom.roadmapProducts().clone();
        this.domesticExpectedLaunchDay = new double[n];
        this.vendorPerformance = model.product(vendorProduct).relativePerformance();
        this.domesticEffectivePerformance = new double[model.products().size()];
        for (int i = 0; i < n; i++) {
            domesticEffectivePerformance[domesticProducts[i]] =
                    model.product(domesticProducts[i]).relativePerformance() * buyer.domesticSoftwareDiscount();
            // Buyers know the announced date and the typical slip, not this replication's draw.
            domesticExpectedLaunchDay[i] = model.product(domesticProducts[i]).firstAvailableDay()
                    + Math.max(0.0, dom.delayMeanMonths()[i]) * Calendar.DAYS_PER_MONTH;
        }
        this.spendByStep = new double[cal.stepsForWeeks(52, 1)];
        // The working level covers one review period plus the seller's shipping time.
        this.vendorReplenishWeeks = Stocking.REVIEW_WEEKS + params.vendor().shippingWeeks();
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
        boolean vendorOpen = status.available(vendorProduct);
        domesticShare = purchaseShare(status, vendorOpen, domestic);

        double unmet = deploy(demand, domesticShare);
        model.recorder().reportDemand(index, demand, unmet);

        updateSignal(desk.events(), today);
        double hazard = Beliefs.perceivedHazard(beliefs.priorHazardPerYear(), sensitivity, signal);
        double anticipatory = 0;
        if (vendorOpen && buyer.anticipation()) {
            double p = Beliefs.banProbability(hazard, beliefs.planningHorizonMonths());
            double gap = Stocking.substituteGapMonths(
                    expectedAdequateDay(status, today), today, buyer.substituteRampMonths());
            double cover =
                    Stocking.anticipatoryCoverMonths(p, buyer.shortageCostMultiple(), buyer.holdingCostPerYear(), gap);
            anticipatory = cover * weekly * (1 - domesticShare) * Calendar.WEEKS_PER_MONTH / vendorPerformance;
        }
        model.recorder().reportBelief(hazard, anticipatory);

        int window = step % spendByStep.length;
        spentInWindow -= spendByStep[window];
        spendByStep[window] = 0;
        if (vendorOpen) {
            orderVendor(status, weekly, anticipatory, hazard, today, step, window);
        }
        if (domestic >= 0) {
            orderDomestic(status, weekly, domestic, today, window);
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

    private double purchaseShare(MarketStatus status, boolean vendorOpen, int domestic) {
        if (domestic < 0) {
            return 0.0;
        }
        if (!vendorOpen) {
            return 1.0;
        }
        double costVendor = status.priceUsd(vendorProduct) / vendorPerformance;
        double costDomestic = status.priceUsd(domestic) / effectivePerformance(domestic);
        return Switching.domesticShare(costVendor, costDomestic, buyer.switchingSensitivity());
    }

    /**
     * Puts stock into service to meet this step's demand: the domestic share from domestic stock and the rest from
     * vendor stock, each falling back on the other when it runs short. Returns the compute left unmet.
     */
    private double deploy(double demand, double share) {
        double domesticNeed = demand * share;
        double servedDomestic = deployDomestic(domesticNeed);
        double vendorNeed = demand - servedDomestic;
        double servedVendor = deployUnits(vendorProduct, vendorNeed, vendorPerformance);
        double rest = demand - servedDomestic - servedVendor;
        if (rest > 0) {
            servedDomestic += deployDomestic(rest);
        }
        return Math.max(0.0, demand - servedDomestic - servedVendor);
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
     * Brings the signal sum {@code S = sum(weight_k * exp(-ageMonths_k / decayMonths))} to today: the old sum
     * decays by one step, and events published since the last step join with their age on their first day seen
     * (counted from their own day when that is earlier, as for control rounds before the start).
     */
    private void updateSignal(EventLog events, int today) {
        signal *= signalDecayPerStep;
        for (; eventsSeen < events.size(); eventsSeen++) {
            MarketEvent e = events.get(eventsSeen);
            double w = signalWeight(e);
            if (w != 0) {
                signal += w * Math.exp(-Math.max(0, today - e.day()) / Calendar.DAYS_PER_MONTH / beliefs.decayMonths());
            }
        }
    }

    private double signalWeight(MarketEvent e) {
        EventKind k = e.kind();
        return switch (k) {
            case CONTROL_ROUND -> beliefs.controlRoundWeight();
            case LEAK -> beliefs.leakWeight();
            case BAN_ANNOUNCED -> e.product() == vendorProduct ? 0.0 : beliefs.banWeight();
            case REVERSAL -> beliefs.reversalWeight();
            case BAN_EFFECTIVE, LAUNCH -> 0.0;
        };
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

    private void orderVendor(
            MarketStatus status, double weekly, double anticipatory, double hazard, int today, int step, int window) {
        double weeklyNeed = weekly * (1 - domesticShare) / vendorPerformance;
        double working = Stocking.workingTarget(buyer.workingInventoryWeeks(), vendorReplenishWeeks, weeklyNeed);
        double position = desk.position(vendorProduct);
        double price = status.priceUsd(vendorProduct);
        long units = Stocking.affordable(
                Stocking.orderUpTo(working + anticipatory, position), price, buyer.budgetUsdPerYear() - spentInWindow);
        if (units <= 0) {
            return;
        }
        long rush = Stocking.rushPortion(units, anticipatory, rushCommitted);
        long regular = units - rush;
        long priceCents = Math.round(price * 100.0);
        int earliest = today + minLeadDays;
        if (regular > 0) {
            int quoted = status.quote(vendorProduct).quoteDay(regular);
            desk.order(vendorProduct, regular, priceCents, step, Math.max(earliest, quoted), false);
        }
        if (rush > 0) {
            int quoted = status.quote(vendorProduct).quoteDay(rush);
            int expectedBan =
                    today + (int) Math.round(Beliefs.expectedDaysToBan(hazard, beliefs.planningHorizonMonths()));
            desk.order(
                    vendorProduct, rush, priceCents, step, Stocking.rushDeadline(earliest, quoted, expectedBan), true);
            rushCommitted += rush;
        }
        spend(units * price, window);
    }

    private void orderDomestic(MarketStatus status, double weekly, int product, int today, int window) {
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
                        positionCompute / effectivePerformance(product)),
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
