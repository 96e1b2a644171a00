package io.gpusim.core.params;

import io.gpusim.core.Calendar;
import io.gpusim.core.scenario.BeliefSpec;
import io.gpusim.core.scenario.DemandShockSpec;
import io.gpusim.core.scenario.DomesticMakerSpec;
import io.gpusim.core.scenario.HyperscalerSpec;
import io.gpusim.core.scenario.RegulatorSpec;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.VendorSpec;
import java.util.List;

/**
 * A validated scenario's parameters, resolved once: primitive values with defaults applied, product names as
 * indices into the scenario's product list, dates as days from the start. Immutable; shared by every replication.
 */
public record ScenarioParams(
        List<ShockParams> shocks,
        BeliefParams beliefs,
        List<BuyerParams> buyers,
        VendorParams vendor,
        RegulatorParams regulator,
        DomesticParams domestic) {

    public ScenarioParams {
        shocks = List.copyOf(shocks);
        buyers = List.copyOf(buyers);
    }

    /** Resolves a scenario that passed validation (an invalid one may fail with any runtime exception). */
    public static ScenarioParams of(Scenario s, Calendar calendar) {
        List<HyperscalerSpec> hs = s.hyperscalers();
        List<ShockParams> shocks =
                s.demandShocks().stream().map(d -> shock(d, hs, calendar)).toList();
        return new ScenarioParams(
                shocks,
                beliefs(s.beliefs()),
                hs.stream().map(ScenarioParams::buyer).toList(),
                vendor(s.vendor(), s, calendar),
                regulator(s.regulator(), calendar),
                domestic(s.domestic(), s, calendar));
    }

    private static ShockParams shock(DemandShockSpec d, List<HyperscalerSpec> buyers, Calendar calendar) {
        boolean[] applies = new boolean[buyers.size()];
        for (int b = 0; b < applies.length; b++) {
            applies[b] =
                    d.buyers().isEmpty() || d.buyers().contains(buyers.get(b).name());
        }
        return new ShockParams(d.name(), calendar.dayOf(d.date()), d.effect(), d.rampWeeks() * 7, applies);
    }

    private static BeliefParams beliefs(BeliefSpec b) {
        return new BeliefParams(
                b.priorHazardPerYear(),
                b.controlRoundWeight(),
                b.leakWeight(),
                b.banWeight(),
                b.reversalWeight(),
                b.decayMonths(),
                b.planningHorizonMonths());
    }

    private static BuyerParams buyer(HyperscalerSpec h) {
        return new BuyerParams(
                h.name(),
                h.demandUnitsPerWeek(),
                h.demandGrowthPerYear(),
                h.demandNoiseSd(),
                h.demandLevelSd(),
                h.anticipation(),
                h.signalSensitivity(),
                h.sensitivitySd(),
                h.workingInventoryWeeks(),
                h.shortageCostMultiple(),
                h.holdingCostPerYear(),
                h.budgetUsdPerYear(),
                h.minLeadWeeks(),
                h.adequatePerformance(),
                h.substituteRampMonths(),
                h.domesticSoftwareDiscount(),
                h.switchingSensitivity());
    }

    private static VendorParams vendor(VendorSpec v, Scenario s, Calendar calendar) {
        int n = v.capacity().size();
        double[] days = new double[n];
        double[] units = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = calendar.dayOf(v.capacity().get(i).date());
            units[i] = v.capacity().get(i).unitsPerMonth();
        }
        return new VendorParams(
                v.name(),
                s.productIndex(v.product()),
                v.waferLeadWeeksMin(),
                v.waferLeadWeeksMax(),
                days,
                units,
                v.forecastSmoothing(),
                v.safetyStockWeeks(),
                v.initialOrdersPerWeek(),
                v.shippingWeeks(),
                v.allocation(),
                v.scarcityMarkupMax(),
                v.scarcityBacklogWeeks(),
                v.writedownShare());
    }

    private static RegulatorParams regulator(RegulatorSpec r, Calendar calendar) {
        List<Integer> rounds = r.history().stream().map(calendar::dayOf).toList();
        int banDay = r.banDate() == null ? 0 : calendar.dayOf(r.banDate());
        RegulatorSpec.HazardSpec h = r.hazard();
        RegulatorParams.Hazard hazard = h == null
                ? new RegulatorParams.Hazard(0, 0, 0, 0, 0)
                : new RegulatorParams.Hazard(
                        h.baseHazardPerYear(),
                        h.leakRatePerYear(),
                        h.leakBoost(),
                        h.stockpileSensitivity(),
                        h.rulemakingWeeks());
        RegulatorSpec.ThresholdSpec t = r.thresholds();
        RegulatorParams.Thresholds limits = new RegulatorParams.Thresholds(
                t == null ? Double.POSITIVE_INFINITY : orInfinity(t.maxMemoryBandwidthTBps()),
                t == null ? Double.POSITIVE_INFINITY : orInfinity(t.maxInterconnectGBps()),
                t == null ? Double.POSITIVE_INFINITY : orInfinity(t.maxTpp()));
        return new RegulatorParams(
                rounds,
                r.mode(),
                banDay,
                r.graceDays(),
                r.leak() == null ? 0.0 : r.leak().probability(),
                r.leak() == null ? 0 : r.leak().leadDays(),
                r.reversal() == null ? 0.0 : r.reversal().probability(),
                r.reversal() == null ? 0 : r.reversal().afterDays(),
                hazard,
                limits);
    }

    private static double orInfinity(Double limit) {
        return limit == null ? Double.POSITIVE_INFINITY : limit;
    }

    private static DomesticParams domestic(DomesticMakerSpec d, Scenario s, Calendar calendar) {
        int n = d.roadmap().size();
        int[] products = new int[n];
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            DomesticMakerSpec.RoadmapEntry e = d.roadmap().get(i);
            products[i] = s.productIndex(e.product());
            mean[i] = e.delayMeanMonths();
            sd[i] = e.delaySdMonths();
        }
        int m = d.yieldCurve().size();
        double[] days = new double[m];
        double[] yields = new double[m];
        for (int i = 0; i < m; i++) {
            days[i] = calendar.dayOf(d.yieldCurve().get(i).date());
            yields[i] = d.yieldCurve().get(i).yield();
        }
        return new DomesticParams(
                d.name(),
                products,
                mean,
                sd,
                days,
                yields,
                d.waferStartsPerWeek(),
                d.waferGrowthPerYear(),
                d.diesPerWafer(),
                d.diesPerUnit(),
                d.hbmUnitsPerWeek(),
                d.hbmGrowthPerYear(),
                d.shippingWeeks());
    }
}
