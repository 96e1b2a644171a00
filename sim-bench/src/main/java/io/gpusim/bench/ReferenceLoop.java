package io.gpusim.bench;

import io.gpusim.agents.ScenarioPlan;
import io.gpusim.agents.rules.Controls;
import io.gpusim.core.Calendar;
import io.gpusim.core.Market;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.Product;
import io.gpusim.core.metrics.RunRecorder;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.params.BuyerParams;
import io.gpusim.core.params.DomesticParams;
import io.gpusim.core.params.ImportRuleParams;
import io.gpusim.core.params.LicenceParams;
import io.gpusim.core.params.RegulatorParams;
import io.gpusim.core.params.ScenarioParams;
import io.gpusim.core.params.VendorParams;
import io.gpusim.core.scenario.AllocationRule;
import io.gpusim.core.scenario.BanMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The performance reference for {@code gpusim bench}: the model computed in plain loops over primitive arrays, with
 * no scheduler, no ledger, order book, transit ring or recorder objects, and no event objects. Each replication
 * ({@link ReferenceRun}) calls the same public rule functions as the agents ({@code io.gpusim.agents.rules}), in the
 * same order and on the same random stream, so it gives the model's metrics to the last digit for the same seed:
 * the regulator (control rounds, leaks, the ban by date, hazard or threshold, reversals, licences), the importing
 * country's rules, the hyperscalers (demand, purchase split, deployment, beliefs, anticipatory and working orders,
 * rush deadlines, the budget), the vendors' production lines (lead times, forecasts, shared capacity, halts,
 * redesigns, write-downs, releases, licence approvals and caps, allocation, scarcity and fee pricing, quotes) and the
 * domestic maker (launch delays, capacity, allocation), and the metrics as the run recorder computes them. Series and
 * the per-product table are not recorded.
 *
 * <p>This class holds what is the same in every replication, worked out once; {@link #run} may be called from any
 * number of threads.
 */
public final class ReferenceLoop {
    /** Event kinds by ordinal, read without copying the enum's values. */
    static final EventKind[] KINDS = EventKind.values();

    final ScenarioPlan plan;
    final ScenarioParams params;
    final Calendar cal;
    final int steps;
    final int stepDays;
    final double stepWeeks;
    final int buyers;
    final int products;
    final int sellers;
    // Products, by ledger index.
    final double[] listPrice;
    final double[] performance;
    final double[] unitCost;
    final int[] sellerOf;
    final int[] firstAvailableDay;
    final boolean[] domesticProduct;
    final int vendorProduct;
    final int vendorSeller;
    final int domesticSeller;
    // Foreign products, primary first.
    final int[] foreign;
    final double[] chargePerUnitUsd;
    /** Position of each product in {@link #foreign}, or -1. */
    final int[] foreignIndex;
    // Buyers.
    final BuyerParams[] buyer;
    final double[] noiseSdPerStep;
    final double signalDecayPerStep;
    final int spendWindowSteps;
    /** Effective performance of each domestic product for each buyer: [buyer * products + product]. */
    final double[] domesticPerformance;
    /** Day buyers expect each roadmap product: the announced day plus the typical slip. */
    final double[] expectedLaunchDay;
    /** Weeks each foreign product's working level covers beyond the working buffer. */
    final double[] foreignReplenishWeeks;

    final double domesticReplenishWeeks;
    // Vendors and their production lines (each vendor's products, then its redesigns).
    final VendorParams[] vendor;
    final int[] firstLine;
    final int lines;
    final int[] lineVendor;
    final int[] lineProduct;
    /** The product whose announced ban starts a redesigned line's design, or -1 for a line on the roadmap. */
    final int[] lineRedesignOf;

    final int[] lineDesignWeeks;
    final int[] lineHaltSteps;
    /** Each vendor's forecast smoothing weight per step. */
    final double[] smoothingPerStep;
    /** The line of each foreign product, or -1. */
    final int[] lineOf;
    // Each product's shipping: days, whole steps of transit, and the share of units a step later.
    final int[] shippingDays;
    final int[] shippingWholeSteps;
    final double[] shippingLateShare;
    /** Steps of arrivals the transit ring holds. */
    final int ringSteps;
    // Domestic maker.
    final DomesticParams domestic;
    final int[] roadmap;
    // Regulator.
    final RegulatorParams regulator;
    /** Products a ban covers (worked out once: a threshold rule reads fixed product attributes). */
    final int[] bannedProducts;

    final int[] controlRoundDays;
    final LicenceParams[] licences;
    // Importer.
    final ImportRuleParams[] importRules;
    // Recorder windows.
    final int monthlySteps;
    final int quarterSteps;
    // The hazard rule's windows of vendor orders.
    final int recentOrderSteps;
    final int longRunOrderSteps;

    /** The reference for a planned scenario. */
    public ReferenceLoop(ScenarioPlan plan) {
        this.plan = plan;
        Market market = plan.market();
        this.params = market.params();
        this.cal = plan.calendar();
        this.steps = cal.steps();
        this.stepDays = cal.stepDays();
        this.stepWeeks = cal.stepWeeks();
        this.buyers = market.buyers();
        List<Product> list = market.products();
        this.products = list.size();
        this.sellers = market.sellers().size();
        this.listPrice = new double[products];
        this.performance = new double[products];
        this.unitCost = new double[products];
        this.sellerOf = market.sellerOf();
        this.firstAvailableDay = new int[products];
        this.domesticProduct = market.domestic();
        for (int p = 0; p < products; p++) {
            Product info = list.get(p);
            listPrice[p] = info.listPriceUsd();
            performance[p] = info.relativePerformance();
            unitCost[p] = info.unitCostUsd();
            firstAvailableDay[p] = info.firstAvailableDay();
        }
        this.vendorProduct = market.vendorProduct();
        this.vendorSeller = market.vendorSeller();
        this.domesticSeller = market.domesticSeller();
        this.foreign = market.foreign().products();
        this.chargePerUnitUsd = market.foreign().chargePerUnitUsd();
        this.foreignIndex = new int[products];
        Arrays.fill(foreignIndex, -1);
        for (int f = 0; f < foreign.length; f++) {
            foreignIndex[foreign[f]] = f;
        }

        this.buyer = params.buyers().toArray(new BuyerParams[0]);
        this.noiseSdPerStep = new double[buyers];
        for (int b = 0; b < buyers; b++) {
            noiseSdPerStep[b] = cal.lognormalSdPerStep(buyer[b].demandNoiseSd());
        }
        this.signalDecayPerStep = io.gpusim.agents.rules.Beliefs.signalDecay(
                stepDays, params.beliefs().decayMonths());
        this.spendWindowSteps = cal.stepsForWeeks(52, 1);
        this.domestic = params.domestic();
        this.roadmap = domestic.roadmapProducts().clone();
        this.domesticPerformance = new double[buyers * products];
        this.expectedLaunchDay = new double[roadmap.length];
        for (int i = 0; i < roadmap.length; i++) {
            int p = roadmap[i];
            for (int b = 0; b < buyers; b++) {
                domesticPerformance[b * products + p] = performance[p] * buyer[b].domesticSoftwareDiscount();
            }
            expectedLaunchDay[i] =
                    firstAvailableDay[p] + Math.max(0.0, domestic.delayMeanMonths()[i]) * Calendar.DAYS_PER_MONTH;
        }
        this.foreignReplenishWeeks = new double[foreign.length];
        for (int f = 0; f < foreign.length; f++) {
            foreignReplenishWeeks[f] = io.gpusim.agents.rules.Stocking.REVIEW_WEEKS
                    + params.vendorOf(foreign[f]).shippingWeeks();
        }
        this.domesticReplenishWeeks = io.gpusim.agents.rules.Stocking.REVIEW_WEEKS + domestic.shippingWeeks();

        this.vendor = params.vendors().toArray(new VendorParams[0]);
        this.smoothingPerStep = new double[vendor.length];
        for (int v = 0; v < vendor.length; v++) {
            smoothingPerStep[v] = cal.smoothingPerStep(vendor[v].forecastSmoothing());
        }
        this.firstLine = new int[vendor.length + 1];
        List<int[]> lineList = new ArrayList<>();
        for (int v = 0; v < vendor.length; v++) {
            firstLine[v] = lineList.size();
            int haltSteps = cal.stepsForWeeks(vendor[v].haltWeeks(), 1);
            for (int p : vendor[v].products()) {
                lineList.add(new int[] {v, p, -1, 0, haltSteps});
            }
            for (VendorParams.Redesign r : vendor[v].redesigns()) {
                lineList.add(new int[] {v, r.product(), r.banned(), r.designWeeks(), haltSteps});
            }
        }
        this.lines = lineList.size();
        firstLine[vendor.length] = lines;
        this.lineVendor = new int[lines];
        this.lineProduct = new int[lines];
        this.lineRedesignOf = new int[lines];
        this.lineDesignWeeks = new int[lines];
        this.lineHaltSteps = new int[lines];
        this.lineOf = new int[products];
        Arrays.fill(lineOf, -1);
        for (int l = 0; l < lines; l++) {
            int[] row = lineList.get(l);
            lineVendor[l] = row[0];
            lineProduct[l] = row[1];
            lineRedesignOf[l] = row[2];
            lineDesignWeeks[l] = row[3];
            lineHaltSteps[l] = Math.max(1, row[4]);
            lineOf[row[1]] = l;
        }

        this.shippingDays = new int[products];
        this.shippingWholeSteps = new int[products];
        this.shippingLateShare = new double[products];
        int longest = 0;
        for (int p = 0; p < products; p++) {
            int weeks = lineOf[p] >= 0
                    ? vendor[lineVendor[lineOf[p]]].shippingWeeks()
                    : domesticProduct[p] ? domestic.shippingWeeks() : -1;
            if (weeks < 0) {
                continue;
            }
            shippingDays[p] = weeks * 7;
            double lag = (double) shippingDays[p] / stepDays;
            shippingWholeSteps[p] = (int) Math.floor(lag);
            shippingLateShare[p] = lag - shippingWholeSteps[p];
            longest = Math.max(longest, shippingWholeSteps[p]);
        }
        this.ringSteps = longest + 3;

        this.regulator = params.regulator();
        this.bannedProducts = bannedProducts(list);
        this.controlRoundDays = regulator.controlRoundDays().stream()
                .mapToInt(Integer::intValue)
                .toArray();
        this.licences = regulator.licences().toArray(new LicenceParams[0]);
        this.importRules = params.importRules().toArray(new ImportRuleParams[0]);
        this.monthlySteps = cal.stepsForDays(RunRecorder.MONTHLY_WINDOW_DAYS, 1);
        this.quarterSteps = cal.stepsForDays(RunRecorder.QUARTER_DAYS, 1);
        this.recentOrderSteps = cal.stepsForWeeks(Controls.ORDER_WINDOW_WEEKS, 1);
        this.longRunOrderSteps = cal.stepsForWeeks(Controls.BASELINE_WINDOW_WEEKS, 1);
    }

    /**
     * Products the ban covers: the scenario's ban products, or under a threshold rule every foreign product over a
     * limit.
     */
    private int[] bannedProducts(List<Product> list) {
        if (regulator.mode() != BanMode.THRESHOLD) {
            return regulator.banProducts().clone();
        }
        return Arrays.stream(foreign)
                .filter(p -> Controls.exceedsThresholds(list.get(p), regulator.thresholds()))
                .toArray();
    }

    /** One replication; returns its metrics (series and the per-product table are not recorded). */
    public RunResult run(long replicationSeed) {
        return new ReferenceRun(this, replicationSeed).run();
    }

    /** Effective performance of a domestic product for a buyer (its software discount applied). */
    double domesticPerformance(int b, int p) {
        return domesticPerformance[b * products + p];
    }

    /** Whether a product is sold under a proportional rule (the domestic maker's always is). */
    boolean proportional(int product) {
        return lineOf[product] < 0 || vendor[lineVendor[lineOf[product]]].allocation() != AllocationRule.FIFO;
    }
}
