package io.gpusim.agents;

import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.Ledger;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.market.Product;
import io.gpusim.core.scenario.VendorSpec;
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

    private final transient VendorSpec spec;
    private final int product;
    private final Product info;
    private final int leadSteps;
    private final int shippingSteps;
    private final double safetySteps;
    private final double stepWeeks;
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
        this.spec = model.scenario().vendor();
        this.product = model.vendorProduct();
        this.info = model.product(product);
        Calendar cal = model.calendar();
        this.stepDays = cal.stepDays();
        this.stepWeeks = cal.stepWeeks();
        int leadWeeks = spec.waferLeadWeeksMin()
                + model.random.nextInt(spec.waferLeadWeeksMax() - spec.waferLeadWeeksMin() + 1);
        this.leadSteps = cal.stepsForWeeks(leadWeeks, 1);
        this.shippingSteps = cal.stepsForWeeks(spec.shippingWeeks(), 0);
        this.safetySteps = spec.safetyStockWeeks() / stepWeeks;
        this.completions = new long[leadSteps + 1];
        this.pipeline = new long[leadSteps + 1];
        this.outstanding = new long[model.ledger().buyers()];
        this.share = new long[outstanding.length];
        this.remainder = new double[outstanding.length];
        this.forecastPerStep = spec.initialOrdersPerWeek() * stepWeeks;
        this.capacityPerStep = plan.vendorCapacity(0);
        // Steady state before the run: production started at the forecast rate over the last lead time.
        long inPipeline = Math.round(forecastPerStep);
        for (int k = 1; k <= leadSteps; k++) {
            model.ledger().startProduction(product, inPipeline);
            completions[(k - 1) % completions.length] += inPipeline;
        }
        model.status().setQuote(product, this::quoteStep);
    }

    /** Wafer lead time of this replication, in steps. */
    public int leadSteps() {
        return leadSteps;
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    /** Exponential smoothing of orders: {@code F' = alpha * orders + (1 - alpha) * F}. */
    static double updateForecast(double forecast, double orders, double alpha) {
        return alpha * orders + (1 - alpha) * forecast;
    }

    /**
     * Units to start this step: enough to bring finished goods plus work in process up to the backlog plus the
     * forecast over the lead time and a safety stock, never negative and never above capacity.
     */
    static long productionStarts(double forecastPerStep, int leadSteps, double safetySteps, long backlog,
            long finished, long wip, double capacityPerStep) {
        double target = forecastPerStep * (leadSteps + safetySteps) + backlog;
        double need = target - finished - wip;
        return Math.round(Math.max(0.0, Math.min(need, capacityPerStep)));
    }

    /**
     * Price with a scarcity markup: {@code list * (1 + maxMarkup * min(1, backlogWeeks / scarcityWeeks))}, where
     * backlog weeks are the backlog over the forecast weekly order rate.
     */
    static double scarcityPrice(double listPrice, double maxMarkup, double backlogWeeks, double scarcityWeeks) {
        return listPrice * (1 + maxMarkup * Math.min(1.0, Math.max(0.0, backlogWeeks) / scarcityWeeks));
    }

    /**
     * Units that can be committed to production in a step starting on {@code day}: the piecewise-linear capacity
     * curve (units per month, flat outside its points) times the step's share of a month.
     */
    static double capacityPerStep(double[] curveDays, double[] unitsPerMonth, int day, int stepDays) {
        return Curves.interpolate(curveDays, unitsPerMonth, day) * stepDays / Calendar.DAYS_PER_MONTH;
    }

    /**
     * Completions scheduled from step {@code now} on, accumulated into {@code pipeline}: {@code pipeline[k]} = units
     * finished within {@code k} steps, for {@code k = 1 .. leadSteps}. {@code completions} is a ring indexed by step.
     */
    static void accumulatePipeline(long[] completions, int now, int leadSteps, long[] pipeline) {
        long sum = 0;
        int slot = now % completions.length;
        for (int k = 0; k < leadSteps; k++) {
            sum += completions[slot];
            pipeline[k + 1] = sum;
            slot = slot + 1 == completions.length ? 0 : slot + 1;
        }
    }

    /**
     * Steps until {@code need} more units than finished goods hold can be supplied: 0 when finished goods cover
     * them; else the first {@code k} with {@code pipeline[k + 1] >= need}, where {@code pipeline[k]} is the units the
     * pipeline completes within {@code k} steps; else the lead time plus the steps of production at full capacity
     * that the rest needs, {@code lead + ceil((need - pipeline[lead]) / max(1, capacity))}.
     */
    static int stepsToSupply(double need, long[] pipeline, int leadSteps, double capacityPerStep) {
        if (need <= 0) {
            return 0;
        }
        if (need > pipeline[leadSteps]) {
            return leadSteps + (int) Math.ceil((need - pipeline[leadSteps]) / Math.max(1.0, capacityPerStep));
        }
        int lo = 0;
        int hi = leadSteps - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (pipeline[mid + 1] >= need) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    // ---- step -------------------------------------------------------------------------------------------------

    @Override
    public void step(SimState state) {
        MarketModel model = (MarketModel) state;
        Ledger ledger = model.ledger();
        MarketStatus status = model.status();
        int step = model.step();
        int today = model.today();
        capacityPerStep = plan.vendorCapacity(step);

        if (!status.launched(product) && info.firstAvailableDay() < today + stepDays) {
            status.setLaunched(product, true);
            model.events().publish(new MarketEvent(Math.max(today, info.firstAvailableDay()), EventKind.LAUNCH,
                    product, info.name() + " launched"));
        }
        if (status.banned(product)) {
            if (!writtenDown) {
                writeDown(ledger);
            }
            return;
        }
        writtenDown = false;

        int slot = step % completions.length;
        ledger.completeProduction(product, completions[slot]);
        completions[slot] = 0;

        forecastPerStep = updateForecast(forecastPerStep, ledger.orderedThisStep(product), spec.forecastSmoothing());
        long backlog = ledger.backlog(product);
        long starts = productionStarts(forecastPerStep, leadSteps, safetySteps, backlog,
                ledger.finishedGoods(product), ledger.workInProcess(product), capacityPerStep);
        if (starts > 0) {
            ledger.startProduction(product, starts);
            completions[(step + leadSteps) % completions.length] += starts;
        }

        if (status.launched(product)) {
            Allocation.shipOpenOrders(ledger, product, spec.allocation(), step + shippingSteps, outstanding, share,
                    remainder);
        }
        double backlogWeeks = ledger.backlog(product) / Math.max(1.0, forecastPerStep / stepWeeks);
        status.setPriceUsd(product, scarcityPrice(info.listPriceUsd(), spec.scarcityMarkupMax(), backlogWeeks,
                spec.scarcityBacklogWeeks()));
    }

    /** At the ban: cancel the backlog, write down inventory and commitments, stop the production pipeline. */
    private void writeDown(Ledger ledger) {
        ledger.cancelOpenOrders(product);
        long costCents = Math.round(info.unitCostUsd() * spec.writedownShare() * 100.0);
        ledger.writeOff(product, costCents);
        java.util.Arrays.fill(completions, 0);
        writtenDown = true;
    }

    /**
     * Available-to-promise: the step by which {@code units} more, queued behind the backlog, would ship. Supply
     * comes from finished goods, then the scheduled completions, then (beyond the pipeline) production at full
     * capacity started now; shipping time is added.
     */
    int quoteStep(long units) {
        int now = model.step();
        if (pipelineStep != now) {
            pipelineStep = now;
            accumulatePipeline(completions, now, leadSteps, pipeline);
        }
        double need = (double) model.ledger().backlog(product) + units - model.ledger().finishedGoods(product);
        int k = stepsToSupply(need, pipeline, leadSteps, capacityPerStep);
        return now + k + shippingSteps;
    }
}
