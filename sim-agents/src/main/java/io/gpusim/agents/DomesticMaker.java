package io.gpusim.agents;

import io.gpusim.agents.rules.Allocation;
import io.gpusim.agents.rules.DomesticSupply;
import io.gpusim.core.Calendar;
import io.gpusim.core.MarketModel;
import io.gpusim.core.market.Arrival;
import io.gpusim.core.market.MarketStatus;
import io.gpusim.core.market.SellerView;
import io.gpusim.core.params.DomesticParams;
import io.gpusim.core.scenario.AllocationRule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The domestic chipmaker. Its roadmap products launch after a random delay; its output per step is limited by
 * good dies (wafer starts x dies per wafer x yield / dies per unit) and by memory (HBM) supply. It builds to its
 * backlog plus a small buffer, allocates among buyers like the vendor, and quotes delivery dates.
 */
public final class DomesticMaker implements Steppable {
    private static final long serialVersionUID = 1L;

    private final transient DomesticParams spec;
    private final transient SellerView desk;
    private final transient MarketModel model;
    private final int[] roadmapProducts;
    private final int[] launchDays;
    private final transient ScenarioPlan plan;
    /** Shipping time in days, and in steps (not always a whole number). */
    private final int shippingDays;

    /** When a shipment made in each step arrives ({@link ScenarioPlan#arrivals}). */
    private final Arrival[] arrivals;

    private final double stepWeeks;
    private final long[] outstanding;
    private final long[] share;
    private final double[] remainder;
    private double capacityPerStep;

    public DomesticMaker(MarketModel model, ScenarioPlan plan) {
        this.model = model;
        this.plan = plan;
        this.spec = model.params().domestic();
        this.desk = model.exchange().seller(model.domesticSeller());
        Calendar cal = model.calendar();
        this.shippingDays = spec.shippingWeeks() * 7;
        this.arrivals = plan.arrivals(shippingDays);
        this.stepWeeks = cal.stepWeeks();
        int n = spec.roadmapSize();
        this.roadmapProducts = spec.roadmapProducts().clone();
        this.launchDays = new int[n];
        for (int i = 0; i < n; i++) {
            int p = roadmapProducts[i];
            double delayMonths = DomesticSupply.launchDelayMonths(
                    spec.delayMeanMonths()[i], spec.delaySdMonths()[i], model.nextGaussian());
            launchDays[i] =
                    model.product(p).firstAvailableDay() + (int) Math.round(delayMonths * Calendar.DAYS_PER_MONTH);
        }
        this.capacityPerStep = plan.domesticCapacity(0);
        this.outstanding = new long[desk.buyers()];
        this.share = new long[outstanding.length];
        this.remainder = new double[outstanding.length];
        for (int i = 0; i < n; i++) {
            desk.setQuote(roadmapProducts[i], this::quoteDay);
            // On sale before the run starts: buyers can order it in the first step, whatever the step length.
            if (launchDays[i] <= 0) {
                desk.launch(
                        roadmapProducts[i], 0, model.product(roadmapProducts[i]).name() + " launched");
            }
        }
    }

    // ---- decisions ------------------------------------------------------------------------------------------

    /** Actual launch day of the i-th roadmap product in this replication. */
    public int launchDay(int roadmapIndex) {
        return launchDays[roadmapIndex];
    }

    // ---- step -------------------------------------------------------------------------------------------------

    @Override
    public void step(SimState state) {
        MarketStatus status = desk.status();
        int step = model.step();
        int today = model.today();
        int endOfStep = today + model.calendar().stepDays();
        capacityPerStep = plan.domesticCapacity(step);

        int current = -1;
        for (int i = 0; i < roadmapProducts.length; i++) {
            int p = roadmapProducts[i];
            if (!status.launched(p) && launchDays[i] < endOfStep) {
                desk.launch(p, Math.max(today, launchDays[i]), model.product(p).name() + " launched");
            }
            if (status.launched(p)) {
                current = p;
            }
        }
        if (current < 0) {
            return;
        }
        // Build to order: older products' backlogs first, then the current product with a small buffer.
        double capacityLeft = Math.floor(capacityPerStep);
        model.recorder().reportDomesticCapacity(capacityLeft);
        for (int p : roadmapProducts) {
            if (!status.launched(p) || capacityLeft <= 0) {
                continue;
            }
            double buffer = p == current ? DomesticSupply.BUFFER_WEEKS / stepWeeks * capacityPerStep : 0;
            long make = (long) Math.max(0, Math.min(capacityLeft, desk.backlog(p) + buffer - desk.finishedGoods(p)));
            if (make > 0) {
                desk.startProduction(p, make);
                desk.completeProduction(p, make);
                capacityLeft -= make;
            }
        }
        for (int p : roadmapProducts) {
            if (status.launched(p) && !status.banned(p)) {
                Allocation.shipOpenOrders(
                        desk,
                        p,
                        AllocationRule.PROPORTIONAL,
                        arrivals[step],
                        Long.MAX_VALUE,
                        model.today(),
                        outstanding,
                        share,
                        remainder);
            }
        }
    }

    /**
     * The day by which {@code units} more of a product would reach the buyer: the first day of the step they can
     * ship in, at current capacity behind the backlog, plus the shipping time in days.
     */
    int quoteDay(long units) {
        int now = model.step();
        double need = (double) units;
        for (int p : roadmapProducts) {
            need += desk.backlog(p) - desk.finishedGoods(p);
        }
        int k = need <= 0 ? 0 : (int) Math.ceil(need / Math.max(1.0, capacityPerStep));
        return model.calendar().firstDayOf(now + k) + shippingDays;
    }
}
