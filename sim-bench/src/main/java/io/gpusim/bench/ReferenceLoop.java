package io.gpusim.bench;

import ec.util.MersenneTwisterFast;
import io.gpusim.agents.ScenarioPlan;
import io.gpusim.agents.rules.Allocation;
import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.DomesticSupply;
import io.gpusim.agents.rules.Production;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.DomesticMakerSpec;
import io.gpusim.core.scenario.HyperscalerSpec;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.VendorSpec;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * The performance reference for {@code gpusim bench}: the agents' per-step arithmetic in one plain loop over
 * primitive arrays, with no scheduler, no ledger, no order objects and no events. It calls the agents' decision
 * functions and follows the model step by step: demand with noise, the purchase split, deployment from the
 * domestic products (newest first) and the vendor product, beliefs and anticipatory stock, vendor orders split into
 * regular and rush parts with the vendor's delivery quote and the rush deadline, domestic orders, the vendor's
 * production, allocation and scarcity price, and the domestic maker's roadmap, capacity and allocation. Orders are
 * pooled per buyer (regular and rush for the vendor, one pool per domestic product), shipments per arrival step,
 * and the ban takes effect on a fixed date. It exists to show what the per-step arithmetic costs on its own; its
 * results are close to the model's but not identical, and nothing but the benchmark uses them.
 */
public final class ReferenceLoop {
    private final Scenario s;
    private final ScenarioPlan plan;
    private final Calendar cal;
    private final int buyers;
    private final int steps;
    private final int stepDays;
    private final double stepWeeks;
    private final double[] signalDays;
    private final double[] signalWeights;
    private final int banDay;
    private final int leadMin;
    private final int leadSpan;
    private final int ship;
    private final int domesticShip;
    private final double vendorListPrice;
    private final double vendorPerf;
    private final double vendorUnitCost;
    private final double horizon;
    private final double tau;
    private final double prior;
    // Domestic roadmap, in roadmap order.
    private final int roadmap;
    private final int[] plannedLaunchDay;
    private final double[] delayMean;
    private final double[] delaySd;
    private final double[] domesticPrice;
    /** Effective performance of each roadmap product for each buyer: [buyer][product]. */
    private final double[][] domesticPerf;
    /** Day each buyer expects each roadmap product: announced date plus the typical slip. */
    private final double[][] expectedLaunchDay;
    // Buyers' parameters, unboxed once.
    private final double[] demandLevelSd;
    private final double[] sensitivity;
    private final double[] sensitivitySd;
    private final double[] noiseSd;
    private final boolean[] anticipates;
    private final double[] shortageCost;
    private final double[] holdingCost;
    private final double[] budget;
    private final double[] workingWeeks;
    private final double[] adequate;
    private final double[] rampMonths;
    private final double[] beta;
    private final int[] minLeadDays;

    public ReferenceLoop(ScenarioPlan plan) {
        Scenario scenario = plan.scenario();
        this.plan = plan;
        this.s = scenario;
        this.cal = plan.calendar();
        this.buyers = scenario.hyperscalers().size();
        this.steps = cal.steps();
        this.stepDays = cal.stepDays();
        this.stepWeeks = cal.stepWeeks();
        var reg = scenario.regulator();
        this.banDay = reg.banDate() == null ? Integer.MAX_VALUE : cal.dayOf(reg.banDate()) + reg.graceDays();
        int leak = reg.leak() == null || reg.banDate() == null
                ? Integer.MAX_VALUE
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
        VendorSpec v = scenario.vendor();
        leadMin = v.waferLeadWeeksMin();
        leadSpan = v.waferLeadWeeksMax() - v.waferLeadWeeksMin() + 1;
        ship = cal.stepsForWeeks(v.shippingWeeks(), 0);
        var vp = scenario.products().get(scenario.productIndex(v.product()));
        vendorListPrice = vp.unitPriceUsd();
        vendorPerf = vp.relativePerformance();
        vendorUnitCost = vp.unitCostUsd() * v.writedownShare();
        horizon = scenario.beliefs().planningHorizonMonths();
        tau = scenario.beliefs().decayMonths();
        prior = scenario.beliefs().priorHazardPerYear();

        DomesticMakerSpec d = scenario.domestic();
        domesticShip = cal.stepsForWeeks(d.shippingWeeks(), 0);
        roadmap = d.roadmap().size();
        plannedLaunchDay = new int[roadmap];
        delayMean = new double[roadmap];
        delaySd = new double[roadmap];
        domesticPrice = new double[roadmap];
        domesticPerf = new double[buyers][roadmap];
        expectedLaunchDay = new double[buyers][roadmap];
        for (int k = 0; k < roadmap; k++) {
            var e = d.roadmap().get(k);
            var p = scenario.products().get(scenario.productIndex(e.product()));
            plannedLaunchDay[k] = cal.dayOf(p.firstAvailable());
            delayMean[k] = e.delayMeanMonths();
            delaySd[k] = e.delaySdMonths();
            domesticPrice[k] = p.unitPriceUsd();
            for (int b = 0; b < buyers; b++) {
                domesticPerf[b][k] =
                        p.relativePerformance() * scenario.hyperscalers().get(b).domesticSoftwareDiscount();
                expectedLaunchDay[b][k] =
                        plannedLaunchDay[k] + Math.max(0.0, e.delayMeanMonths()) * Calendar.DAYS_PER_MONTH;
            }
        }
        demandLevelSd = new double[buyers];
        sensitivity = new double[buyers];
        sensitivitySd = new double[buyers];
        noiseSd = new double[buyers];
        anticipates = new boolean[buyers];
        shortageCost = new double[buyers];
        holdingCost = new double[buyers];
        budget = new double[buyers];
        workingWeeks = new double[buyers];
        adequate = new double[buyers];
        rampMonths = new double[buyers];
        beta = new double[buyers];
        minLeadDays = new int[buyers];
        for (int b = 0; b < buyers; b++) {
            HyperscalerSpec h = scenario.hyperscalers().get(b);
            demandLevelSd[b] = h.demandLevelSd();
            sensitivity[b] = h.signalSensitivity();
            sensitivitySd[b] = h.sensitivitySd();
            noiseSd[b] = cal.lognormalSdPerStep(h.demandNoiseSd());
            anticipates[b] = h.anticipation();
            shortageCost[b] = h.shortageCostMultiple();
            holdingCost[b] = h.holdingCostPerYear();
            budget[b] = h.budgetUsdPerYear();
            workingWeeks[b] = h.workingInventoryWeeks();
            adequate[b] = h.adequatePerformance();
            rampMonths[b] = h.substituteRampMonths();
            beta[b] = h.switchingSensitivity();
            minLeadDays[b] = h.minLeadWeeks() * 7;
        }
    }

    /** One replication; returns its metrics (series are not recorded). */
    public RunResult run(long replicationSeed) {
        MersenneTwisterFast rng = Seeds.random(replicationSeed);
        NormalizedGaussianSampler normal = Seeds.gaussian(rng);
        // Draws in the model's order: regulator (leak, reversal), buyers, vendor, domestic maker.
        rng.nextDouble();
        rng.nextDouble();
        double[] level = new double[buyers];
        double[] sens = new double[buyers];
        for (int b = 0; b < buyers; b++) {
            level[b] = Math.exp(demandLevelSd[b] * normal.sample());
            sens[b] = sensitivity[b] * Math.exp(sensitivitySd[b] * normal.sample());
        }
        int lead = cal.stepsForWeeks(leadMin + rng.nextInt(leadSpan), 1);
        int[] launchDay = new int[roadmap];
        for (int k = 0; k < roadmap; k++) {
            launchDay[k] = plannedLaunchDay[k]
                    + (int) Math.round(DomesticSupply.launchDelayMonths(delayMean[k], delaySd[k], normal.sample())
                            * Calendar.DAYS_PER_MONTH);
        }

        VendorSpec v = s.vendor();
        double safety = v.safetyStockWeeks() / stepWeeks;
        long[] completions = new long[lead + 1];
        long[] pipeline = new long[lead + 1];
        double forecast = v.initialOrdersPerWeek() * stepWeeks;
        long wip = 0;
        for (int k = 0; k < lead; k++) {
            completions[k] = Math.round(forecast);
            wip += completions[k];
        }
        long fg = 0;
        long[] stockV = new long[buyers];
        long[] transitV = new long[buyers];
        long[] backlogReg = new long[buyers];
        long[] backlogRush = new long[buyers];
        // Requested-by day of each buyer's pooled orders, weighted by units.
        double[] rushDueDays = new double[buyers];
        double[] regularDueDays = new double[buyers];
        // Units arriving per step and buyer (domestic also per product), in rings of steps: [slot][product][buyer].
        int ringV = ship + 1;
        int ringD = domesticShip + 1;
        long[] arrivalsV = new long[ringV * buyers];
        // Domestic pools: [product][buyer].
        long[][] stockD = new long[roadmap][buyers];
        long[][] transitD = new long[roadmap][buyers];
        long[][] backlogD = new long[roadmap][buyers];
        long[] fgD = new long[roadmap];
        long[] arrivalsD = new long[ringD * roadmap * buyers];
        boolean[] launched = new boolean[roadmap];
        double[] rushCommitted = new double[buyers];
        double[] spendWindow = new double[buyers];
        double[][] spend = new double[buyers][cal.stepsForWeeks(52, 1)];
        long[] out = new long[buyers];
        long[] share = new long[buyers];
        double[] remainder = new double[buyers];
        double price = vendorListPrice;
        double requested = 0;
        double requestedValue = 0;
        double delivered = 0;
        double stockAtBan = Double.NaN;
        double writedown = 0;
        double lost = 0;
        double unmet = 0;
        double demandAtBan = 0;
        double shortfall = Double.NaN;
        boolean banned = false;
        double decay = Beliefs.signalDecay(stepDays, tau);
        double signal = 0;
        int signalsSeen = 0;

        long previousStart = 0;
        for (int t = 0; t < steps; t++) {
            int today = cal.firstDayOf(t);
            int endOfStep = today + stepDays;
            int slotV = (t % ringV) * buyers;
            int slotD = (t % ringD) * roadmap * buyers;
            long stockBeforeArrivals = 0;
            for (long units : stockV) {
                stockBeforeArrivals += units;
            }
            long startTwoStepsAgo = previousStart;
            previousStart = stockBeforeArrivals;
            for (int b = 0; b < buyers; b++) {
                long units = arrivalsV[slotV + b];
                arrivalsV[slotV + b] = 0;
                stockV[b] += units;
                transitV[b] -= units;
                for (int k = 0; k < roadmap; k++) {
                    long unitsD = arrivalsD[slotD + k * buyers + b];
                    arrivalsD[slotD + k * buyers + b] = 0;
                    stockD[k][b] += unitsD;
                    transitD[k][b] -= unitsD;
                }
            }
            if (!banned && banDay < endOfStep) {
                banned = true;
                // As the recorder: the stock before this step's arrivals, moved on at last step's rate to the ban day.
                double trend = t >= 2 ? stockBeforeArrivals - startTwoStepsAgo : 0;
                stockAtBan = stockBeforeArrivals + (double) (banDay - today) / stepDays * trend;
                double open = 0;
                double late = 0;
                for (int b = 0; b < buyers; b++) {
                    lost += (backlogReg[b] + backlogRush[b]) * price;
                    open += backlogRush[b];
                    late += backlogRush[b] * Math.max(0, rushDueDays[b] - banDay);
                    backlogReg[b] = 0;
                    backlogRush[b] = 0;
                }
                shortfall = open == 0 ? 0 : late / open / Calendar.DAYS_PER_MONTH;
                writedown = (fg + wip) * vendorUnitCost;
                fg = 0;
                wip = 0;
                Arrays.fill(completions, 0);
            }
            signal *= decay;
            for (; signalsSeen < signalDays.length && signalDays[signalsSeen] < endOfStep; signalsSeen++) {
                signal += signalWeights[signalsSeen]
                        * Math.exp(-Math.max(0, today - signalDays[signalsSeen]) / Calendar.DAYS_PER_MONTH / tau);
            }
            int current = -1;
            for (int k = 0; k < roadmap; k++) {
                if (launched[k]) {
                    current = k;
                }
            }
            // The vendor's available-to-promise: completions accumulated over the pipeline, once per step.
            if (!banned) {
                Production.accumulatePipeline(completions, t, lead, pipeline);
            }
            long ordered = 0;
            double demandStep = 0;
            for (int b = 0; b < buyers; b++) {
                double weekly = plan.weeklyDemandTrend(b, t) * level[b];
                double sd = noiseSd[b];
                double demand = weekly * stepWeeks * Math.exp(sd * normal.sample() - sd * sd / 2);
                demandStep += demand;
                double[] perf = domesticPerf[b];
                double shareD = current < 0
                        ? 0
                        : banned
                                ? 1
                                : Switching.domesticShare(
                                        price / vendorPerf, domesticPrice[current] / perf[current], beta[b]);
                // Deploy: the domestic share from domestic stock (newest first), the rest from vendor stock, then
                // domestic stock again for what is still unmet.
                double servedD = deployDomestic(stockD, perf, b, demand * shareD);
                long useV = Math.min(stockV[b], Math.round(Math.max(0, demand - servedD) / vendorPerf));
                stockV[b] -= useV;
                double rest = demand - servedD - useV * vendorPerf;
                if (rest > 0) {
                    servedD += deployDomestic(stockD, perf, b, rest);
                }
                unmet += Math.max(0, demand - servedD - useV * vendorPerf);

                double hazard = Beliefs.perceivedHazard(prior, sens[b], signal);
                int w = t % spend[b].length;
                spendWindow[b] -= spend[b][w];
                spend[b][w] = 0;
                if (!banned) {
                    double anticipatory = 0;
                    if (anticipates[b]) {
                        double p = Beliefs.banProbability(hazard, horizon);
                        double adequateDay = Double.POSITIVE_INFINITY;
                        for (int k = 0; k < roadmap; k++) {
                            if (perf[k] >= adequate[b]) {
                                adequateDay = Math.min(
                                        adequateDay, launched[k] ? today : Math.max(today, expectedLaunchDay[b][k]));
                            }
                        }
                        double gap = Stocking.substituteGapMonths(adequateDay, today, rampMonths[b]);
                        anticipatory = Stocking.anticipatoryCoverMonths(p, shortageCost[b], holdingCost[b], gap)
                                * weekly
                                * (1 - shareD)
                                * Calendar.WEEKS_PER_MONTH
                                / vendorPerf;
                    }
                    double need = weekly * (1 - shareD) / vendorPerf;
                    double target =
                            Stocking.workingTarget(workingWeeks[b], Stocking.REVIEW_WEEKS + v.shippingWeeks(), need)
                                    + anticipatory;
                    long units = Stocking.affordable(
                            Stocking.orderUpTo(target, stockV[b] + transitV[b] + backlogReg[b] + backlogRush[b]),
                            price,
                            budget[b] - spendWindow[b]);
                    if (units > 0) {
                        long rush = Stocking.rushPortion(units, anticipatory, rushCommitted[b]);
                        int earliest = today + minLeadDays[b];
                        long backlog = sumOf(backlogReg) + sumOf(backlogRush);
                        if (units > rush) {
                            int quoted = cal.firstDayOf(
                                    quoteStep(t, backlog + units - rush - fg, pipeline, lead, plan.vendorCapacity(t)));
                            regularDueDays[b] =
                                    dueDay(regularDueDays[b], backlogReg[b], Math.max(earliest, quoted), units - rush);
                        }
                        if (rush > 0) {
                            int quoted = cal.firstDayOf(
                                    quoteStep(t, backlog + units - fg, pipeline, lead, plan.vendorCapacity(t)));
                            int expectedBan = today + (int) Math.round(Beliefs.expectedDaysToBan(hazard, horizon));
                            rushDueDays[b] = dueDay(
                                    rushDueDays[b],
                                    backlogRush[b],
                                    Stocking.rushDeadline(earliest, quoted, expectedBan),
                                    rush);
                        }
                        ordered += units;
                        rushCommitted[b] += rush;
                        requested += rush;
                        requestedValue += rush * (Math.round(price * 100.0) / 100.0);
                        backlogRush[b] += rush;
                        backlogReg[b] += units - rush;
                        spend[b][w] += units * price;
                        spendWindow[b] += units * price;
                    }
                }
                if (current >= 0) {
                    double targetD = Stocking.workingTarget(
                            workingWeeks[b],
                            Stocking.REVIEW_WEEKS + s.domestic().shippingWeeks(),
                            weekly * shareD);
                    double position = 0;
                    for (int k = 0; k < roadmap; k++) {
                        position += (stockD[k][b] + transitD[k][b] + backlogD[k][b]) * perf[k];
                    }
                    long units = Stocking.affordable(
                            Stocking.orderUpTo(targetD / perf[current], position / perf[current]),
                            domesticPrice[current],
                            budget[b] - spendWindow[b]);
                    backlogD[current][b] += units;
                    spend[b][w] += units * domesticPrice[current];
                    spendWindow[b] += units * domesticPrice[current];
                }
            }
            if (!banned) {
                int slot = t % completions.length;
                fg += completions[slot];
                wip -= completions[slot];
                completions[slot] = 0;
                forecast = Production.updateForecast(forecast, ordered, cal.smoothingPerStep(v.forecastSmoothing()));
                long backlog = 0;
                for (int b = 0; b < buyers; b++) {
                    out[b] = backlogRush[b] + backlogReg[b];
                    backlog += out[b];
                }
                long starts =
                        Production.productionStarts(forecast, lead, safety, backlog, fg, wip, plan.vendorCapacity(t));
                wip += starts;
                completions[(t + lead) % completions.length] += starts;
                Allocation.proportional(fg, out, share, remainder);
                for (int b = 0; b < buyers; b++) {
                    long fromRush = Math.min(share[b], backlogRush[b]);
                    backlogRush[b] -= fromRush;
                    backlogReg[b] -= share[b] - fromRush;
                    delivered += fromRush;
                    fg -= share[b];
                    transitV[b] += share[b];
                    arrivalsV[((t + ship) % ringV) * buyers + b] += share[b];
                }
                backlog = sumOf(backlogReg) + sumOf(backlogRush);
                price = Production.scarcityPrice(
                        vendorListPrice,
                        v.scarcityMarkupMax(),
                        backlog / Math.max(1.0, forecast / stepWeeks),
                        v.scarcityBacklogWeeks());
            }
            // The domestic maker: launches, builds older products' backlogs first and the current product with a
            // buffer, within capacity, and allocates each product among its buyers.
            int newest = -1;
            for (int k = 0; k < roadmap; k++) {
                launched[k] |= launchDay[k] < endOfStep;
                if (launched[k]) {
                    newest = k;
                }
            }
            if (newest >= 0) {
                double capacity = plan.domesticCapacity(t);
                double left = Math.floor(capacity);
                for (int k = 0; k < roadmap && left > 0; k++) {
                    if (!launched[k]) {
                        continue;
                    }
                    double buffer = k == newest ? DomesticSupply.BUFFER_WEEKS / stepWeeks * capacity : 0;
                    long make = (long) Math.max(0, Math.min(left, sumOf(backlogD[k]) + buffer - fgD[k]));
                    fgD[k] += make;
                    left -= make;
                }
                for (int k = 0; k < roadmap; k++) {
                    if (!launched[k] || fgD[k] == 0) {
                        continue;
                    }
                    Allocation.proportional(fgD[k], backlogD[k], share, remainder);
                    for (int b = 0; b < buyers; b++) {
                        backlogD[k][b] -= share[b];
                        fgD[k] -= share[b];
                        transitD[k][b] += share[b];
                        arrivalsD[(((t + domesticShip) % ringD) * roadmap + k) * buyers + b] += share[b];
                    }
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
        m[Metric.STOCKPILE_MONTHS_AT_BAN.ordinal()] = stockAtBan / (demandAtBan * Calendar.DAYS_PER_MONTH / stepDays);
        m[Metric.DELIVERY_SHORTFALL_MONTHS.ordinal()] = shortfall;
        m[Metric.VENDOR_WRITEDOWN_USD.ordinal()] = writedown;
        m[Metric.VENDOR_LOST_REVENUE_USD.ordinal()] = lost;
        m[Metric.UNMET_DEMAND_UNITS.ordinal()] = unmet;
        m[Metric.BAN_DAY.ordinal()] = banned ? banDay : Double.NaN;
        return new RunResult(replicationSeed, m, null);
    }

    /** Units-weighted requested-by day of a pool after adding {@code units} due on {@code day}. */
    private static double dueDay(double poolDay, long poolUnits, int day, long units) {
        return (poolDay * poolUnits + (double) day * units) / (poolUnits + units);
    }

    /** Deploys up to {@code compute} from a buyer's domestic stocks, newest product first; returns compute served. */
    private double deployDomestic(long[][] stockD, double[] perf, int b, double compute) {
        double served = 0;
        for (int k = roadmap - 1; k >= 0 && served < compute; k--) {
            if (stockD[k][b] == 0) {
                continue;
            }
            long units = Math.min(stockD[k][b], Math.round((compute - served) / perf[k]));
            stockD[k][b] -= units;
            served += units * perf[k];
        }
        return served;
    }

    /** The vendor's quote, as {@link GpuVendor}'s available-to-promise: the step by which {@code need} units ship. */
    private int quoteStep(int now, double need, long[] pipeline, int lead, double capacity) {
        return now + Production.stepsToSupply(need, pipeline, lead, capacity) + ship;
    }

    private static long sumOf(long[] values) {
        long sum = 0;
        for (long x : values) {
            sum += x;
        }
        return sum;
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
