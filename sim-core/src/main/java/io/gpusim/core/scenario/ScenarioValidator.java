package io.gpusim.core.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a bound {@link Scenario}: required fields, numeric ranges, references between sections and dates inside
 * the horizon. Collects every problem rather than stopping at the first.
 */
public final class ScenarioValidator {
    private final List<ValidationError> errors = new ArrayList<>();

    private ScenarioValidator() {
    }

    /** All problems in the scenario; empty when it is valid. */
    public static List<ValidationError> validate(Scenario s) {
        ScenarioValidator v = new ScenarioValidator();
        v.scenario(s);
        return List.copyOf(v.errors);
    }

    private void scenario(Scenario s) {
        text("name", s.name());
        if (present("simulation", s.simulation())) {
            simulation(s.simulation());
        }
        Set<String> productNames = new HashSet<>();
        if (present("products", s.products())) {
            if (s.products().isEmpty()) {
                error("products", "at least one product is required");
            }
            for (int i = 0; i < s.products().size(); i++) {
                product("products[" + i + "]", s.products().get(i), productNames);
            }
        }
        for (int i = 0; i < s.demandShocks().size(); i++) {
            shock("demandShocks[" + i + "]", s.demandShocks().get(i), s);
        }
        if (present("beliefs", s.beliefs())) {
            beliefs(s.beliefs());
        }
        if (present("hyperscalers", s.hyperscalers())) {
            if (s.hyperscalers().isEmpty()) {
                error("hyperscalers", "at least one hyperscaler is required");
            }
            Set<String> names = new HashSet<>();
            for (int i = 0; i < s.hyperscalers().size(); i++) {
                String p = "hyperscalers[" + i + "]";
                HyperscalerSpec h = s.hyperscalers().get(i);
                if (h == null) {
                    error(p, "must not be empty");
                    continue;
                }
                if (text(p + ".name", h.name()) && !names.add(h.name())) {
                    error(p + ".name", "duplicate hyperscaler name '" + h.name() + "'");
                }
                hyperscaler(p, h);
            }
        }
        if (present("vendor", s.vendor())) {
            vendor(s.vendor(), s, productNames);
        }
        if (present("regulator", s.regulator())) {
            regulator(s.regulator(), s);
        }
        if (present("domestic", s.domestic())) {
            domestic(s.domestic(), s, productNames);
        }
    }

    private void simulation(SimulationSpec sim) {
        present("simulation.startDate", sim.startDate());
        present("simulation.endDate", sim.endDate());
        range("simulation.stepDays", sim.stepDays(), 1, 91);
        if (sim.startDate() != null && sim.endDate() != null && !sim.endDate().isAfter(sim.startDate())) {
            error("simulation.endDate", "must be after simulation.startDate (" + sim.startDate() + ")");
        }
    }

    private void product(String p, ProductSpec prod, Set<String> names) {
        if (prod == null) {
            error(p, "must not be empty");
            return;
        }
        if (text(p + ".name", prod.name()) && !names.add(prod.name())) {
            error(p + ".name", "duplicate product name '" + prod.name() + "'");
        }
        text(p + ".maker", prod.maker());
        positive(p + ".relativePerformance", prod.relativePerformance(), 100);
        nonNegative(p + ".memoryBandwidthTBps", prod.memoryBandwidthTBps(), 1e3);
        nonNegative(p + ".interconnectGBps", prod.interconnectGBps(), 1e5);
        nonNegative(p + ".tpp", prod.tpp(), 1e7);
        positive(p + ".unitPriceUsd", prod.unitPriceUsd(), 1e7);
        nonNegative(p + ".unitCostUsd", prod.unitCostUsd(), 1e7);
        present(p + ".firstAvailable", prod.firstAvailable());
    }

    private void shock(String p, DemandShockSpec d, Scenario s) {
        if (d == null) {
            error(p, "must not be empty");
            return;
        }
        text(p + ".name", d.name());
        inHorizon(p + ".date", d.date(), s, true);
        range(p + ".effect", d.effect(), -0.95, 10.0);
        range(p + ".rampWeeks", d.rampWeeks(), 1, 520);
        for (int i = 0; i < d.buyers().size(); i++) {
            String b = d.buyers().get(i);
            if (s.hyperscalers() != null && s.hyperscalers().stream().noneMatch(h -> h != null && b != null && b.equals(h.name()))) {
                error(p + ".buyers[" + i + "]", "no hyperscaler named '" + b + "'");
            }
        }
    }

    private void beliefs(BeliefSpec b) {
        nonNegative("beliefs.priorHazardPerYear", b.priorHazardPerYear(), 50);
        nonNegative("beliefs.controlRoundWeight", b.controlRoundWeight(), 50);
        nonNegative("beliefs.leakWeight", b.leakWeight(), 50);
        nonNegative("beliefs.banWeight", b.banWeight(), 50);
        range("beliefs.reversalWeight", b.reversalWeight(), -50.0, 50.0);
        positive("beliefs.decayMonths", b.decayMonths(), 600);
        positive("beliefs.planningHorizonMonths", b.planningHorizonMonths(), 120);
    }

    private void hyperscaler(String p, HyperscalerSpec h) {
        positive(p + ".demandUnitsPerWeek", h.demandUnitsPerWeek(), 1e8);
        range(p + ".demandGrowthPerYear", h.demandGrowthPerYear(), -0.9, 20.0);
        nonNegative(p + ".demandNoiseSd", h.demandNoiseSd(), 2);
        nonNegative(p + ".demandLevelSd", h.demandLevelSd(), 2);
        nonNegative(p + ".signalSensitivity", h.signalSensitivity(), 100);
        nonNegative(p + ".sensitivitySd", h.sensitivitySd(), 3);
        nonNegative(p + ".workingInventoryWeeks", h.workingInventoryWeeks(), 104);
        positive(p + ".shortageCostMultiple", h.shortageCostMultiple(), 100);
        positive(p + ".holdingCostPerYear", h.holdingCostPerYear(), 10);
        positive(p + ".budgetUsdPerYear", h.budgetUsdPerYear(), 1e13);
        range(p + ".minLeadWeeks", h.minLeadWeeks(), 0, 104);
        positive(p + ".adequatePerformance", h.adequatePerformance(), 100);
        nonNegative(p + ".substituteRampMonths", h.substituteRampMonths(), 120);
        range(p + ".domesticSoftwareDiscount", h.domesticSoftwareDiscount(), 0.01, 1.0);
        nonNegative(p + ".switchingSensitivity", h.switchingSensitivity(), 100);
    }

    private void vendor(VendorSpec v, Scenario s, Set<String> productNames) {
        text("vendor.name", v.name());
        if (text("vendor.product", v.product())) {
            productRef("vendor.product", v.product(), productNames);
            int idx = productNames.contains(v.product()) ? s.productIndex(v.product()) : -1;
            if (idx >= 0 && v.name() != null && !v.name().equals(s.products().get(idx).maker())) {
                error("vendor.product", "product '" + v.product() + "' is made by '" + s.products().get(idx).maker()
                        + "', not by the vendor '" + v.name() + "'");
            }
        }
        range("vendor.waferLeadWeeksMin", v.waferLeadWeeksMin(), 1, 156);
        range("vendor.waferLeadWeeksMax", v.waferLeadWeeksMax(), 1, 156);
        if (v.waferLeadWeeksMin() != null && v.waferLeadWeeksMax() != null
                && v.waferLeadWeeksMax() < v.waferLeadWeeksMin()) {
            error("vendor.waferLeadWeeksMax", "must be >= vendor.waferLeadWeeksMin (" + v.waferLeadWeeksMin() + ")");
        }
        if (present("vendor.capacity", v.capacity())) {
            if (v.capacity().isEmpty()) {
                error("vendor.capacity", "at least one capacity point is required");
            }
            LocalDate previous = null;
            for (int i = 0; i < v.capacity().size(); i++) {
                String p = "vendor.capacity[" + i + "]";
                CapacityPoint c = v.capacity().get(i);
                if (c == null) {
                    error(p, "must not be empty");
                    continue;
                }
                if (present(p + ".date", c.date())) {
                    if (previous != null && !c.date().isAfter(previous)) {
                        error(p + ".date", "capacity dates must increase (previous " + previous + ")");
                    }
                    previous = c.date();
                }
                nonNegative(p + ".unitsPerMonth", c.unitsPerMonth(), 1e8);
            }
        }
        range("vendor.forecastSmoothing", v.forecastSmoothing(), 0.001, 1.0);
        nonNegative("vendor.safetyStockWeeks", v.safetyStockWeeks(), 104);
        nonNegative("vendor.initialOrdersPerWeek", v.initialOrdersPerWeek(), 1e8);
        range("vendor.shippingWeeks", v.shippingWeeks(), 0, 52);
        nonNegative("vendor.scarcityMarkupMax", v.scarcityMarkupMax(), 10);
        positive("vendor.scarcityBacklogWeeks", v.scarcityBacklogWeeks(), 520);
        range("vendor.writedownShare", v.writedownShare(), 0.0, 1.0);
    }

    private void regulator(RegulatorSpec r, Scenario s) {
        for (int i = 0; i < r.history().size(); i++) {
            present("regulator.history[" + i + "]", r.history().get(i));
        }
        switch (r.mode()) {
            case NONE -> { }
            case DATE, THRESHOLD -> inHorizon("regulator.banDate", r.banDate(), s, true);
            case HAZARD -> {
                if (present("regulator.hazard", r.hazard())) {
                    RegulatorSpec.HazardSpec h = r.hazard();
                    nonNegative("regulator.hazard.baseHazardPerYear", h.baseHazardPerYear(), 50);
                    nonNegative("regulator.hazard.leakRatePerYear", h.leakRatePerYear(), 52);
                    nonNegative("regulator.hazard.leakBoost", h.leakBoost(), 50);
                    nonNegative("regulator.hazard.stockpileSensitivity", h.stockpileSensitivity(), 50);
                    range("regulator.hazard.rulemakingWeeks", h.rulemakingWeeks(), 0, 104);
                }
            }
            default -> throw new IllegalStateException("unhandled ban mode " + r.mode());
        }
        if (r.mode() == BanMode.THRESHOLD && present("regulator.thresholds", r.thresholds())) {
            RegulatorSpec.ThresholdSpec t = r.thresholds();
            if (t.maxMemoryBandwidthTBps() == null && t.maxInterconnectGBps() == null && t.maxTpp() == null) {
                error("regulator.thresholds", "give at least one of maxMemoryBandwidthTBps, maxInterconnectGBps, maxTpp");
            }
            optionalPositive("regulator.thresholds.maxMemoryBandwidthTBps", t.maxMemoryBandwidthTBps());
            optionalPositive("regulator.thresholds.maxInterconnectGBps", t.maxInterconnectGBps());
            optionalPositive("regulator.thresholds.maxTpp", t.maxTpp());
        }
        if (r.leak() != null) {
            range("regulator.leak.probability", r.leak().probability(), 0.0, 1.0);
            range("regulator.leak.leadDays", r.leak().leadDays(), 0, 3650);
        }
        range("regulator.graceDays", r.graceDays(), 0, 3650);
        if (r.reversal() != null) {
            range("regulator.reversal.probability", r.reversal().probability(), 0.0, 1.0);
            range("regulator.reversal.afterDays", r.reversal().afterDays(), 1, 3650);
        }
    }

    private void domestic(DomesticMakerSpec d, Scenario s, Set<String> productNames) {
        text("domestic.name", d.name());
        if (present("domestic.roadmap", d.roadmap())) {
            if (d.roadmap().isEmpty()) {
                error("domestic.roadmap", "at least one roadmap entry is required");
            }
            for (int i = 0; i < d.roadmap().size(); i++) {
                String p = "domestic.roadmap[" + i + "]";
                DomesticMakerSpec.RoadmapEntry e = d.roadmap().get(i);
                if (e == null) {
                    error(p, "must not be empty");
                    continue;
                }
                if (text(p + ".product", e.product()) && productRef(p + ".product", e.product(), productNames)) {
                    String maker = s.products().get(s.productIndex(e.product())).maker();
                    if (d.name() != null && !d.name().equals(maker)) {
                        error(p + ".product", "product '" + e.product() + "' is made by '" + maker
                                + "', not by the domestic maker '" + d.name() + "'");
                    }
                }
                range(p + ".delayMeanMonths", e.delayMeanMonths(), -120.0, 120.0);
                nonNegative(p + ".delaySdMonths", e.delaySdMonths(), 120);
            }
        }
        if (present("domestic.yieldCurve", d.yieldCurve())) {
            if (d.yieldCurve().isEmpty()) {
                error("domestic.yieldCurve", "at least one yield point is required");
            }
            LocalDate previous = null;
            for (int i = 0; i < d.yieldCurve().size(); i++) {
                String p = "domestic.yieldCurve[" + i + "]";
                DomesticMakerSpec.YieldPoint y = d.yieldCurve().get(i);
                if (y == null) {
                    error(p, "must not be empty");
                    continue;
                }
                if (present(p + ".date", y.date())) {
                    if (previous != null && !y.date().isAfter(previous)) {
                        error(p + ".date", "yield dates must increase (previous " + previous + ")");
                    }
                    previous = y.date();
                }
                range(p + ".yield", y.yield(), 0.0, 1.0);
            }
        }
        nonNegative("domestic.waferStartsPerWeek", d.waferStartsPerWeek(), 1e7);
        range("domestic.waferGrowthPerYear", d.waferGrowthPerYear(), -0.9, 20.0);
        positive("domestic.diesPerWafer", d.diesPerWafer(), 1e4);
        positive("domestic.diesPerUnit", d.diesPerUnit(), 64);
        nonNegative("domestic.hbmUnitsPerWeek", d.hbmUnitsPerWeek(), 1e8);
        range("domestic.hbmGrowthPerYear", d.hbmGrowthPerYear(), -0.9, 20.0);
        range("domestic.shippingWeeks", d.shippingWeeks(), 0, 52);
    }

    // ---- primitive checks -------------------------------------------------------------------------------------

    private boolean present(String path, Object value) {
        if (value == null) {
            error(path, "is required");
            return false;
        }
        return true;
    }

    private boolean text(String path, String value) {
        if (!present(path, value)) {
            return false;
        }
        if (value.isBlank()) {
            error(path, "must not be blank");
            return false;
        }
        return true;
    }

    private boolean productRef(String path, String name, Set<String> productNames) {
        if (!productNames.contains(name)) {
            error(path, "no product named '" + name + "' is defined in products");
            return false;
        }
        return true;
    }

    private void inHorizon(String path, LocalDate date, Scenario s, boolean required) {
        if (date == null) {
            if (required) {
                error(path, "is required");
            }
            return;
        }
        SimulationSpec sim = s.simulation();
        if (sim != null && sim.startDate() != null && sim.endDate() != null
                && (date.isBefore(sim.startDate()) || date.isAfter(sim.endDate()))) {
            error(path, date + " is outside the simulated horizon " + sim.startDate() + " to " + sim.endDate());
        }
    }

    private void positive(String path, Double value, double max) {
        if (present(path, value)) {
            finite(path, value);
            if (!(value > 0) || value > max) {
                error(path, "must be > 0 and <= " + fmt(max) + ", got " + fmt(value));
            }
        }
    }

    private void optionalPositive(String path, Double value) {
        if (value != null && !(value > 0 && Double.isFinite(value))) {
            error(path, "must be a positive number, got " + fmt(value));
        }
    }

    private void nonNegative(String path, Double value, double max) {
        range(path, value, 0.0, max);
    }

    private void range(String path, Double value, double min, double max) {
        if (present(path, value) && finite(path, value) && (value < min || value > max)) {
            error(path, "must be between " + fmt(min) + " and " + fmt(max) + ", got " + fmt(value));
        }
    }

    private void range(String path, Integer value, int min, int max) {
        if (present(path, value) && (value < min || value > max)) {
            error(path, "must be between " + min + " and " + max + ", got " + value);
        }
    }

    private boolean finite(String path, double value) {
        if (!Double.isFinite(value)) {
            error(path, "must be a finite number, got " + value);
            return false;
        }
        return true;
    }

    private void error(String path, String message) {
        errors.add(new ValidationError(null, 0, 0, path, message));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
