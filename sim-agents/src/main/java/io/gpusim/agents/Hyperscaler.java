package io.gpusim.agents;

import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.Ledger;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.scenario.BeliefSpec;
import io.gpusim.core.scenario.DomesticMakerSpec;
import io.gpusim.core.scenario.HyperscalerSpec;
import io.gpusim.core.scenario.Scenario;
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

    private final transient HyperscalerSpec spec;
    private final transient BeliefSpec beliefs;
    private final transient MarketModel model;
    private final int index;
    private final double levelMultiplier;
    private final double sensitivity;
    private final transient ScenarioPlan plan;
    private final double signalDecayPerStep;
    // Parameters as primitives, read once (the scenario records hold boxed values).
    private final double noiseSd;
    private final double priorHazard;
    private final double horizonMonths;
    private final double decayMonths;
    private final boolean anticipates;
    private final double rampMonths;
    private final double shortageCost;
    private final double holdingCost;
    private final double adequatePerformance;
    private final double switchingSensitivity;
    private final double workingWeeks;
    private final double budgetUsdPerYear;
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
        Scenario s = model.scenario();
        this.spec = s.hyperscalers().get(index);
        this.beliefs = s.beliefs();
        Calendar cal = model.calendar();
        // Draw order is fixed: demand level, then belief sensitivity.
        this.levelMultiplier = Math.exp(spec.demandLevelSd() * model.nextGaussian());
        this.sensitivity = spec.signalSensitivity() * Math.exp(spec.sensitivitySd() * model.nextGaussian());
        this.signalDecayPerStep = Beliefs.signalDecay(cal.stepDays(), beliefs.decayMonths());
        this.noiseSd = spec.demandNoiseSd();
        this.priorHazard = beliefs.priorHazardPerYear();
        this.horizonMonths = beliefs.planningHorizonMonths();
        this.decayMonths = beliefs.decayMonths();
        this.anticipates = spec.anticipation();
        this.rampMonths = spec.substituteRampMonths();
        this.shortageCost = spec.shortageCostMultiple();
        this.holdingCost = spec.holdingCostPerYear();
        this.adequatePerformance = spec.adequatePerformance();
        this.switchingSensitivity = spec.switchingSensitivity();
        this.workingWeeks = spec.workingInventoryWeeks();
        this.budgetUsdPerYear = spec.budgetUsdPerYear();
        this.minLeadDays = spec.minLeadWeeks() * 7;
        this.vendorProduct = model.vendorProduct();
        DomesticMakerSpec dom = s.domestic();
        int n = dom == null ? 0 : dom.roadmap().size();
        this.domesticProducts = new int[n];
        this.domesticExpectedLaunchDay = new double[n];
        this.vendorPerformance = model.product(vendorProduct).relativePerformance();
        this.domesticEffectivePerformance = new double[s.products().size()];
        for (int i = 0; i < n; i++) {
            DomesticMakerSpec.RoadmapEntry e = dom.roadmap().get(i);
            domesticProducts[i] = s.productIndex(e.product());
            domesticEffectivePerformance[domesticProducts[i]] = model.product(domesticProducts[i])
                    .relativePerformance() * spec.domesticSoftwareDiscount();
            // Buyers know the announced date and the typical slip, not this replication's draw.
            domesticExpectedLaunchDay[i] = model.product(domesticProducts[i]).firstAvailableDay()
                    + Math.max(0.0, e.delayMeanMonths()) * Calendar.DAYS_PER_MONTH;
        }
        this.spendByStep = new double[cal.stepsForWeeks(52, 1)];
        // An order placed now arrives after one review period plus the seller's shipping time.
        this.vendorReplenishWeeks = cal.stepWeeks() + s.vendor().shippingWeeks();
        this.domesticReplenishWeeks = cal.stepWeeks() + (dom == null ? 0 : dom.shippingWeeks());
    }

    // ---- decisions (pure functions) --------------------------------------------------------------------------













    // ---- step -------------------------------------------------------------------------------------------------

    @Override
    public void step(SimState state) {
        Ledger ledger = model.ledger();
        MarketStatus status = model.status();
        Calendar cal = model.calendar();
        int today = model.today();
        int step = model.step();
        double stepWeeks = cal.stepWeeks();

        double weekly = plan.weeklyDemandTrend(index, step) * levelMultiplier;
        double demand = weekly * stepWeeks * Math.exp(noiseSd * model.nextGaussian() - noiseSd * noiseSd / 2);

        int domestic = currentDomesticProduct(status);
        boolean vendorOpen = status.available(vendorProduct);
        domesticShare = purchaseShare(status, vendorOpen, domestic);

        double unmet = deploy(ledger, demand, domesticShare);
        model.recorder().reportDemand(index, demand, unmet);

        updateSignal(model.events(), today);
        double hazard = Beliefs.perceivedHazard(priorHazard, sensitivity, signal);
        double anticipatory = 0;
        if (vendorOpen && anticipates) {
            double p = Beliefs.banProbability(hazard, horizonMonths);
            double gap = Stocking.substituteGapMonths(expectedAdequateDay(status, today), today, rampMonths);
            double cover = Stocking.anticipatoryCoverMonths(p, shortageCost, holdingCost, gap);
            anticipatory = cover * weekly * (1 - domesticShare) * Calendar.WEEKS_PER_MONTH / vendorPerformance;
        }
        model.recorder().reportBelief(hazard, anticipatory);

        int window = step % spendByStep.length;
        spentInWindow -= spendByStep[window];
        spendByStep[window] = 0;
        if (vendorOpen) {
            orderVendor(ledger, status, weekly, anticipatory, hazard, today, step, window);
        }
        if (domestic >= 0) {
            orderDomestic(ledger, status, weekly, domestic, today, window);
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
        return Switching.domesticShare(costVendor, costDomestic, switchingSensitivity);
    }

    /**
     * Puts stock into service to meet this step's demand: the domestic share from domestic stock and the rest from
     * vendor stock, each falling back on the other when it runs short. Returns the compute left unmet.
     */
    private double deploy(Ledger ledger, double demand, double share) {
        double domesticNeed = demand * share;
        double servedDomestic = deployDomestic(ledger, domesticNeed);
        double vendorNeed = demand - servedDomestic;
        double servedVendor = deployUnits(ledger, vendorProduct, vendorNeed,
                vendorPerformance);
        double rest = demand - servedDomestic - servedVendor;
        if (rest > 0) {
            servedDomestic += deployDomestic(ledger, rest);
        }
        return Math.max(0.0, demand - servedDomestic - servedVendor);
    }

    private double deployDomestic(Ledger ledger, double compute) {
        double served = 0;
        for (int i = domesticProducts.length - 1; i >= 0 && served < compute; i--) {
            int p = domesticProducts[i];
            served += deployUnits(ledger, p, compute - served, effectivePerformance(p));
        }
        return served;
    }

    private double deployUnits(Ledger ledger, int product, double compute, double perf) {
        long stock = ledger.stock(index, product);
        if (compute <= 0 || stock == 0) {
            return 0;
        }
        long units = Math.min(stock, Math.round(compute / perf));
        if (units > 0) {
            ledger.deploy(index, product, units);
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
                signal += w * Math.exp(-Math.max(0, today - e.day()) / Calendar.DAYS_PER_MONTH / decayMonths);
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
            if (effectivePerformance(p) < adequatePerformance) {
                continue;
            }
            double day = status.launched(p) ? today : Math.max(today, domesticExpectedLaunchDay[i]);
            best = Math.min(best, day);
        }
        return best;
    }

    private void orderVendor(Ledger ledger, MarketStatus status, double weekly, double anticipatory, double hazard,
            int today, int step, int window) {
        double weeklyNeed = weekly * (1 - domesticShare) / vendorPerformance;
        double working = Stocking.workingTarget(workingWeeks, vendorReplenishWeeks, weeklyNeed);
        double position = ledger.position(index, vendorProduct);
        double price = status.priceUsd(vendorProduct);
        long units = Stocking.affordable(Stocking.orderUpTo(working + anticipatory, position), price,
                budgetUsdPerYear - spentInWindow);
        if (units <= 0) {
            return;
        }
        long rush = Stocking.rushPortion(units, anticipatory, rushCommitted);
        long regular = units - rush;
        long priceCents = Math.round(price * 100.0);
        int earliest = today + minLeadDays;
        if (regular > 0) {
            int quoted = model.calendar().firstDayOf(status.quote(vendorProduct).quoteStep(regular));
            ledger.placeOrder(index, vendorProduct, regular, priceCents, step, Math.max(earliest, quoted), false);
        }
        if (rush > 0) {
            int quoted = model.calendar().firstDayOf(status.quote(vendorProduct).quoteStep(rush));
            int expectedBan = today + (int) Math.round(Beliefs.expectedDaysToBan(hazard, horizonMonths));
            ledger.placeOrder(index, vendorProduct, rush, priceCents, step, Stocking.rushDeadline(earliest, quoted,
                    expectedBan), true);
            rushCommitted += rush;
        }
        spend(units * price, window);
    }

    private void orderDomestic(Ledger ledger, MarketStatus status, double weekly, int product, int today,
            int window) {
        double workingCompute = Stocking.workingTarget(workingWeeks, domesticReplenishWeeks,
                weekly * domesticShare);
        double positionCompute = 0;
        for (int p : domesticProducts) {
            positionCompute += ledger.position(index, p) * effectivePerformance(p);
        }
        double price = status.priceUsd(product);
        long units = Stocking.affordable(Stocking.orderUpTo(workingCompute / effectivePerformance(product),
                positionCompute / effectivePerformance(product)), price, budgetUsdPerYear - spentInWindow);
        if (units > 0) {
            // Domestic purchases are call-offs under a standing order with the maker.
            ledger.placeOrTopUp(index, product, units, Math.round(price * 100.0), model.step(),
                    today + minLeadDays);
            spend(units * price, window);
        }
    }

    private void spend(double usd, int window) {
        spendByStep[window] += usd;
        spentInWindow += usd;
    }
}
