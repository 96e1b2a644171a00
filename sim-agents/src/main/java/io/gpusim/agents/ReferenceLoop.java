package io.gpusim.agents;

import ec.util.MersenneTwisterFast;
import io.gpusim.core.Calendar;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.DomesticMakerSpec;
import io.gpusim.core.scenario.HyperscalerSpec;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.VendorSpec;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The performance reference for {@code gpusim bench}: the same per-step arithmetic as the agents (it calls their
 * decision functions), in one plain loop over primitive arrays, with no scheduler, no ledger, no order objects and
 * no events. Orders are pooled per buyer (rush and regular), shipments per arrival step. It exists to show what
 * the per-step arithmetic costs on its own; its results are close to the model's but not identical, and nothing
 * but the benchmark uses them. Only fixed-date bans are modelled.
 */
public final class ReferenceLoop {
    private final Scenario s;
    private final ScenarioPlan plan;
    private final Calendar cal;
    private final int buyers;
    private final int steps;
    private final double stepWeeks;
    private final double[] signalDays;
    private final double[] signalWeights;
    private final int banDay;
    private final double domesticPerf;
    private final double domesticPrice;
    private final int domesticLaunchPlanned;
    private final double adequateExpectedDay;

    public ReferenceLoop(ScenarioPlan plan) {
        Scenario scenario = plan.scenario();
        this.plan = plan;
        this.s = scenario;
        this.cal = plan.calendar();
        this.buyers = scenario.hyperscalers().size();
        this.steps = cal.steps();
        this.stepWeeks = cal.stepWeeks();
        var reg = scenario.regulator();
        this.banDay = reg.banDate() == null ? Integer.MAX_VALUE : cal.dayOf(reg.banDate()) + reg.graceDays();
        int leak = reg.leak() == null || reg.banDate() == null ? Integer.MAX_VALUE
                : cal.dayOf(reg.banDate()) - reg.leak().leadDays();
        int n = reg.history().size() + (leak == Integer.MAX_VALUE ? 0 : 1);
        signalDays = new double[n];
        signalWeights = new double[n];
        for (int i = 0; i < reg.history().size(); i++) {
            signalDays[i] = cal.dayOf(reg.history().get(i));
            signalWeights[i] = scenario.beliefs().controlRoundWeight();
        }
        if (leak != Integer.MAX_VALUE) {
            signalDays[n - 1] = leak;
            signalWeights[n - 1] = scenario.beliefs().leakWeight();
        }
        sortByDay(signalDays, signalWeights);
        DomesticMakerSpec d = scenario.domestic();
        var first = d.roadmap().get(0);
        var product = scenario.products().get(scenario.productIndex(first.product()));
        HyperscalerSpec h0 = scenario.hyperscalers().get(0);
        domesticPerf = product.relativePerformance() * h0.domesticSoftwareDiscount();
        domesticPrice = product.unitPriceUsd();
        domesticLaunchPlanned = cal.dayOf(product.firstAvailable());
        double best = Double.POSITIVE_INFINITY;
        for (var e : d.roadmap()) {
            var p = scenario.products().get(scenario.productIndex(e.product()));
            if (p.relativePerformance() * h0.domesticSoftwareDiscount() >= h0.adequatePerformance()) {
                LocalDate planned = p.firstAvailable();
                best = Math.min(best, cal.dayOf(planned) + Math.max(0, e.delayMeanMonths()) * Calendar.DAYS_PER_MONTH);
            }
        }
        adequateExpectedDay = best;
    }

    /** One replication; returns its metrics (series are not recorded). */
    public RunResult run(long replicationSeed) {
        MersenneTwisterFast rng = Seeds.random(replicationSeed);
        NormalizedGaussianSampler normal = Seeds.gaussian(rng);
        rng.nextDouble();
        rng.nextDouble();
        double[] level = new double[buyers];
        double[] sens = new double[buyers];
        for (int b = 0; b < buyers; b++) {
            HyperscalerSpec h = s.hyperscalers().get(b);
            level[b] = Math.exp(h.demandLevelSd() * normal.sample());
            sens[b] = h.signalSensitivity() * Math.exp(h.sensitivitySd() * normal.sample());
        }
        VendorSpec v = s.vendor();
        int lead = cal.stepsForWeeks(v.waferLeadWeeksMin()
                + rng.nextInt(v.waferLeadWeeksMax() - v.waferLeadWeeksMin() + 1), 1);
        DomesticMakerSpec d = s.domestic();
        int domesticLaunch = domesticLaunchPlanned + (int) Math.round(DomesticMaker.launchDelayMonths(
                d.roadmap().get(0).delayMeanMonths(), d.roadmap().get(0).delaySdMonths(), normal.sample())
                * Calendar.DAYS_PER_MONTH);
        int ship = cal.stepsForWeeks(v.shippingWeeks(), 0);

        long[] completions = new long[lead + 1];
        double forecast = v.initialOrdersPerWeek() * stepWeeks;
        long wip = 0;
        for (int k = 0; k < lead; k++) {
            completions[k] = Math.round(forecast);
            wip += completions[k];
        }
        long fg = 0;
        long dFg = 0;
        long[] stockV = new long[buyers];
        long[] stockD = new long[buyers];
        long[] backlogReg = new long[buyers];
        long[] backlogRush = new long[buyers];
        long[] backlogD = new long[buyers];
        long[][] arrivalsV = new long[steps + ship + 2][buyers];
        long[][] arrivalsD = new long[steps + 2][buyers];
        long[] transitV = new long[buyers];
        double[] rushCommitted = new double[buyers];
        double[] spendWindow = new double[buyers];
        double[][] spend = new double[buyers][cal.stepsForWeeks(52, 1)];
        double price = s.products().get(s.productIndex(v.product())).unitPriceUsd();
        double requested = 0;
        double requestedValue = 0;
        double delivered = 0;
        double stockAtBan = Double.NaN;
        double writedown = 0;
        double lost = 0;
        double unmet = 0;
        double demandAtBan = 0;
        boolean banned = false;
        double tau = s.beliefs().decayMonths();
        double decay = Hyperscaler.signalDecay(cal.stepDays(), tau);
        double signal = 0;
        int signalsSeen = 0;
        double horizon = s.beliefs().planningHorizonMonths();
        double unitCost = s.products().get(s.productIndex(v.product())).unitCostUsd();

        for (int t = 0; t < steps; t++) {
            int today = cal.firstDayOf(t);
            for (int b = 0; b < buyers; b++) {
                stockV[b] += arrivalsV[t][b];
                transitV[b] -= arrivalsV[t][b];
                stockD[b] += arrivalsD[t][b];
            }
            if (!banned && banDay < today + cal.stepDays()) {
                banned = true;
                stockAtBan = Arrays.stream(stockV).sum();
                for (int b = 0; b < buyers; b++) {
                    lost += (backlogReg[b] + backlogRush[b]) * price;
                    backlogReg[b] = 0;
                    backlogRush[b] = 0;
                }
                writedown = (fg + wip) * unitCost;
                fg = 0;
                wip = 0;
                Arrays.fill(completions, 0);
            }
            boolean domesticOpen = domesticLaunch < today + cal.stepDays();
            signal *= decay;
            for (; signalsSeen < signalDays.length && signalDays[signalsSeen] < today + cal.stepDays(); signalsSeen++) {
                signal += signalWeights[signalsSeen] * Math.exp(-Math.max(0, today - signalDays[signalsSeen])
                        / Calendar.DAYS_PER_MONTH / tau);
            }
            long ordered = 0;
            double demandStep = 0;
            for (int b = 0; b < buyers; b++) {
                HyperscalerSpec h = s.hyperscalers().get(b);
                double weekly = plan.weeklyDemandTrend(b, t) * level[b];
                double sd = h.demandNoiseSd();
                double demand = weekly * stepWeeks * Math.exp(sd * normal.sample() - sd * sd / 2);
                demandStep += demand;
                double share = !domesticOpen ? 0 : banned ? 1
                        : Hyperscaler.domesticShare(price, domesticPrice / domesticPerf, h.switchingSensitivity());
                long useD = Math.min(stockD[b], Math.round(demand * share / domesticPerf));
                stockD[b] -= useD;
                double rest = demand - useD * domesticPerf;
                long useV = Math.min(stockV[b], Math.round(rest));
                stockV[b] -= useV;
                unmet += Math.max(0, rest - useV);
                double hazard = Hyperscaler.perceivedHazard(s.beliefs().priorHazardPerYear(), sens[b], signal);
                int w = t % spend[b].length;
                spendWindow[b] -= spend[b][w];
                spend[b][w] = 0;
                if (!banned) {
                    double anticipatory = 0;
                    if (h.anticipation()) {
                        double p = Hyperscaler.banProbability(hazard, horizon);
                        double gap = Hyperscaler.substituteGapMonths(domesticOpen && domesticPerf
                                >= h.adequatePerformance() ? today : Math.max(today, adequateExpectedDay), today,
                                h.substituteRampMonths());
                        anticipatory = Hyperscaler.anticipatoryCoverMonths(p, h.shortageCostMultiple(),
                                h.holdingCostPerYear(), gap) * weekly * (1 - share) * 52.0 / 12.0;
                    }
                    double need = weekly * (1 - share);
                    double target = Hyperscaler.workingTarget(h.workingInventoryWeeks(), stepWeeks + v.shippingWeeks(),
                            need) + anticipatory;
                    long units = Hyperscaler.affordable(Hyperscaler.orderUpTo(target,
                            stockV[b] + transitV[b] + backlogReg[b] + backlogRush[b]), price,
                            h.budgetUsdPerYear() - spendWindow[b]);
                    long rush = Hyperscaler.rushPortion(units, anticipatory, rushCommitted[b]);
                    rushCommitted[b] += rush;
                    requested += rush;
                    requestedValue += rush * price;
                    backlogRush[b] += rush;
                    backlogReg[b] += units - rush;
                    ordered += units;
                    spend[b][w] += units * price;
                    spendWindow[b] += units * price;
                }
                if (domesticOpen) {
                    double targetD = Hyperscaler.workingTarget(h.workingInventoryWeeks(), stepWeeks + d.shippingWeeks(),
                            weekly * share) / domesticPerf;
                    backlogD[b] += Hyperscaler.orderUpTo(targetD, stockD[b] + backlogD[b]);
                }
            }
            if (!banned) {
                int slot = t % completions.length;
                fg += completions[slot];
                wip -= completions[slot];
                completions[slot] = 0;
                forecast = GpuVendor.updateForecast(forecast, ordered, v.forecastSmoothing());
                long backlog = 0;
                long[] out = new long[buyers];
                for (int b = 0; b < buyers; b++) {
                    out[b] = backlogRush[b] + backlogReg[b];
                    backlog += out[b];
                }
                double cap = plan.vendorCapacity(t);
                long starts = GpuVendor.productionStarts(forecast, lead, v.safetyStockWeeks() / stepWeeks, backlog,
                        fg, wip, cap);
                wip += starts;
                completions[(t + lead) % completions.length] += starts;
                long[] share = Allocation.proportional(fg, out);
                for (int b = 0; b < buyers; b++) {
                    long fromRush = Math.min(share[b], backlogRush[b]);
                    backlogRush[b] -= fromRush;
                    backlogReg[b] -= share[b] - fromRush;
                    delivered += fromRush;
                    fg -= share[b];
                    transitV[b] += share[b];
                    arrivalsV[t + ship][b] += share[b];
                }
                price = GpuVendor.scarcityPrice(s.products().get(s.productIndex(v.product())).unitPriceUsd(),
                        v.scarcityMarkupMax(), backlog / Math.max(1.0, forecast / stepWeeks),
                        v.scarcityBacklogWeeks());
            }
            if (domesticOpen) {
                dFg += (long) plan.domesticCapacity(t);
                long[] shareD = Allocation.proportional(dFg, backlogD);
                for (int b = 0; b < buyers; b++) {
                    backlogD[b] -= shareD[b];
                    dFg -= shareD[b];
                    arrivalsD[t + 1][b] += shareD[b];
                }
            }
            if (banned && demandAtBan == 0) {
                demandAtBan = demandStep;
            }
        }
        double[] m = new double[Metric.values().length];
        Arrays.fill(m, Double.NaN);
        m[Metric.REQUESTED_UNITS.ordinal()] = requested;
        m[Metric.REQUESTED_VALUE_USD.ordinal()] = requestedValue;
        m[Metric.DELIVERED_UNITS_BEFORE_BAN.ordinal()] = delivered;
        m[Metric.SHIPPED_SHARE.ordinal()] = requested > 0 ? delivered / requested : Double.NaN;
        m[Metric.STOCKPILE_UNITS_AT_BAN.ordinal()] = stockAtBan;
        m[Metric.STOCKPILE_MONTHS_AT_BAN.ordinal()] = stockAtBan / (demandAtBan * Calendar.DAYS_PER_MONTH
                / cal.stepDays());
        m[Metric.VENDOR_WRITEDOWN_USD.ordinal()] = writedown;
        m[Metric.VENDOR_LOST_REVENUE_USD.ordinal()] = lost;
        m[Metric.UNMET_DEMAND_UNITS.ordinal()] = unmet;
        m[Metric.BAN_DAY.ordinal()] = banned ? banDay : Double.NaN;
        return new RunResult(replicationSeed, m, null);
    }

    private static void sortByDay(double[] days, double[] weights) {
        for (int i = 1; i < days.length; i++) {
            for (int j = i; j > 0 && days[j] < days[j - 1]; j--) {
                double d = days[j];
                days[j] = days[j - 1];
                days[j - 1] = d;
                double w = weights[j];
                weights[j] = weights[j - 1];
                weights[j - 1] = w;
            }
        }
    }
}
