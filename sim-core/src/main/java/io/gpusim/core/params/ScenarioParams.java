package io.gpusim.core.params;

import io.gpusim.core.Calendar;
import io.gpusim.core.scenario.BeliefSpec;
import io.gpusim.core.scenario.DemandShockSpec;
import io.gpusim.core.scenario.DomesticMakerSpec;
import io.gpusim.core.scenario.HyperscalerSpec;
import io.gpusim.core.scenario.ImportRuleSpec;
import io.gpusim.core.scenario.LicenceSpec;
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
        List<VendorParams> vendors,
        RegulatorParams regulator,
        DomesticParams domestic,
        List<ImportRuleParams> importRules) {

    public ScenarioParams {
        shocks = List.copyOf(shocks);
        buyers = List.copyOf(buyers);
        vendors = List.copyOf(vendors);
        importRules = List.copyOf(importRules);
    }

    /**
     * Every foreign product: each vendor's products (its lead product first), then the compliant parts it may
     * design, vendor by vendor; the scenario's primary product is first.
     */
    public int[] foreignProducts() {
        java.util.List<Integer> all = new java.util.ArrayList<>();
        for (VendorParams v : vendors) {
            for (int p : v.products()) {
                all.add(p);
            }
            for (VendorParams.Redesign r : v.redesigns()) {
                all.add(r.product());
            }
        }
        return all.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The vendor that sells (or designs) a foreign product. */
    public VendorParams vendorOf(int product) {
        for (VendorParams v : vendors) {
            for (int p : v.products()) {
                if (p == product) {
                    return v;
                }
            }
            for (VendorParams.Redesign r : v.redesigns()) {
                if (r.product() == product) {
                    return v;
                }
            }
        }
        throw new IllegalArgumentException("product " + product + " is not a foreign vendor's");
    }

    /** The primary vendor (the scenario's {@code vendor}). */
    public VendorParams vendor() {
        return vendors.get(0);
    }

    /** Resolves a scenario that passed validation (an invalid one may fail with any runtime exception). */
    public static ScenarioParams of(Scenario s, Calendar calendar) {
        List<HyperscalerSpec> hs = s.hyperscalers();
        List<ShockParams> shocks =
                s.demandShocks().stream().map(d -> shock(d, hs, calendar)).toList();
        List<VendorParams> vendors =
                s.allVendors().stream().map(v -> vendor(v, s, calendar)).toList();
        List<ImportRuleParams> rules = s.importer() == null
                ? List.of()
                : s.importer().rules().stream()
                        .map(r -> importRule(r, s, calendar))
                        .toList();
        return new ScenarioParams(
                shocks,
                beliefs(s.beliefs()),
                hs.stream().map(ScenarioParams::buyer).toList(),
                vendors,
                regulator(s.regulator(), s, calendar),
                domestic(s.domestic(), s, calendar),
                rules);
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
                b.planningHorizonMonths(),
                b.crossProductWeight(),
                b.importRuleWeight());
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
        int[] products = v.allProducts().stream().mapToInt(s::productIndex).toArray();
        VendorParams.Redesign[] redesigns = v.redesigns().stream()
                .map(r -> new VendorParams.Redesign(
                        s.productIndex(r.banned()), s.productIndex(r.product()), r.designWeeks()))
                .toArray(VendorParams.Redesign[]::new);
        VendorSpec.HaltSpec halt = v.halt();
        VendorSpec.ReleaseSpec release = v.reserveRelease();
        return new VendorParams(
                v.name(),
                products,
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
                v.writedownShare(),
                redesigns,
                halt == null ? 0.0 : halt.orderShare(),
                halt == null ? 1 : halt.weeks(),
                release == null ? 0.0 : release.share(),
                release == null ? 0.0 : release.priceShare(),
                release == null ? 0 : release.afterWeeks());
    }

    private static RegulatorParams regulator(RegulatorSpec r, Scenario s, Calendar calendar) {
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
                limits,
                r.banProducts().isEmpty()
                        ? new int[] {s.productIndex(s.vendor().product())}
                        : r.banProducts().stream().mapToInt(s::productIndex).toArray(),
                r.licences().stream().map(l -> licence(l, s, calendar)).toList());
    }

    private static LicenceParams licence(LicenceSpec l, Scenario s, Calendar calendar) {
        int n = l.capBase().size();
        double[] days = new double[n];
        double[] units = new double[n];
        for (int i = 0; i < n; i++) {
            days[i] = calendar.dayOf(l.capBase().get(i).date());
            units[i] = l.capBase().get(i).unitsPerMonth();
        }
        return new LicenceParams(
                s.productIndex(l.product()),
                calendar.dayOf(l.from()),
                l.until() == null ? Integer.MAX_VALUE : calendar.dayOf(l.until()),
                l.feeShare(),
                l.feePassThrough(),
                l.approvalDays(),
                l.denialProbability(),
                l.capUnitsPerMonth() == null ? Double.POSITIVE_INFINITY : l.capUnitsPerMonth(),
                l.capShare() == null ? Double.NaN : l.capShare(),
                days,
                units,
                buyerMask(s, l.excludedBuyers(), false));
    }

    private static ImportRuleParams importRule(ImportRuleSpec r, Scenario s, Calendar calendar) {
        ImportRuleSpec.TriggerSpec t = r.trigger();
        return new ImportRuleParams(
                r.kind(),
                r.product() == null ? -1 : s.productIndex(r.product()),
                r.from() == null ? -1 : calendar.dayOf(r.from()),
                r.until() == null ? Integer.MAX_VALUE : calendar.dayOf(r.until()),
                r.exemptShare(),
                r.shadowCostShare(),
                r.ratio(),
                r.share(),
                buyerMask(s, r.buyers(), true),
                t == null ? null : t.on(),
                t == null ? -1 : s.productIndex(t.product()),
                t == null ? 0.0 : t.probability(),
                t == null ? 0 : t.lagDays());
    }

    /** Buyers named in a list; an empty list means every buyer when {@code emptyIsAll}, else none. */
    private static boolean[] buyerMask(Scenario s, List<String> names, boolean emptyIsAll) {
        boolean[] mask = new boolean[s.hyperscalers().size()];
        for (int b = 0; b < mask.length; b++) {
            mask[b] = names.isEmpty()
                    ? emptyIsAll
                    : names.contains(s.hyperscalers().get(b).name());
        }
        return mask;
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
