package io.gpusim.agents;

import io.gpusim.agents.rules.Allocation;
import io.gpusim.agents.rules.Production;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.market.Product;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.params.VendorParams;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The foreign GPU vendor. Production is committed a wafer lead time ahead: each step it starts what its demand
 * forecast and backlog call for, up to its capacity, and those units finish {@code lead} steps later. It allocates
 * finished goods among buyers' open orders, prices with a scarcity markup, and quotes delivery dates. When its
 * product is banned, shipments stop, the backlog is cancelled (lost revenue) and the unsellable inventory and
 * non-cancellable commitments are written down at unit cost (the charge).
 */
public final class GpuVendor implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient VendorParams spec;
    private final transient SellerView desk;
    private final int product;
    private final Product info;
    private final int leadSteps;
    /** Shipping time in days, and in steps (not always a whole number). */
    private final int shippingDays;

    private final double shippingLagSteps;
    private final double safetySteps;
    private final double stepWeeks;
    /** Weight of one step's orders in the forecast ({@code forecastSmoothing} is per week). */
    private final double smoothingPerStep;

    private final long[] completions;
    private final long[] pipeline;
    private final long[] outstanding;
    private final long[] share;
    private final double[] remainder;
    private int pipelineStep = -1;
    private final transient ScenarioPlan plan;
    private final int stepDays;
    private double forecastPerStep;
    private double capacityPerStep;
    private boolean writtenDown;
    private final transient MarketModel model;

    public GpuVendor(MarketModel model, ScenarioPlan plan) {
        this.model = model;
        this.plan = plan;
        this.spec = model.params().vendor();
        this.product = model.vendorProduct();
        this.desk = model.exchange().seller(model.vendorSeller());
        this.info = model.product(product);
        Calendar cal = model.calendar();
        this.stepDays = cal.stepDays();
        this.stepWeeks = cal.stepWeeks();
        this.smoothingPerStep = cal.smoothingPerStep(spec.forecastSmoothing());
        int leadWeeks = spec.waferLeadWeeksMin()
                + model.random.nextInt(spec.waferLeadWeeksMax() - spec.waferLeadWeeksMin() + 1);
        this.leadSteps = cal.stepsForWeeks(leadWeeks, 1);
        this.shippingDays = spec.shippingWeeks() * 7;
        this.shippingLagSteps = (double) shippingDays / cal.stepDays();
        this.safetySteps = spec.safetyStockWeeks() / stepWeeks;
        this.completions = new long[leadSteps + 1];
        this.pipeline = new long[leadSteps + 1];
        this.outstanding = new long[desk.buyers()];
        this.share = new long[outstanding.length];
        this.remainder = new double[outstanding.length];
        this.forecastPerStep = spec.initialOrdersPerWeek() * stepWeeks;
        this.capacityPerStep = plan.vendorCapacity(0);
        // Steady state before the run: production started at the forecast rate over the last lead time.
        long inPipeline = Math.round(forecastPerStep);
        for (int k = 1; k <= leadSteps; k++) {
            desk.startProduction(product, inPipeline);
            completions[(k - 1) % completions.length] += inPipeline;
        }
        desk.setQuote(product, this::quoteDay);
    }

    /** Wafer lead time of this replication, in steps. */
    public int leadSteps() {
        return leadSteps;
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    // ---- step -------------------------------------------------------------------------------------------------

    @Override
    public void step(SimState state) {
        MarketStatus status = desk.status();
        int step = model.step();
        int today = model.today();
        capacityPerStep = plan.vendorCapacity(step);

        if (!status.launched(product) && info.firstAvailableDay() < today + stepDays) {
            desk.launch(product, Math.max(today, info.firstAvailableDay()), info.name() + " launched");
        }
        if (status.banned(product)) {
            if (!writtenDown) {
                shipBeforeBan(status, step, today);
                writeDown();
            }
            return;
        }
        writtenDown = false;

        int slot = step % completions.length;
        desk.completeProduction(product, completions[slot]);
        completions[slot] = 0;

        forecastPerStep = Production.updateForecast(forecastPerStep, desk.orderedThisStep(product), smoothingPerStep);
        long backlog = desk.backlog(product);
        long starts = Production.productionStarts(
                forecastPerStep,
                leadSteps,
                safetySteps,
                backlog,
                desk.finishedGoods(product),
                desk.workInProcess(product),
                capacityPerStep);
        if (starts > 0) {
            desk.startProduction(product, starts);
            completions[(step + leadSteps) % completions.length] += starts;
        }

        if (status.launched(product)) {
            ship(step, Long.MAX_VALUE);
        }
        double backlogWeeks = desk.backlog(product) / Math.max(1.0, forecastPerStep / stepWeeks);
        desk.setPrice(
                product,
                Production.scarcityPrice(
                        info.listPriceUsd(), spec.scarcityMarkupMax(), backlogWeeks, spec.scarcityBacklogWeeks()));
    }

    private void ship(int step, long limit) {
        Allocation.shipOpenOrders(
                desk,
                product,
                spec.allocation(),
                Arrival.after(step, shippingLagSteps),
                limit,
                outstanding,
                share,
                remainder);
    }

    /**
     * The ban's step, when the ban falls after its first day: the part of the step before the ban still ships, pro
     * rata: this step's completions are finished and at most {@code floor(f * min(finished, backlog))} units go
     * out, {@code f} the share of the step before the ban day (see MODEL.md, 3.3.4).
     */
    private void shipBeforeBan(MarketStatus status, int step, int today) {
        int banDay = desk.events().lastDay(EventKind.BAN_EFFECTIVE, product);
        double before = (double) (banDay - today) / stepDays;
        if (!(before > 0) || !status.launched(product)) {
            return;
        }
        int slot = step % completions.length;
        desk.completeProduction(product, completions[slot]);
        completions[slot] = 0;
        long limit = (long) Math.floor(before * Math.min(desk.finishedGoods(product), desk.backlog(product)));
        if (limit > 0) {
            ship(step, limit);
        }
    }

    /** At the ban: cancel the backlog, write down inventory and commitments, stop the production pipeline. */
    private void writeDown() {
        desk.cancelOpenOrders(product);
        long costCents = Math.round(info.unitCostUsd() * spec.writedownShare() * 100.0);
        desk.writeOff(product, costCents);
        java.util.Arrays.fill(completions, 0);
        writtenDown = true;
    }

    /**
     * Available-to-promise: the day by which {@code units} more, queued behind the backlog, would reach the buyer:
     * the first day of the step they can ship in (supply comes from finished goods, then the scheduled completions,
     * then, beyond the pipeline, production at full capacity started now) plus the shipping time in days.
     */
    int quoteDay(long units) {
        int now = model.step();
        if (pipelineStep != now) {
            pipelineStep = now;
            Production.accumulatePipeline(completions, now, leadSteps, pipeline);
        }
        double need = (double) desk.backlog(product) + units - desk.finishedGoods(product);
        int k = Production.stepsToSupply(need, pipeline, leadSteps, capacityPerStep);
        return model.calendar().firstDayOf(now + k) + shippingDays;
    }
}
