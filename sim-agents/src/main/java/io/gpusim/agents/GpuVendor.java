package io.gpusim.agents;

import io.gpusim.agents.rules.Allocation;
import io.gpusim.agents.rules.Production;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.LicenceTerms;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.market.Product;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.params.VendorParams;
import java.util.Arrays;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A foreign GPU vendor with one or more export products, each a production line on the vendor's shared capacity.
 * Production is committed a wafer lead time ahead: each step a line starts what its demand forecast and backlog call
 * for, the lines sharing the capacity in proportion to their needs, and those units finish {@code lead} steps later.
 * Each line allocates its finished goods among buyers' open (and, under licences, approved) orders, prices with a
 * scarcity markup (plus the part of a licence fee it passes on), and quotes delivery dates. When a product is banned,
 * its shipments stop, its backlog is cancelled (lost revenue) and its unsellable inventory and non-cancellable
 * commitments are written down at unit cost (the charge); when licences later allow it again, the written-down stock
 * is sold first. The vendor designs a compliant part after a ban, stops starting production of a product whose
 * orders collapse, and sells written-down stock elsewhere at a discount, when the scenario says so.
 */
public final class GpuVendor implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient VendorParams spec;
    private final transient SellerView desk;
    private final transient MarketModel model;
    private final transient ScenarioPlan plan;
    private final int vendorIndex;
    private final int leadSteps;
    /** Shipping time in days, and in steps (not always a whole number). */
    private final int shippingDays;

    /** When a shipment made in each step arrives ({@link ScenarioPlan#arrivals}). */
    private final Arrival[] arrivals;

    private final double safetySteps;
    private final double stepWeeks;
    /** Weight of one step's orders in the forecast ({@code forecastSmoothing} is per week). */
    private final double smoothingPerStep;

    private final int stepDays;
    private final long[] outstanding;
    private final long[] share;
    private final double[] remainder;
    private final Line[] lines;
    /** Each line's wanted production starts this step (-1: none to commit), reused from step to step. */
    private final double[] need;

    private double capacityPerStep;
    /** Orders placed in the run before this step's review of licence decisions. */
    private int ordersReviewed;

    /** One product's production line. */
    private final class Line {
        final int product;
        final Product info;
        final long[] completions;
        final long[] pipeline;
        int pipelineStep = -1;
        double forecastPerStep;
        boolean writtenDown;
        /** First day the line commits production (a redesigned part's: when its design is done). */
        int activeFrom;

        boolean launchedByRedesign;
        /** Steps the line has been on sale, counted up to the halt window. */
        int stepsOnSale;
        /** Orders per step over the halt window, in a ring. */
        final double[] recentOrders;

        double recentOrdersSum;
        /** Day of the scheduled sale of written-down stock elsewhere (when releases are on). */
        int releaseDay = Integer.MAX_VALUE;

        Line(int product, int haltSteps) {
            this.product = product;
            this.info = model.product(product);
            this.completions = new long[leadSteps + 1];
            this.pipeline = new long[leadSteps + 1];
            this.recentOrders = new double[Math.max(1, haltSteps)];
        }
    }

    /**
     * @param vendorIndex the vendor's index in the scenario (0 for {@code vendor}, then {@code vendors} in order)
     */
    public GpuVendor(MarketModel model, ScenarioPlan plan, int vendorIndex) {
        this.model = model;
        this.plan = plan;
        this.vendorIndex = vendorIndex;
        this.spec = model.params().vendors().get(vendorIndex);
        this.desk = model.exchange().seller(model.product(spec.product()).seller());
        Calendar cal = model.calendar();
        this.stepDays = cal.stepDays();
        this.stepWeeks = cal.stepWeeks();
        this.smoothingPerStep = cal.smoothingPerStep(spec.forecastSmoothing());
        int leadWeeks = spec.waferLeadWeeksMin()
                + model.random.nextInt(spec.waferLeadWeeksMax() - spec.waferLeadWeeksMin() + 1);
        this.leadSteps = cal.stepsForWeeks(leadWeeks, 1);
        this.shippingDays = spec.shippingWeeks() * 7;
        this.arrivals = plan.arrivals(shippingDays);
        this.safetySteps = spec.safetyStockWeeks() / stepWeeks;
        this.outstanding = new long[desk.buyers()];
        this.share = new long[outstanding.length];
        this.remainder = new double[outstanding.length];
        this.capacityPerStep = plan.vendorCapacity(vendorIndex, 0);
        int haltSteps = cal.stepsForWeeks(spec.haltWeeks(), 1);
        int n = spec.products().length + spec.redesigns().length;
        this.lines = new Line[n];
        this.need = new double[n];
        for (int i = 0; i < spec.products().length; i++) {
            lines[i] = new Line(spec.products()[i], haltSteps);
            // A product on sale later is planned a lead time ahead of its launch.
            lines[i].activeFrom = lines[i].info.firstAvailableDay() - leadSteps * stepDays;
        }
        for (int i = 0; i < spec.redesigns().length; i++) {
            Line line = new Line(spec.redesigns()[i].product(), haltSteps);
            line.activeFrom = Integer.MAX_VALUE;
            line.launchedByRedesign = true;
            lines[spec.products().length + i] = line;
        }
        // Steady state before the run: the products on sale from the start have had production started at the
        // forecast rate (the initial order rate, shared among them) over the last lead time.
        long live = Arrays.stream(lines).filter(l -> l.activeFrom <= 0).count();
        for (Line line : lines) {
            line.forecastPerStep = spec.initialOrdersPerWeek() * stepWeeks / Math.max(1, live);
            if (line.activeFrom <= 0) {
                long inPipeline = Math.round(line.forecastPerStep);
                for (int k = 1; k <= leadSteps; k++) {
                    desk.startProduction(line.product, inPipeline);
                    line.completions[(k - 1) % line.completions.length] += inPipeline;
                }
            }
            desk.setQuote(line.product, units -> quoteDay(line, units));
            // On sale before the run starts: buyers can order it in the first step, whatever the step length.
            if (!line.launchedByRedesign && line.info.firstAvailableDay() <= 0) {
                desk.launch(line.product, 0, line.info.name() + " launched");
            }
        }
    }

    /** Wafer lead time of this replication, in steps. */
    public int leadSteps() {
        return leadSteps;
    }

    // ---- step -------------------------------------------------------------------------------------------------
    // The decisions are the public rule functions of io.gpusim.agents.rules, applied to the vendor's state.

    @Override
    public void step(SimState state) {
        MarketStatus status = desk.status();
        int step = model.step();
        int today = model.today();
        capacityPerStep = plan.vendorCapacity(vendorIndex, step);
        scheduleRedesigns(today);
        reviewLicences(status, today);

        double[] need = this.need;
        double needTotal = 0;
        int committing = 0;
        for (int i = 0; i < lines.length; i++) {
            Line line = lines[i];
            launchIfDue(line, status, today);
            if (status.banned(line.product) && status.licence(line.product) == null) {
                if (!line.writtenDown) {
                    shipBeforeBan(line, status, step, today);
                    writeDown(line, today);
                }
                // Written-down commitments are still made: they complete into reserved (written-off) stock.
                int slot = step % line.completions.length;
                desk.completeWrittenOff(line.product, line.completions[slot]);
                line.completions[slot] = 0;
                releaseElsewhere(line, today);
                need[i] = -1;
                continue;
            }
            if (line.writtenDown) {
                // Controls eased (a licence or a reversal): the written-down stock and commitments can be sold again.
                line.writtenDown = false;
                desk.reinstate(line.product, desk.writtenOffFinished(line.product));
                desk.reinstateWorkInProcess(line.product);
            }
            if (today < line.activeFrom) {
                need[i] = -1;
                continue;
            }
            int slot = step % line.completions.length;
            desk.completeProduction(line.product, line.completions[slot]);
            line.completions[slot] = 0;
            // Before its launch a line produces to plan: no orders can come yet, so none update its forecast.
            if (status.launched(line.product)) {
                double ordered = desk.orderedThisStep(line.product);
                line.forecastPerStep = Production.updateForecast(line.forecastPerStep, ordered, smoothingPerStep);
                if (halted(line, ordered)) {
                    need[i] = 0; // no starts, but it still ships and prices
                    continue;
                }
            }
            need[i] = starts(line, Double.POSITIVE_INFINITY);
            needTotal += need[i];
            committing++;
        }
        for (int i = 0; i < lines.length; i++) {
            if (need[i] < 0) {
                continue;
            }
            Line line = lines[i];
            long starts = need[i] == 0
                    ? 0
                    : committing == 1
                            ? starts(line, capacityPerStep)
                            : Production.sharedStarts(need[i], needTotal, capacityPerStep);
            if (starts > 0) {
                desk.startProduction(line.product, starts);
                line.completions[(step + leadSteps) % line.completions.length] += starts;
            }
            if (status.launched(line.product)) {
                ship(line, step, today, shippingLimit(status, line.product));
            }
            price(line, status);
        }
    }

    /** A line's shipments this step: approved orders only, at most {@code limit} units (a licence cap). */
    private void ship(Line line, int step, int today, long limit) {
        Allocation.shipOpenOrders(
                desk, line.product, spec.allocation(), arrivals[step], limit, today, outstanding, share, remainder);
    }

    /** Units a product may ship this step: a licence's cap, else unlimited. */
    private static long shippingLimit(MarketStatus status, int product) {
        LicenceTerms licence = status.licence(product);
        if (licence == null || Double.isInfinite(licence.capUnitsPerStep())) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(licence.capUnitsPerStep());
    }

    private void price(Line line, MarketStatus status) {
        double backlogWeeks = desk.backlog(line.product) / Math.max(1.0, line.forecastPerStep / stepWeeks);
        double price = Production.scarcityPrice(
                line.info.listPriceUsd(), spec.scarcityMarkupMax(), backlogWeeks, spec.scarcityBacklogWeeks());
        LicenceTerms licence = status.licence(line.product);
        if (licence != null) {
            price = Production.feePrice(price, licence.feeShare(), licence.feePassThrough());
        }
        desk.setPrice(line.product, price);
    }

    /** A line's production starts this step by {@link Production#productionStarts}, within {@code capacity}. */
    private long starts(Line line, double capacity) {
        return Production.productionStarts(
                line.forecastPerStep,
                leadSteps,
                safetySteps,
                desk.backlog(line.product),
                desk.finishedGoods(line.product),
                desk.workInProcess(line.product),
                capacity);
    }

    /** A line launches on its product's first day on sale; a redesigned part when its design is done. */
    private void launchIfDue(Line line, MarketStatus status, int today) {
        if (status.launched(line.product)) {
            return;
        }
        int day = line.launchedByRedesign ? line.activeFrom : line.info.firstAvailableDay();
        if (day < today + stepDays) {
            desk.launch(line.product, Math.max(today, day), line.info.name() + " launched");
        }
    }

    /** Orders of licensed products placed since the last step get their licence decisions (approval day, denial). */
    private void reviewLicences(MarketStatus status, int today) {
        int placed = desk.orderCount();
        if (!anyLicensed(status)) {
            // Only orders of this vendor's licensed products get decisions: none today, so nothing to read.
            ordersReviewed = placed;
            return;
        }
        for (int o = ordersReviewed; o < placed; o++) {
            int p = desk.orderProduct(o);
            LicenceTerms licence = status.licence(p);
            if (licence == null || !mine(p)) {
                continue;
            }
            boolean denied = licence.denialProbability() > 0 && model.random.nextDouble() < licence.denialProbability();
            desk.setApproval(o, today + licence.approvalDays(), denied);
        }
        ordersReviewed = placed;
        for (Line line : lines) {
            if (status.licence(line.product) != null
                    && status.licence(line.product).denialProbability() > 0) {
                desk.cancelDenied(line.product, today);
            }
        }
    }

    private boolean anyLicensed(MarketStatus status) {
        for (Line line : lines) {
            if (status.licence(line.product) != null) {
                return true;
            }
        }
        return false;
    }

    private boolean mine(int product) {
        for (Line line : lines) {
            if (line.product == product) {
                return true;
            }
        }
        return false;
    }

    /** Starts the design of a compliant part when controls on the product it replaces are announced. */
    private void scheduleRedesigns(int today) {
        for (int i = 0; i < spec.redesigns().length; i++) {
            VendorParams.Redesign r = spec.redesigns()[i];
            Line line = lines[spec.products().length + i];
            if (line.activeFrom != Integer.MAX_VALUE) {
                continue;
            }
            int announced = desk.events().lastDay(EventKind.BAN_ANNOUNCED, r.banned());
            if (announced != EventLog.NONE) {
                line.activeFrom = Math.max(today, announced + r.designWeeks() * 7);
            }
        }
    }

    /**
     * Whether a line's production is halted: with a halt rule, while its orders over the rule's window run below
     * {@code orderShare} of the forecast.
     */
    private boolean halted(Line line, double ordered) {
        if (spec.haltOrderShare() <= 0) {
            return false;
        }
        int slot = model.step() % line.recentOrders.length;
        line.recentOrdersSum += ordered - line.recentOrders[slot];
        line.recentOrders[slot] = ordered;
        if (++line.stepsOnSale < line.recentOrders.length) {
            return false; // the window is not yet full of the line's own orders
        }
        return Production.ordersCollapsed(
                line.recentOrdersSum, line.recentOrders.length, line.forecastPerStep, spec.haltOrderShare());
    }

    /**
     * The ban's step, when the ban falls after its first day: the part of the step before the ban still ships, pro
     * rata: this step's completions are finished and at most {@code floor(f * min(finished, backlog))} units go
     * out, {@code f} the share of the step before the ban day (see MODEL.md, 3.3.4).
     */
    private void shipBeforeBan(Line line, MarketStatus status, int step, int today) {
        int banDay = desk.events().lastDay(EventKind.BAN_EFFECTIVE, line.product);
        double before = (double) (banDay - today) / stepDays;
        if (!(before > 0) || !status.launched(line.product)) {
            return;
        }
        int slot = step % line.completions.length;
        desk.completeProduction(line.product, line.completions[slot]);
        line.completions[slot] = 0;
        long limit = (long) Math.floor(before * Math.min(desk.finishedGoods(line.product), desk.backlog(line.product)));
        if (limit > 0) {
            ship(line, step, today, limit);
        }
    }

    /**
     * At the ban: cancel the backlog and write down inventory and commitments; no new production starts, and what
     * was committed completes into the written-off stock.
     */
    private void writeDown(Line line, int today) {
        desk.cancelOpenOrders(line.product);
        long costCents = Math.round(line.info.unitCostUsd() * spec.writedownShare() * 100.0);
        desk.writeOff(line.product, costCents);
        line.writtenDown = true;
        if (spec.releaseShare() > 0) {
            line.releaseDay = today + spec.releaseAfterWeeks() * 7;
        }
    }

    /** Sells the release share of a banned product's written-down stock elsewhere, once, when its day comes. */
    private void releaseElsewhere(Line line, int today) {
        if (line.releaseDay >= today + stepDays) {
            return;
        }
        line.releaseDay = Integer.MAX_VALUE;
        long units = (long) Math.floor(spec.releaseShare() * desk.writtenOffFinished(line.product));
        long cents = Math.round(units * line.info.listPriceUsd() * spec.releasePriceShare() * 100.0);
        desk.releaseReserves(line.product, units, cents);
    }

    /**
     * Available-to-promise: the day by which {@code units} more, queued behind the backlog, would reach the buyer:
     * the first day of the step they can ship in (supply comes from finished goods, then the scheduled completions,
     * then, beyond the pipeline, production at full capacity started now) plus the shipping time in days.
     */
    int quoteDay(Line line, long units) {
        int now = model.step();
        if (line.pipelineStep != now) {
            line.pipelineStep = now;
            Production.accumulatePipeline(line.completions, now, leadSteps, line.pipeline);
        }
        double need = (double) desk.backlog(line.product) + units - desk.finishedGoods(line.product);
        int k = Production.stepsToSupply(need, line.pipeline, leadSteps, capacityPerStep);
        return model.calendar().firstDayOf(now + k) + shippingDays;
    }
}
