package io.gpusim.core.metrics;

import io.gpusim.core.Calendar;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.market.EventLog;
import io.gpusim.core.market.Ledger;
import io.gpusim.core.market.MarketEvent;
import io.gpusim.core.market.MarketStatus;
import java.util.Arrays;

/**
 * Observes one run and turns it into {@link RunResult}: agents report what only they know (demand, beliefs,
 * targets, capacity); everything else is read from the ledger. The state at the ban is captured when it happens.
 */
public final class RunRecorder {
    /** Days of the window over which monthly demand is averaged (four weeks). */
    public static final int MONTHLY_WINDOW_DAYS = 28;
    /** Days of the window over which the substitute share is measured (a quarter). */
    public static final int QUARTER_DAYS = 91;

    private final ForeignProducts foreign;
    private final int sellers;
    private final Calendar calendar;
    private final Ledger ledger;
    private final MarketStatus status;
    private final EventLog events;
    private final int vendorProduct;
    private final boolean[] domesticProduct;
    private final double[][] series;
    private final double[][][] productSeries;
    private final int buyers;
    /** Demand of each buyer this step. */
    private final double[] buyerDemandStep;
    // The last few steps, in rings indexed by step: demand (all buyers, and per buyer at slot * buyers + buyer)
    // over the monthly window, and units shipped over the quarter window.
    private final double[] demandRing;
    private final double[] buyerDemandRing;
    private final int quarterSteps;
    /** Steps in the monthly demand window. */
    private final int monthlySteps;

    private final long[] vendorShippedRing;
    private final long[] domesticShippedRing;
    /** The vendor product's rush orders, tallied at the ban (or at the end of a run without one). */
    private final RushOrders rushOrders;

    private double demandStep;
    private double unmetStep;
    private double hazardSum;
    private int hazardCount;
    private double anticipatoryStep;
    private double domesticCapacityStep;
    private double unmetTotal;
    private double peakHazard;
    private int recordedSteps;
    private double requestersMonthlyDemand = Double.NaN;

    private boolean banSnapshotTaken;
    /** The ban fell in the current step: its rush orders are read at the step's end. */
    private boolean banPending;
    /** Vendor units in buyers' stock at the end of the step before last, and of the last step. */
    private double stockTwoStepsAgo;

    private double stockLastStep;
    private int banDay = EventLog.NONE;
    private double stockAtBan = Double.NaN;
    private double monthlyDemandAtBan = Double.NaN;
    private double requestedUnits;
    private double requestedValueUsd;
    private double deliveredBeforeBan;
    private double shortfallMonths = Double.NaN;
    /** Vendor production committed by the end of the last recorded step, and by the ban's announcement and effect. */
    private long startedLastStep;
    /** Public events read so far for the vendor product's ban announcement. */
    private int eventsRead;

    private long startedAtAnnouncement = -1;
    private long startedAtBan = -1;

    public RunRecorder(
            ForeignProducts foreign,
            int sellers,
            Calendar calendar,
            Ledger ledger,
            MarketStatus status,
            EventLog events,
            int vendorProduct,
            boolean[] domesticProduct,
            boolean recordSeries) {
        this.foreign = foreign;
        this.sellers = sellers;
        this.calendar = calendar;
        this.ledger = ledger;
        this.status = status;
        this.events = events;
        this.vendorProduct = vendorProduct;
        this.domesticProduct = domesticProduct.clone();
        int steps = calendar.steps();
        this.series = recordSeries ? new double[Series.values().length][steps] : null;
        this.productSeries =
                recordSeries ? new double[foreign.products().length][ProductSeries.values().length][steps] : null;
        this.buyers = ledger.buyers();
        this.buyerDemandStep = new double[buyers];
        this.monthlySteps = calendar.stepsForDays(MONTHLY_WINDOW_DAYS, 1);
        this.demandRing = new double[monthlySteps];
        this.buyerDemandRing = new double[monthlySteps * buyers];
        this.quarterSteps = calendar.stepsForDays(QUARTER_DAYS, 1);
        this.vendorShippedRing = new long[quarterSteps];
        this.domesticShippedRing = new long[quarterSteps];
        this.rushOrders = new RushOrders(buyers);
    }

    // ---- reports from agents ----------------------------------------------------------------------------------

    /** A hyperscaler's compute demand this step (H20-equivalent units) and the part no stock could serve. */
    public void reportDemand(int buyer, double demand, double unmet) {
        demandStep += demand;
        unmetStep += unmet;
        buyerDemandStep[buyer] += demand;
    }

    /** A hyperscaler's perceived ban hazard (per year) and anticipatory stock target (units) this step. */
    public void reportBelief(double hazardPerYear, double anticipatoryTargetUnits) {
        hazardSum += hazardPerYear;
        hazardCount++;
        anticipatoryStep += anticipatoryTargetUnits;
    }

    /** The domestic maker's capacity this step (units it could finish). */
    public void reportDomesticCapacity(double units) {
        domesticCapacityStep += units;
    }

    // ---- ban ----------------------------------------------------------------------------------------------------

    /**
     * Controls on the vendor product take effect on {@code day}, inside the current step (or on its first day), and
     * the market is measured at that day. The stock is the stock as the step began (before the step's arrivals,
     * which were shipped during the previous step and in calendar time arrive over this one), moved on by the share
     * of the step that lies before the ban at the rate it changed over the previous step: what happens in the ban's
     * step itself follows the ban. The rush orders are read at the end of the step, after the vendor's last
     * shipments before the ban and the cancellation of what was still open (see MODEL.md, 4.2). Only the first ban
     * of a run is captured.
     */
    public void onVendorBan(int day) {
        if (banSnapshotTaken) {
            return;
        }
        banSnapshotTaken = true;
        banPending = true;
        banDay = day;
        startedAtBan = ledger.started(vendorProduct);
        double atStart = ledger.totalStock(vendorProduct) - ledger.arrivedThisStep(vendorProduct);
        double shareBefore = (double) (day - calendar.firstDayOf(recordedSteps)) / calendar.stepDays();
        stockAtBan = stockMovedOn(atStart, stockTwoStepsAgo, recordedSteps, shareBefore);
        monthlyDemandAtBan = monthlyDemand(-1);
    }

    /**
     * The rush orders' figures. With a ban, the units still open at it are those its cancellation took; without, none
     * are counted.
     */
    private void captureRushOrders(int day) {
        rushOrders.clear();
        for (int o = 0; o < ledger.orderCount(); o++) {
            if (!ledger.isRush(o) || ledger.orderProduct(o) != vendorProduct) {
                continue;
            }
            rushOrders.add(
                    ledger.orderBuyer(o),
                    ledger.orderQuantity(o),
                    ledger.orderPriceCents(o),
                    ledger.orderShipped(o),
                    ledger.orderCancelled(o),
                    ledger.orderRequestedByDay(o),
                    day);
        }
        requestedUnits = rushOrders.requestedUnits();
        requestedValueUsd = rushOrders.requestedValueUsd();
        deliveredBeforeBan = rushOrders.deliveredUnits();
        requestersMonthlyDemand = 0;
        for (int b = 0; b < buyers; b++) {
            if (rushOrders.requested(b)) {
                requestersMonthlyDemand += monthlyDemand(b);
            }
        }
        if (day != EventLog.NONE) {
            shortfallMonths = rushOrders.shortfallMonths();
        }
    }

    /** Demand per month over the last recorded steps, of one buyer or (buyer -1) of all. */
    private double monthlyDemand(int buyer) {
        return buyer < 0
                ? perMonth(demandRing, 1, 0, recordedSteps, calendar.stepDays())
                : perMonth(buyerDemandRing, buyers, buyer, recordedSteps, calendar.stepDays());
    }

    /**
     * The mean per month of a quantity kept per step in a ring ({@code ring[slot * stride + offset]}, the slot the
     * step modulo {@code ring.length / stride}), over the last steps of the ring up to {@code recordedSteps}; NaN
     * before the first step.
     */
    public static double perMonth(double[] ring, int stride, int offset, int recordedSteps, int stepDays) {
        int window = ring.length / stride;
        int n = Math.min(window, recordedSteps);
        if (n == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (int s = recordedSteps - n; s < recordedSteps; s++) {
            sum += ring[(s % window) * stride + offset];
        }
        return sum / n * Calendar.DAYS_PER_MONTH / stepDays;
    }

    /**
     * The stock on a day inside a step: the stock as the step began, moved on by {@code shareBefore} of a step at the
     * rate it changed over the previous step (no change before two steps are recorded).
     */
    public static double stockMovedOn(double atStart, double twoStepsAgo, int recordedSteps, double shareBefore) {
        double trend = recordedSteps >= 2 ? atStart - twoStepsAgo : 0;
        return atStart + shareBefore * trend;
    }

    // ---- per step -----------------------------------------------------------------------------------------------

    /**
     * Whether an event published since the last call announces the vendor product's ban (the log only grows, so each
     * event is read once, not every step).
     */
    private boolean vendorBanAnnounced() {
        while (eventsRead < events.size()) {
            MarketEvent e = events.get(eventsRead++);
            if (e.kind() == EventKind.BAN_ANNOUNCED && e.product() == vendorProduct) {
                return true;
            }
        }
        return false;
    }

    /** Records the step's series and resets the per-step reports. */
    public void recordStep(int step) {
        if (banPending) {
            banPending = false;
            captureRushOrders(banDay);
        }
        stockTwoStepsAgo = stockLastStep;
        stockLastStep = ledger.totalStock(vendorProduct);
        if (startedAtAnnouncement < 0 && vendorBanAnnounced()) {
            // Announced in this step: what was committed before the step began came before the announcement.
            startedAtAnnouncement = startedLastStep;
        }
        startedLastStep = ledger.started(vendorProduct);
        long vendorShipped = ledger.shippedThisStep(vendorProduct);
        long domesticShipped = 0;
        for (int p = 0; p < domesticProduct.length; p++) {
            if (domesticProduct[p]) {
                domesticShipped += ledger.shippedThisStep(p);
            }
        }
        double meanHazard = hazardCount == 0 ? 0 : hazardSum / hazardCount;
        peakHazard = Math.max(peakHazard, meanHazard);
        unmetTotal += unmetStep;
        int slot = step % monthlySteps;
        demandRing[slot] = demandStep;
        System.arraycopy(buyerDemandStep, 0, buyerDemandRing, slot * buyers, buyers);
        java.util.Arrays.fill(buyerDemandStep, 0.0);
        vendorShippedRing[step % quarterSteps] = vendorShipped;
        domesticShippedRing[step % quarterSteps] = domesticShipped;
        recordedSteps = step + 1;
        if (series != null) {
            recordSeries(step, vendorShipped, domesticShipped, meanHazard);
        }
        demandStep = 0;
        unmetStep = 0;
        hazardSum = 0;
        hazardCount = 0;
        anticipatoryStep = 0;
        domesticCapacityStep = 0;
    }

    private void recordSeries(int step, long vendorShipped, long domesticShipped, double meanHazard) {
        long domesticOrdered = 0;
        long domesticStock = 0;
        long deployed = 0;
        for (int p = 0; p < domesticProduct.length; p++) {
            if (domesticProduct[p]) {
                domesticOrdered += ledger.orderedThisStep(p);
                domesticStock += ledger.totalStock(p);
            }
            deployed += ledger.totalDeployed(p);
        }
        put(Series.DEMAND, step, demandStep);
        put(Series.UNMET_DEMAND, step, unmetStep);
        put(Series.VENDOR_FINISHED, step, ledger.finishedGoods(vendorProduct));
        put(Series.VENDOR_WIP, step, ledger.workInProcess(vendorProduct));
        put(Series.VENDOR_BACKLOG, step, ledger.backlog(vendorProduct));
        put(Series.BUYER_STOCK_VENDOR, step, ledger.totalStock(vendorProduct));
        put(Series.BUYER_STOCK_DOMESTIC, step, domesticStock);
        put(Series.DEPLOYED, step, deployed);
        put(Series.VENDOR_ORDERS, step, ledger.orderedThisStep(vendorProduct));
        put(Series.DOMESTIC_ORDERS, step, domesticOrdered);
        put(Series.VENDOR_SHIPMENTS, step, vendorShipped);
        put(Series.DOMESTIC_SHIPMENTS, step, domesticShipped);
        put(Series.VENDOR_PRICE, step, status.priceUsd(vendorProduct));
        put(Series.MEAN_HAZARD, step, meanHazard);
        put(Series.ANTICIPATORY_TARGET, step, anticipatoryStep);
        put(Series.DOMESTIC_CAPACITY, step, domesticCapacityStep);
        double share = substituteShare(step + 1);
        put(Series.SUBSTITUTE_SHARE, step, Double.isNaN(share) ? 0.0 : share);
        for (int f = 0; f < productSeries.length; f++) {
            int p = foreign.products()[f];
            double[][] ps = productSeries[f];
            ps[ProductSeries.ORDERS.ordinal()][step] = ledger.orderedThisStep(p);
            ps[ProductSeries.SHIPMENTS.ordinal()][step] = ledger.shippedThisStep(p);
            ps[ProductSeries.BACKLOG.ordinal()][step] = ledger.backlog(p);
            ps[ProductSeries.VENDOR_FINISHED.ordinal()][step] = ledger.finishedGoods(p);
            ps[ProductSeries.BUYER_STOCK.ordinal()][step] = ledger.totalStock(p);
            ps[ProductSeries.BLOCKED.ordinal()][step] = ledger.blockedAtImport(p);
            ps[ProductSeries.PRICE.ordinal()][step] = status.priceUsd(p);
        }
    }

    private void put(Series s, int step, double value) {
        series[s.ordinal()][step] = value;
    }

    // ---- result -------------------------------------------------------------------------------------------------

    /** The run's metrics; call once, after the last step. */
    public RunResult result(long seed, int vendorSeller, int domesticSeller) {
        if (!banSnapshotTaken) {
            stockAtBan = Double.NaN;
            monthlyDemandAtBan = monthlyDemand(-1);
            captureRushOrders(EventLog.NONE);
        }
        double[] m = new double[Metric.values().length];
        Arrays.fill(m, Double.NaN);
        set(m, Metric.REQUESTED_UNITS, requestedUnits);
        set(m, Metric.REQUESTED_VALUE_USD, requestedValueUsd);
        set(m, Metric.REQUESTED_MONTHS, requestedUnits / requestersMonthlyDemand);
        set(m, Metric.DELIVERED_UNITS_BEFORE_BAN, deliveredBeforeBan);
        set(m, Metric.SHIPPED_SHARE, requestedUnits > 0 ? deliveredBeforeBan / requestedUnits : Double.NaN);
        set(m, Metric.STOCKPILE_UNITS_AT_BAN, stockAtBan);
        set(m, Metric.STOCKPILE_MONTHS_AT_BAN, stockAtBan / monthlyDemandAtBan);
        set(m, Metric.BAN_DAY, banDay == EventLog.NONE ? Double.NaN : banDay);
        set(m, Metric.DELIVERY_SHORTFALL_MONTHS, shortfallMonths);
        set(m, Metric.VENDOR_WRITEDOWN_USD, ledger.writedownCents(vendorSeller) / 100.0);
        set(m, Metric.VENDOR_LOST_REVENUE_USD, ledger.lostRevenueCents(vendorSeller) / 100.0);
        set(m, Metric.SUBSTITUTE_SHARE_END, substituteShareEnd());
        set(m, Metric.UNMET_DEMAND_UNITS, unmetTotal);
        set(m, Metric.VENDOR_REVENUE_USD, ledger.receivedCents(vendorSeller) / 100.0);
        set(m, Metric.DOMESTIC_REVENUE_USD, domesticSeller < 0 ? 0 : ledger.receivedCents(domesticSeller) / 100.0);
        set(m, Metric.VENDOR_UNITS_SHIPPED, ledger.shippedTotal(vendorProduct));
        long domesticShipped = 0;
        for (int p = 0; p < domesticProduct.length; p++) {
            if (domesticProduct[p]) {
                domesticShipped += ledger.shippedTotal(p);
            }
        }
        set(m, Metric.DOMESTIC_UNITS_SHIPPED, domesticShipped);
        set(m, Metric.PEAK_HAZARD, peakHazard);
        int leak = events.firstDay(EventKind.LEAK);
        set(m, Metric.LEAK_DAY, leak == EventLog.NONE || leak < 0 ? Double.NaN : leak);
        long fees = 0;
        for (int seller = 0; seller < sellers; seller++) {
            fees += ledger.feeCents(seller);
        }
        set(m, Metric.GOVERNMENT_FEE_USD, fees / 100.0);
        set(
                m,
                Metric.VENDOR_NET_REVENUE_USD,
                (ledger.receivedCents(vendorSeller) - ledger.feeCents(vendorSeller) + ledger.releaseCents(vendorSeller))
                        / 100.0);
        long foreignShipped = 0;
        long blocked = 0;
        long denied = 0;
        double released = 0;
        for (int f = 0; f < foreign.products().length; f++) {
            int p = foreign.products()[f];
            foreignShipped += ledger.shippedTotal(p);
            blocked += ledger.blockedAtImport(p);
            denied += ledger.deniedUnits(p);
            released += (ledger.reinstated(p) + ledger.soldElsewhere(p)) * foreign.chargePerUnitUsd()[f];
        }
        set(m, Metric.FOREIGN_UNITS_SHIPPED, foreignShipped);
        set(m, Metric.UNITS_BLOCKED_AT_IMPORT, blocked);
        set(m, Metric.ORDERS_DENIED_UNITS, denied);
        long allShipped = foreignShipped + domesticShipped;
        set(m, Metric.DOMESTIC_SHARE_UNITS, allShipped == 0 ? Double.NaN : (double) domesticShipped / allShipped);
        set(m, Metric.RESERVE_RELEASE_USD, released);
        set(m, Metric.VENDOR_WRITEDOWN_FINISHED_UNITS, ledger.writeOffFinishedUnits(vendorProduct));
        set(m, Metric.VENDOR_WRITEDOWN_WIP_UNITS, ledger.writeOffWipUnits(vendorProduct));
        set(
                m,
                Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS,
                startedAtBan < 0 || startedAtAnnouncement < 0 ? Double.NaN : startedAtBan - startedAtAnnouncement);
        return new RunResult(seed, m, series, productTable(), productSeries);
    }

    /** Each foreign product's figures over the run. */
    private RunResult.ProductTable productTable() {
        int n = foreign.products().length;
        double[][] values = new double[n][ProductFigure.values().length];
        int[] row = new int[ledger.products()];
        Arrays.fill(row, -1);
        for (int f = 0; f < n; f++) {
            row[foreign.products()[f]] = f;
        }
        for (int o = 0; o < ledger.orderCount(); o++) {
            if (!ledger.isRush(o)) {
                continue;
            }
            int f = row[ledger.orderProduct(o)];
            if (f >= 0) {
                values[f][ProductFigure.REQUESTED_UNITS.ordinal()] += ledger.orderQuantity(o);
                values[f][ProductFigure.RUSH_DELIVERED_UNITS.ordinal()] += ledger.orderShipped(o);
            }
        }
        for (int f = 0; f < n; f++) {
            int p = foreign.products()[f];
            double[] v = values[f];
            v[ProductFigure.ORDERED_UNITS.ordinal()] = ledger.orderedTotal(p);
            v[ProductFigure.SHIPPED_UNITS.ordinal()] = ledger.shippedTotal(p);
            v[ProductFigure.REVENUE_USD.ordinal()] = ledger.productRevenueCents(p) / 100.0;
            v[ProductFigure.FEE_USD.ordinal()] = ledger.productFeeCents(p) / 100.0;
            v[ProductFigure.WRITEDOWN_USD.ordinal()] = ledger.productWritedownCents(p) / 100.0;
            v[ProductFigure.BLOCKED_UNITS.ordinal()] = ledger.blockedAtImport(p);
            v[ProductFigure.DENIED_UNITS.ordinal()] = ledger.deniedUnits(p);
        }
        return new RunResult.ProductTable(foreign.names(), values);
    }

    /**
     * The foreign products a run reports on (ledger indices, primary first), the charge per unit their vendors take
     * on a write-down, and their names and vendors' names for outputs.
     */
    public record ForeignProducts(int[] products, double[] chargePerUnitUsd, RunResult.ProductNames names) {}

    private double substituteShareEnd() {
        return substituteShare(recordedSteps);
    }

    private double substituteShare(int end) {
        return substituteShare(vendorShippedRing, domesticShippedRing, end);
    }

    /**
     * Domestic share of units shipped in the steps of the rings (a quarter) before {@code end} (the last recorded
     * step + 1), the rings indexed by step modulo their length; NaN when nothing shipped.
     */
    public static double substituteShare(long[] vendorShipped, long[] domesticShipped, int end) {
        int window = vendorShipped.length;
        long vendor = 0;
        long domestic = 0;
        for (int s = Math.max(0, end - window); s < end; s++) {
            vendor += vendorShipped[s % window];
            domestic += domesticShipped[s % window];
        }
        long total = vendor + domestic;
        return total == 0 ? Double.NaN : (double) domestic / total;
    }

    /** Sets a metric, an infinite or undefined value as empty (NaN). */
    public static void set(double[] m, Metric metric, double value) {
        m[metric.ordinal()] = Double.isFinite(value) ? value : Double.NaN;
    }
}
