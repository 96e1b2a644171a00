package io.gpusim.core.scenario;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a bound {@link Scenario}: required fields, numeric ranges, references between sections and dates inside
 * the horizon. Collects every problem rather than stopping at the first.
 *
 * <p>What a single field may hold is declared once, by {@link Param} on the record component, and checked by one
 * reflective walk over the records ({@link #walk}): required-ness, blank names, finiteness and ranges. Rules that
 * relate fields to each other or depend on the regulator's mode are written out below ({@link #rules}). Errors are
 * reported in the order of the fields in the scenario, a rule's error next to the field it names.
 */
public final class ScenarioValidator {
    private final List<Found> found = new ArrayList<>();
    /** Position of every field path in the walk, which visits fields in declaration order. */
    private final Map<String, Integer> order = new HashMap<>();

    private record Found(int position, ValidationError error) {}

    private ScenarioValidator() {}

    /** All problems in the scenario; empty when it is valid. */
    public static List<ValidationError> validate(Scenario s) {
        ScenarioValidator v = new ScenarioValidator();
        v.walk("", s);
        v.rules(s);
        // Stable: at one position the walk's errors stay ahead of the rules', each in the order found.
        return v.found.stream()
                .sorted(Comparator.comparingInt(Found::position))
                .map(Found::error)
                .toList();
    }

    // ---- the declared fields ----------------------------------------------------------------------------------

    /** Checks every component of a record against its {@link Param}, descending into lists and nested records. */
    private void walk(String path, Record record) {
        for (RecordField c : RecordField.of(record.getClass())) {
            String p = path.isEmpty() ? c.name() : path + "." + c.name();
            order.put(p, order.size());
            if (applies(record, c.name())) {
                field(p, c.param(), c.genericType(), c.read(record));
            }
        }
    }

    /** Parts of the regulator that only a mode uses are checked only in that mode. */
    private static boolean applies(Record record, String component) {
        BanMode only = onlyInMode(record.getClass(), component);
        return only == null || ((RegulatorSpec) record).mode() == only;
    }

    /** The regulator mode a block belongs to, or null for a field checked whatever the mode. */
    static BanMode onlyInMode(Class<?> owner, String component) {
        if (owner != RegulatorSpec.class) {
            return null;
        }
        return switch (component) {
            case "hazard" -> BanMode.HAZARD;
            case "thresholds" -> BanMode.THRESHOLD;
            default -> null;
        };
    }

    private void field(String path, Param param, Type type, Object value) {
        if (value == null) {
            if (param.required()) {
                error(path, "is required");
            }
        } else if (value instanceof String text) {
            if (param.required() && text.isBlank()) {
                error(path, "must not be blank");
            }
        } else if (value instanceof Double number) {
            number(path, param, number);
        } else if (value instanceof Integer whole) {
            whole(path, param, whole);
        } else if (value instanceof List<?> list) {
            Class<?> itemType =
                    type instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c
                            ? c
                            : Object.class;
            for (int i = 0; i < list.size(); i++) {
                String p = path + "[" + i + "]";
                order.put(p, order.size());
                Object item = list.get(i);
                if (item == null) {
                    error(p, itemType.isRecord() ? "must not be empty" : "is required");
                } else if (item instanceof Record r) {
                    walk(p, r);
                }
            }
        } else if (value instanceof Record r) {
            walk(path, r);
        }
    }

    private void number(String path, Param param, double value) {
        double min = param.min();
        double max = param.max();
        if (param.minExclusive() && max == Double.POSITIVE_INFINITY) {
            if (!(value > min && Double.isFinite(value))) {
                error(
                        path,
                        "must be " + (min == 0 ? "a positive number" : "a finite number > " + fmt(min)) + ", got "
                                + fmt(value));
            }
        } else if (param.minExclusive()) {
            if (finite(path, value) && (!(value > min) || value > max)) {
                error(path, "must be > " + fmt(min) + " and <= " + fmt(max) + ", got " + fmt(value));
            }
        } else if (finite(path, value) && (value < min || value > max)) {
            error(path, bounds(min, max) + ", got " + fmt(value));
        }
    }

    private void whole(String path, Param param, int value) {
        if (value < param.min() || value > param.max()) {
            error(path, bounds(param.min(), param.max()) + ", got " + value);
        }
    }

    private static String bounds(double min, double max) {
        if (min == Double.NEGATIVE_INFINITY) {
            return "must be <= " + fmt(max);
        }
        if (max == Double.POSITIVE_INFINITY) {
            return "must be >= " + fmt(min);
        }
        return "must be between " + fmt(min) + " and " + fmt(max);
    }

    private boolean finite(String path, double value) {
        if (!Double.isFinite(value)) {
            error(path, "must be a finite number, got " + value);
            return false;
        }
        return true;
    }

    // ---- rules between fields ---------------------------------------------------------------------------------

    private void rules(Scenario s) {
        calendar(s.simulation());
        Set<String> productNames = products(s.products());
        Set<String> shockNames = new HashSet<>();
        for (int i = 0; i < s.demandShocks().size(); i++) {
            DemandShockSpec d = s.demandShocks().get(i);
            shock("demandShocks[" + i + "]", d, s);
            if (d != null && given(d.name()) && !shockNames.add(d.name())) {
                error("demandShocks[" + i + "].name", "duplicate demand shock name '" + d.name() + "'");
            }
        }
        hyperscalers(s.hyperscalers());
        if (s.vendor() != null) {
            vendor("vendor", s.vendor(), s, productNames);
        }
        Set<String> vendorNames = new java.util.HashSet<>();
        if (s.vendor() != null && given(s.vendor().name())) {
            vendorNames.add(s.vendor().name());
        }
        for (int i = 0; i < s.vendors().size(); i++) {
            VendorSpec v = s.vendors().get(i);
            if (v == null) {
                continue;
            }
            vendor("vendors[" + i + "]", v, s, productNames);
            if (given(v.name()) && !vendorNames.add(v.name())) {
                error("vendors[" + i + "].name", "duplicate vendor name '" + v.name() + "'");
            }
        }
        makers(s, vendorNames);
        Set<String> foreign = foreignProducts(s);
        if (s.regulator() != null) {
            regulator(s.regulator(), s);
            foreignRefs(s.regulator(), s, foreign);
        }
        if (s.domestic() != null) {
            domestic(s.domestic(), s, productNames);
        }
        if (s.importer() != null) {
            importer(s.importer(), s, foreign);
        }
    }

    /** A product's maker is a vendor or the domestic maker: a product no one makes is never sold. */
    private void makers(Scenario s, Set<String> vendorNames) {
        if (s.products() == null) {
            return;
        }
        Set<String> makers = new java.util.LinkedHashSet<>(vendorNames);
        if (s.domestic() != null && given(s.domestic().name())) {
            makers.add(s.domestic().name());
        }
        for (int i = 0; i < s.products().size(); i++) {
            ProductSpec p = s.products().get(i);
            if (p != null && given(p.maker()) && !makers.contains(p.maker())) {
                String near = Spelling.closest(p.maker(), List.copyOf(makers));
                error(
                        "products[" + i + "].maker",
                        "no vendor or domestic maker named '" + p.maker() + "'"
                                + (near != null
                                        ? "; did you mean '" + near + "'?"
                                        : "; makers: " + String.join(", ", makers)));
            }
        }
    }

    /** Every product a foreign vendor sells or designs. */
    private static Set<String> foreignProducts(Scenario s) {
        Set<String> foreign = new java.util.LinkedHashSet<>();
        for (VendorSpec v : s.allVendors()) {
            if (v == null) {
                continue;
            }
            for (String p : v.allProducts()) {
                if (p != null) {
                    foreign.add(p);
                }
            }
            for (VendorSpec.RedesignSpec r : v.redesigns()) {
                if (r != null && r.product() != null) {
                    foreign.add(r.product());
                }
            }
        }
        return foreign;
    }

    private void foreignRef(String path, String product, Set<String> foreign) {
        if (given(product) && !foreign.contains(product)) {
            error(path, "'" + product + "' is not a product of a foreign vendor (" + String.join(", ", foreign) + ")");
        }
    }

    private void buyerRefs(String path, List<String> names, Scenario s) {
        once(path, names);
        for (int i = 0; i < names.size(); i++) {
            String b = names.get(i);
            if (s.hyperscalers() != null
                    && s.hyperscalers().stream().noneMatch(h -> h != null && b != null && b.equals(h.name()))) {
                error(path + "[" + i + "]", "no hyperscaler named '" + b + "'");
            }
        }
    }

    /** Products and buyers named by the regulator's ban and licences. */
    private void foreignRefs(RegulatorSpec r, Scenario s, Set<String> foreign) {
        once("regulator.banProducts", r.banProducts());
        for (int i = 0; i < r.banProducts().size(); i++) {
            foreignRef("regulator.banProducts[" + i + "]", r.banProducts().get(i), foreign);
        }
        for (int i = 0; i < r.licences().size(); i++) {
            LicenceSpec l = r.licences().get(i);
            String p = "regulator.licences[" + i + "]";
            if (l == null) {
                continue;
            }
            foreignRef(p + ".product", l.product(), foreign);
            inHorizon(p + ".from", l.from(), s);
            if (l.from() != null && l.until() != null && l.until().isBefore(l.from())) {
                error(p + ".until", "must not be before " + p + ".from (" + l.from() + ")");
            }
            if (l.capShare() != null && l.capBase().isEmpty()) {
                error(p + ".capBase", "is required with capShare (the volume the share is of)");
            }
            if (l.capShare() == null && !l.capBase().isEmpty()) {
                error(
                        p + ".capBase",
                        "is used only with capShare (the share of it that may ship); give capShare or "
                                + "leave capBase out");
            }
            if (l.capShare() != null && l.capUnitsPerMonth() != null) {
                error(p + ".capShare", "give capUnitsPerMonth or capShare, not both");
            }
            increasing(
                    p + ".capBase",
                    l.capBase().stream().map(c -> c == null ? null : c.date()).toList(),
                    "cap");
            buyerRefs(p + ".excludedBuyers", l.excludedBuyers(), s);
            oneRegimeAtATime(r.licences(), i, s.simulation());
        }
    }

    /**
     * Two licence regimes for one product in force in the same step would leave the product under whichever was
     * granted last, and the end of either would end both: licence {@code i} must start in a step after every earlier
     * regime for its product has ended.
     */
    private void oneRegimeAtATime(List<LicenceSpec> licences, int i, SimulationSpec sim) {
        LicenceSpec l = licences.get(i);
        if (l.from() == null
                || !given(l.product())
                || sim == null
                || sim.startDate() == null
                || sim.stepDays() == null
                || sim.stepDays() < 1) {
            return;
        }
        for (int j = 0; j < i; j++) {
            LicenceSpec earlier = licences.get(j);
            if (earlier == null || earlier.from() == null || !l.product().equals(earlier.product())) {
                continue;
            }
            boolean apart = (earlier.until() != null && step(earlier.until(), sim) < step(l.from(), sim))
                    || (l.until() != null && step(l.until(), sim) < step(earlier.from(), sim));
            if (!apart) {
                error(
                        "regulator.licences[" + i + "].from",
                        "the licences for '" + l.product() + "' are in force in the same steps as regulator.licences["
                                + j + "] (" + earlier.from()
                                + (earlier.until() == null ? " on" : " to " + earlier.until())
                                + "); a product has one licence regime at a time: start this one in a step after "
                                + "that one's until");
                return;
            }
        }
    }

    /** The step of the simulation that holds a day. */
    private static long step(LocalDate day, SimulationSpec sim) {
        return Math.floorDiv(java.time.temporal.ChronoUnit.DAYS.between(sim.startDate(), day), sim.stepDays());
    }

    private void importer(ImporterSpec imp, Scenario s, Set<String> foreign) {
        for (int i = 0; i < imp.rules().size(); i++) {
            ImportRuleSpec rule = imp.rules().get(i);
            String p = "importer.rules[" + i + "]";
            if (rule == null) {
                continue;
            }
            foreignRef(p + ".product", rule.product(), foreign);
            if (rule.trigger() == null && rule.from() == null) {
                error(p + ".from", "is required unless the rule has a trigger");
            }
            inHorizon(p + ".from", rule.from(), s);
            if (rule.from() != null && rule.until() != null && rule.until().isBefore(rule.from())) {
                error(p + ".until", "must not be before " + p + ".from (" + rule.from() + ")");
            }
            if (rule.trigger() != null) {
                foreignRef(p + ".trigger.product", rule.trigger().product(), foreign);
            }
            buyerRefs(p + ".buyers", rule.buyers(), s);
            // A field of another kind of rule would be ignored; its default (0, no buyers) is harmless.
            onlyFor(p, rule, "exemptShare", rule.exemptShare() != 0, ImportRuleKind.BLOCK);
            onlyFor(p, rule, "shadowCostShare", rule.shadowCostShare() != 0, ImportRuleKind.DISCOURAGE);
            onlyFor(p, rule, "ratio", rule.ratio() != 0, ImportRuleKind.MATCH);
            onlyFor(p, rule, "share", rule.share() != 0, ImportRuleKind.MANDATE);
            onlyFor(p, rule, "buyers", !rule.buyers().isEmpty(), ImportRuleKind.MANDATE);
            if (rule.kind() == ImportRuleKind.BLOCK || rule.kind() == ImportRuleKind.DISCOURAGE) {
                continue;
            }
            if (rule.product() != null) {
                error(p + ".product", rule.kind() + " applies to every foreign product; leave product out");
            }
        }
    }

    /** A field only rules of {@code kind} use, given to a rule of another kind, is an error at the field. */
    private void onlyFor(String rule, ImportRuleSpec spec, String field, boolean given, ImportRuleKind kind) {
        if (given && spec.kind() != null && spec.kind() != kind) {
            error(rule + "." + field, spec.kind() + " does not use " + field + " (" + kind + " only); leave it out");
        }
    }

    private void calendar(SimulationSpec sim) {
        if (sim != null
                && sim.startDate() != null
                && sim.endDate() != null
                && !sim.endDate().isAfter(sim.startDate())) {
            // Reported after the calendar's own fields.
            error(
                    "simulation.endDate",
                    "must be after simulation.startDate (" + sim.startDate() + ")",
                    "simulation.stepDays");
        } else if (sim != null
                && sim.startDate() != null
                && sim.endDate() != null
                && sim.stepDays() != null
                && sim.stepDays() >= 1) {
            long days = java.time.temporal.ChronoUnit.DAYS.between(sim.startDate(), sim.endDate()) + 1;
            long steps = (days + sim.stepDays() - 1) / sim.stepDays();
            if (steps > SimulationSpec.MAX_STEPS) {
                error(
                        "simulation.endDate",
                        "the horizon is " + steps + " steps of " + sim.stepDays() + " days; at most "
                                + SimulationSpec.MAX_STEPS + " (an earlier end or longer steps)",
                        "simulation.stepDays");
            }
        }
    }

    /** The names of the products, checking they are unique. */
    private Set<String> products(List<ProductSpec> products) {
        Set<String> names = new HashSet<>();
        if (products == null) {
            return names;
        }
        if (products.isEmpty()) {
            error("products", "at least one product is required");
        }
        for (int i = 0; i < products.size(); i++) {
            ProductSpec prod = products.get(i);
            if (prod != null && given(prod.name()) && !names.add(prod.name())) {
                error("products[" + i + "].name", "duplicate product name '" + prod.name() + "'");
            }
        }
        return names;
    }

    private void shock(String p, DemandShockSpec d, Scenario s) {
        if (d == null) {
            return;
        }
        inHorizon(p + ".date", d.date(), s);
        once(p + ".buyers", d.buyers());
        for (int i = 0; i < d.buyers().size(); i++) {
            String b = d.buyers().get(i);
            if (s.hyperscalers() != null
                    && s.hyperscalers().stream().noneMatch(h -> h != null && b != null && b.equals(h.name()))) {
                List<String> names = s.hyperscalers().stream()
                        .filter(h -> h != null && given(h.name()))
                        .map(HyperscalerSpec::name)
                        .toList();
                String near = b == null ? null : Spelling.closest(b, names);
                error(
                        p + ".buyers[" + i + "]",
                        "no hyperscaler named '" + b + "'"
                                + (near != null
                                        ? "; did you mean '" + near + "'?"
                                        : "; hyperscalers: " + String.join(", ", names)));
            }
        }
    }

    private void hyperscalers(List<HyperscalerSpec> hyperscalers) {
        if (hyperscalers == null) {
            return;
        }
        if (hyperscalers.isEmpty()) {
            error("hyperscalers", "at least one hyperscaler is required");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < hyperscalers.size(); i++) {
            HyperscalerSpec h = hyperscalers.get(i);
            if (h != null && given(h.name()) && !names.add(h.name())) {
                error("hyperscalers[" + i + "].name", "duplicate hyperscaler name '" + h.name() + "'");
            }
        }
    }

    private void vendor(String at, VendorSpec v, Scenario s, Set<String> productNames) {
        made(at + ".product", v.product(), v, s, productNames);
        for (int i = 0; i < v.products().size(); i++) {
            made(at + ".products[" + i + "]", v.products().get(i), v, s, productNames);
        }
        once(v.allProducts(), i -> i == 0 ? at + ".product" : at + ".products[" + (i - 1) + "]");
        for (int i = 0; i < v.redesigns().size(); i++) {
            VendorSpec.RedesignSpec r = v.redesigns().get(i);
            if (r == null) {
                continue;
            }
            String p = at + ".redesigns[" + i + "]";
            if (given(r.banned()) && !v.allProducts().contains(r.banned())) {
                error(p + ".banned", "'" + r.banned() + "' is not one of the vendor's products");
            }
            made(p + ".product", r.product(), v, s, productNames);
            if (given(r.product()) && v.allProducts().contains(r.product())) {
                error(p + ".product", "the compliant part is launched by the redesign; do not list it as sold already");
            }
        }
        if (v.domesticName(s)) {
            error(at + ".name", "'" + v.name() + "' is the domestic maker, not a foreign vendor");
        }
        if (v.waferLeadWeeksMin() != null
                && v.waferLeadWeeksMax() != null
                && v.waferLeadWeeksMax() < v.waferLeadWeeksMin()) {
            error(at + ".waferLeadWeeksMax", "must be >= " + at + ".waferLeadWeeksMin (" + v.waferLeadWeeksMin() + ")");
        }
        if (v.capacity() != null) {
            if (v.capacity().isEmpty()) {
                error(at + ".capacity", "at least one capacity point is required");
            }
            increasing(
                    at + ".capacity",
                    v.capacity().stream().map(c -> c == null ? null : c.date()).toList(),
                    "capacity");
        }
    }

    /** A product the vendor sells must exist and be made by the vendor. */
    private void made(String path, String product, VendorSpec v, Scenario s, Set<String> productNames) {
        if (given(product) && productRef(path, product, productNames)) {
            String maker = s.products().get(s.productIndex(product)).maker();
            if (v.name() != null && !v.name().equals(maker)) {
                error(
                        path,
                        "product '" + product + "' is made by '" + maker + "', not by the vendor '" + v.name() + "'");
            }
        }
    }

    private void regulator(RegulatorSpec r, Scenario s) {
        switch (r.mode()) {
            case NONE -> {}
            case DATE, THRESHOLD -> {
                if (r.banDate() == null) {
                    error("regulator.banDate", "is required");
                }
                inHorizon("regulator.banDate", r.banDate(), s);
            }
            case HAZARD -> {
                if (r.hazard() == null) {
                    error("regulator.hazard", "is required");
                }
            }
            default -> throw new IllegalStateException("unhandled ban mode " + r.mode());
        }
        if (r.mode() == BanMode.THRESHOLD) {
            RegulatorSpec.ThresholdSpec t = r.thresholds();
            if (t == null) {
                error("regulator.thresholds", "is required");
            } else if (t.maxMemoryBandwidthTBps() == null && t.maxInterconnectGBps() == null && t.maxTpp() == null) {
                error(
                        "regulator.thresholds",
                        "give at least one of maxMemoryBandwidthTBps, maxInterconnectGBps, maxTpp");
            }
        }
    }

    private void domestic(DomesticMakerSpec d, Scenario s, Set<String> productNames) {
        if (d.roadmap() != null) {
            if (d.roadmap().isEmpty()) {
                error("domestic.roadmap", "at least one roadmap entry is required");
            }
            once(
                    d.roadmap().stream()
                            .map(e -> e == null ? null : e.product())
                            .toList(),
                    i -> "domestic.roadmap[" + i + "].product");
            for (int i = 0; i < d.roadmap().size(); i++) {
                String p = "domestic.roadmap[" + i + "]";
                DomesticMakerSpec.RoadmapEntry e = d.roadmap().get(i);
                if (e != null && given(e.product()) && productRef(p + ".product", e.product(), productNames)) {
                    String maker = s.products().get(s.productIndex(e.product())).maker();
                    if (d.name() != null && !d.name().equals(maker)) {
                        error(
                                p + ".product",
                                "product '" + e.product() + "' is made by '" + maker + "', not by the domestic maker '"
                                        + d.name() + "'");
                    }
                }
            }
        }
        if (d.yieldCurve() != null) {
            if (d.yieldCurve().isEmpty()) {
                error("domestic.yieldCurve", "at least one yield point is required");
            }
            increasing(
                    "domestic.yieldCurve",
                    d.yieldCurve().stream()
                            .map(y -> y == null ? null : y.date())
                            .toList(),
                    "yield");
        }
    }

    // ---- helpers of the rules ---------------------------------------------------------------------------------

    /** Each name of a list of names must appear once: a repeat is an error at the repeat. */
    private void once(String path, List<String> names) {
        once(names, i -> path + "[" + i + "]");
    }

    /** Each of these names must appear once: a repeat is an error at its path, {@code pathOf} its index. */
    private void once(List<String> names, java.util.function.IntFunction<String> pathOf) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Integer at = name == null ? null : first.putIfAbsent(name, i);
            if (at != null) {
                error(pathOf.apply(i), "'" + name + "' is listed twice (also " + pathOf.apply(at) + "); list it once");
            }
        }
    }

    /** Whether a text field holds a usable value (the walk reports it when it does not). */
    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private boolean productRef(String path, String name, Set<String> productNames) {
        if (!productNames.contains(name)) {
            List<String> names = productNames.stream().sorted().toList();
            String near = Spelling.closest(name, names);
            error(
                    path,
                    "no product named '" + name + "' is defined in products"
                            + (near != null
                                    ? "; did you mean '" + near + "'?"
                                    : "; products: " + String.join(", ", names)));
            return false;
        }
        return true;
    }

    /** The dates of a curve's points must increase; points and dates left out are skipped. */
    private void increasing(String path, List<LocalDate> dates, String what) {
        LocalDate previous = null;
        for (int i = 0; i < dates.size(); i++) {
            LocalDate date = dates.get(i);
            if (date == null) {
                continue;
            }
            if (previous != null && !date.isAfter(previous)) {
                error(path + "[" + i + "].date", what + " dates must increase (previous " + previous + ")");
            }
            previous = date;
        }
    }

    private void inHorizon(String path, LocalDate date, Scenario s) {
        SimulationSpec sim = s.simulation();
        if (date != null
                && sim != null
                && sim.startDate() != null
                && sim.endDate() != null
                && (date.isBefore(sim.startDate()) || date.isAfter(sim.endDate()))) {
            error(path, date + " is outside the simulated horizon " + sim.startDate() + " to " + sim.endDate());
        }
    }

    private void error(String path, String message) {
        error(path, message, path);
    }

    /** Records an error at {@code path}, placed among the others where the field {@code at} is. */
    private void error(String path, String message, String at) {
        found.add(new Found(position(at), new ValidationError(null, 0, 0, path, message)));
    }

    /** The walk's position of a path, or of its deepest ancestor the walk visited. */
    private int position(String path) {
        String p = path;
        while (true) {
            Integer at = order.get(p);
            if (at != null) {
                return at;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return order.size();
            }
            p = p.substring(0, cut);
        }
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
