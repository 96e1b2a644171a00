package io.gpusim.bench;

import ec.util.MersenneTwisterFast;
import io.gpusim.agents.rules.Allocation;
import io.gpusim.agents.rules.Beliefs;
import io.gpusim.agents.rules.Controls;
import io.gpusim.agents.rules.DomesticSupply;
import io.gpusim.agents.rules.Production;
import io.gpusim.agents.rules.Stocking;
import io.gpusim.agents.rules.Switching;
import io.gpusim.core.Calendar;
import io.gpusim.core.Seeds;
import io.gpusim.core.market.EventKind;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunRecorder;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.RushOrders;
import io.gpusim.core.params.BuyerParams;
import io.gpusim.core.params.ImportRuleParams;
import io.gpusim.core.params.LicenceParams;
import io.gpusim.core.params.RegulatorParams;
import io.gpusim.core.params.VendorParams;
import io.gpusim.core.scenario.BanMode;
import io.gpusim.core.scenario.TriggerEvent;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.NormalizedGaussianSampler;

/**
 * One replication of the {@link ReferenceLoop}: the whole market's state in primitive arrays, stepped in the model's
 * phase order (arrivals, regulator, importer, hyperscalers, vendors, domestic maker, record). Orders are rows of
 * arrays indexed by id, each (product, buyer) pair's open orders a linked list of ids, oldest first; shipments in
 * transit a ring of steps; public events rows of arrays. Arrays are allocated once per replication, never per step.
 */
final class ReferenceRun {
    private static final int NONE = Integer.MIN_VALUE;
    private static final int UNDECIDED = 0;
    private static final int DECIDED = 1;
    private static final int ANNOUNCED = 2;
    private static final int ENACTED = 3;
    private static final int KIND_LEAK = EventKind.LEAK.ordinal();
    private static final int KIND_ANNOUNCED = EventKind.BAN_ANNOUNCED.ordinal();
    private static final int KIND_EFFECTIVE = EventKind.BAN_EFFECTIVE.ordinal();
    private static final int KIND_REVERSAL = EventKind.REVERSAL.ordinal();
    private static final int KIND_LAUNCH = EventKind.LAUNCH.ordinal();
    private static final int KIND_LICENCE = EventKind.LICENCE.ordinal();
    private static final int KIND_IMPORT_RULE = EventKind.IMPORT_RULE.ordinal();
    private static final int KIND_CONTROL_ROUND = EventKind.CONTROL_ROUND.ordinal();

    private final ReferenceLoop m;
    private final long seed;
    private final MersenneTwisterFast random;
    private final NormalizedGaussianSampler gaussian;
    private final int buyers;
    private final int products;
    private int step;
    private int today;
    private int endOfStep;

    // ---- books: per product, per (product, buyer) pair at pair(product, buyer), per seller ------------------------
    private final long[] started;
    private final long[] wip;
    private final long[] finished;
    private final long[] writtenOffFinished;
    private final long[] writtenOffWip;
    private final long[] writeOffFinishedUnits;
    private final long[] writeOffWipUnits;
    private final long[] blockedAtImport;
    private final long[] soldElsewhere;
    private final long[] deniedUnits;
    private final long[] reinstated;
    private final long[] orderedThisStep;
    private final long[] orderedLastStep;
    private final long[] shippedThisStep;
    private final long[] arrivedThisStep;
    private final long[] shippedTotal;
    private final long[] backlogTotal;
    private final long[] stock;
    private final long[] backlogUnits;
    private final long[] transitUnits;
    private final long[] receivedCents;
    private final long[] writedownCents;
    private final long[] lostRevenueCents;
    private final long[] feeCents;
    private final long[] releaseCents;
    /** Units arriving per product, ring step and buyer: [(product * ringSteps + slot) * buyers + buyer]. */
    private final long[] arriving;

    // ---- orders, by id ------------------------------------------------------------------------------------------
    private int orders;
    private long[] quantity;
    private long[] shipped;
    private long[] cancelled;
    private long[] priceCents;
    private int[] orderBuyer;
    private int[] orderProduct;
    private int[] requestedBy;
    private int[] approvalDay;
    private boolean[] rush;
    private boolean[] denied;
    /** The next open order of the same pair, or -1. */
    private int[] nextOpen;

    private final int[] head;
    private final int[] tail;

    // ---- market status --------------------------------------------------------------------------------------
    private final boolean[] banned;
    private final boolean[] launched;
    private final double[] price;
    private final boolean[] licensed;
    private final double[] feeShare;
    private final double[] feePassThrough;
    private final int[] approvalDays;
    private final double[] denialProbability;
    private final double[] capPerStep;
    private final boolean[][] excluded;
    private final double[] importShare;
    private final double[] shadowCostShare;
    private final double[] mandateShare;
    private double matchRatio;

    // ---- public events ---------------------------------------------------------------------------------------
    private int events;
    private int[] eventDay;
    private int[] eventKind;
    private int[] eventProduct;
    /** Day of the latest event of each kind about each product: [kind * products + product]. */
    private final int[] lastDay;

    private int firstLeakDay = NONE;

    // ---- regulator -------------------------------------------------------------------------------------------
    private final boolean leakDrawn;
    private final double reversalDraw;
    private final double[] vendorOrdersByStep;
    private final boolean[] licensing;
    private int stage = UNDECIDED;
    private int announceDay;
    private int effectiveDay;
    private int leaksSoFar;
    // Pending events, in day order from pendingFirst.
    private int pendingFirst;
    private int pendingCount;
    private int[] pendingDay;
    private int[] pendingKind;
    private int[] pendingProduct;

    // ---- importer ------------------------------------------------------------------------------------------------
    private final int[] ruleStartDay;
    private final boolean[] ruleDecided;
    private final boolean[] ruleInForce;
    private int importerEventsSeen;

    // ---- hyperscalers -------------------------------------------------------------------------------------------
    private final double[] levelMultiplier;
    private final double[] sensitivity;
    private final double[] spendByStep;
    private final double[] spentInWindow;
    /** Rush units committed per buyer and foreign product: [buyer * foreign + f]. */
    private final double[] rushCommitted;

    private final double[] signal;
    private int buyerEventsSeen;
    // Scratch, per foreign product, for the buyer acting now.
    private final boolean[] open;
    private final boolean[] drawn;
    private final double[] costs;
    private final double[] foreignShare;
    private final double[] hazard;
    private final double[] anticipatory;
    private double domesticShare;

    // ---- vendors and lines ---------------------------------------------------------------------------------
    private final int[] leadSteps;
    private final double[] vendorCapacity;
    private final int[] ordersReviewed;
    private final long[][] completions;
    private final long[][] pipeline;
    private final int[] pipelineStep;
    private final double[] forecastPerStep;
    private final boolean[] writtenDown;
    private final int[] activeFrom;
    private final int[] stepsOnSale;
    private final double[][] recentOrders;
    private final double[] recentOrdersSum;
    private final int[] releaseDay;
    private final double[] need;
    // Allocation scratch, per buyer.
    private final long[] outstanding;
    private final long[] share;
    private final double[] remainder;

    // ---- domestic maker ----------------------------------------------------------------------------------------
    private final int[] launchDays;

    // ---- recorder ----------------------------------------------------------------------------------------------
    private final double[] buyerDemandStep;
    private final double[] demandRing;
    private final double[] buyerDemandRing;
    private final long[] vendorShippedRing;
    private final long[] domesticShippedRing;
    private double demandStep;
    private double unmetStep;
    private double hazardSum;
    private int hazardCount;
    private double unmetTotal;
    private double peakHazard;
    private int recordedSteps;
    private double requestersMonthlyDemand = Double.NaN;
    private boolean banSnapshotTaken;
    private boolean banPending;
    private double stockTwoStepsAgo;
    private double stockLastStep;
    private int banDay = NONE;
    private double stockAtBan = Double.NaN;
    private double monthlyDemandAtBan = Double.NaN;
    private final RushOrders rushOrders;
    private double shortfallMonths = Double.NaN;
    private long startedLastStep;
    private long startedAtAnnouncement = -1;
    private long startedAtBan = -1;

    ReferenceRun(ReferenceLoop m, long seed) {
        this.m = m;
        this.seed = seed;
        this.random = Seeds.random(seed);
        this.gaussian = Seeds.gaussian(random);
        this.buyers = m.buyers;
        this.products = m.products;
        int pairs = products * buyers;
        started = new long[products];
        wip = new long[products];
        finished = new long[products];
        writtenOffFinished = new long[products];
        writtenOffWip = new long[products];
        writeOffFinishedUnits = new long[products];
        writeOffWipUnits = new long[products];
        blockedAtImport = new long[products];
        soldElsewhere = new long[products];
        deniedUnits = new long[products];
        reinstated = new long[products];
        orderedThisStep = new long[products];
        orderedLastStep = new long[products];
        shippedThisStep = new long[products];
        arrivedThisStep = new long[products];
        shippedTotal = new long[products];
        backlogTotal = new long[products];
        stock = new long[pairs];
        backlogUnits = new long[pairs];
        transitUnits = new long[pairs];
        receivedCents = new long[m.sellers];
        writedownCents = new long[m.sellers];
        lostRevenueCents = new long[m.sellers];
        feeCents = new long[m.sellers];
        releaseCents = new long[m.sellers];
        arriving = new long[products * m.ringSteps * buyers];
        int capacity = Math.max(64, m.steps * buyers);
        quantity = new long[capacity];
        shipped = new long[capacity];
        cancelled = new long[capacity];
        priceCents = new long[capacity];
        orderBuyer = new int[capacity];
        orderProduct = new int[capacity];
        requestedBy = new int[capacity];
        approvalDay = new int[capacity];
        rush = new boolean[capacity];
        denied = new boolean[capacity];
        nextOpen = new int[capacity];
        head = new int[pairs];
        tail = new int[pairs];
        Arrays.fill(head, -1);
        Arrays.fill(tail, -1);

        banned = new boolean[products];
        launched = new boolean[products];
        price = m.listPrice.clone();
        licensed = new boolean[products];
        feeShare = new double[products];
        feePassThrough = new double[products];
        approvalDays = new int[products];
        denialProbability = new double[products];
        capPerStep = new double[products];
        excluded = new boolean[products][];
        importShare = new double[products];
        Arrays.fill(importShare, 1.0);
        shadowCostShare = new double[products];
        mandateShare = new double[buyers];

        int eventCapacity = 64;
        eventDay = new int[eventCapacity];
        eventKind = new int[eventCapacity];
        eventProduct = new int[eventCapacity];
        lastDay = new int[ReferenceLoop.KINDS.length * products];
        Arrays.fill(lastDay, NONE);
        pendingDay = new int[eventCapacity];
        pendingKind = new int[eventCapacity];
        pendingProduct = new int[eventCapacity];

        int f = m.foreign.length;
        signal = new double[f];
        open = new boolean[f];
        drawn = new boolean[f];
        costs = new double[f];
        foreignShare = new double[f];
        hazard = new double[f];
        anticipatory = new double[f];
        levelMultiplier = new double[buyers];
        sensitivity = new double[buyers];
        spendByStep = new double[buyers * m.spendWindowSteps];
        spentInWindow = new double[buyers];
        rushCommitted = new double[buyers * f];

        int n = m.lines;
        leadSteps = new int[m.vendor.length];
        vendorCapacity = new double[m.vendor.length];
        ordersReviewed = new int[m.vendor.length];
        completions = new long[n][];
        pipeline = new long[n][];
        pipelineStep = new int[n];
        forecastPerStep = new double[n];
        writtenDown = new boolean[n];
        activeFrom = new int[n];
        stepsOnSale = new int[n];
        recentOrders = new double[n][];
        recentOrdersSum = new double[n];
        releaseDay = new int[n];
        need = new double[n];
        outstanding = new long[buyers];
        share = new long[buyers];
        remainder = new double[buyers];
        launchDays = new int[m.roadmap.length];

        buyerDemandStep = new double[buyers];
        demandRing = new double[m.monthlySteps];
        buyerDemandRing = new double[m.monthlySteps * buyers];
        vendorShippedRing = new long[m.quarterSteps];
        domesticShippedRing = new long[m.quarterSteps];
        rushOrders = new RushOrders(buyers);

        ruleStartDay = new int[m.importRules.length];
        ruleDecided = new boolean[m.importRules.length];
        ruleInForce = new boolean[m.importRules.length];
        licensing = new boolean[m.licences.length];
        RegulatorParams spec = m.regulator;
        vendorOrdersByStep = spec.mode() == BanMode.HAZARD ? new double[m.steps] : null;

        // Construction in the model's order, which fixes the order of random draws: regulator (leak, reversal),
        // importer, hyperscalers (level, sensitivity), vendors (lead time), domestic maker (launch delays).
        leakDrawn = random.nextDouble() < spec.leakProbability();
        reversalDraw = random.nextDouble();
        for (int i = 0; i < m.controlRoundDays.length; i++) {
            schedule(m.controlRoundDays[i], KIND_CONTROL_ROUND, -1);
        }
        if (spec.mode() == BanMode.DATE || spec.mode() == BanMode.THRESHOLD) {
            decide(spec.banDay());
        }
        for (int i = 0; i < m.importRules.length; i++) {
            ImportRuleParams r = m.importRules[i];
            ruleDecided[i] = r.trigger() == null;
            ruleStartDay[i] = r.trigger() == null ? r.fromDay() : Integer.MAX_VALUE;
        }
        for (int b = 0; b < buyers; b++) {
            BuyerParams h = m.buyer[b];
            levelMultiplier[b] = Math.exp(h.demandLevelSd() * gaussian.sample());
            sensitivity[b] = h.signalSensitivity() * Math.exp(h.sensitivitySd() * gaussian.sample());
        }
        for (int v = 0; v < m.vendor.length; v++) {
            startVendor(v);
        }
        startDomesticMaker();
    }

    // ---- construction -------------------------------------------------------------------------------------------

    /** A vendor's lead time, its lines' steady state before the run and its launches on day 0. */
    private void startVendor(int v) {
        VendorParams spec = m.vendor[v];
        int leadWeeks =
                spec.waferLeadWeeksMin() + random.nextInt(spec.waferLeadWeeksMax() - spec.waferLeadWeeksMin() + 1);
        int lead = m.cal.stepsForWeeks(leadWeeks, 1);
        leadSteps[v] = lead;
        vendorCapacity[v] = m.plan.vendorCapacity(v, 0);
        long live = 0;
        for (int l = m.firstLine[v]; l < m.firstLine[v + 1]; l++) {
            completions[l] = new long[lead + 1];
            pipeline[l] = new long[lead + 1];
            pipelineStep[l] = -1;
            recentOrders[l] = new double[m.lineHaltSteps[l]];
            releaseDay[l] = Integer.MAX_VALUE;
            activeFrom[l] = m.lineRedesignOf[l] >= 0
                    ? Integer.MAX_VALUE
                    : m.firstAvailableDay[m.lineProduct[l]] - lead * m.stepDays;
            if (activeFrom[l] <= 0) {
                live++;
            }
        }
        for (int l = m.firstLine[v]; l < m.firstLine[v + 1]; l++) {
            forecastPerStep[l] = spec.initialOrdersPerWeek() * m.stepWeeks / Math.max(1, live);
            int p = m.lineProduct[l];
            if (activeFrom[l] <= 0) {
                long inPipeline = Math.round(forecastPerStep[l]);
                for (int k = 1; k <= lead; k++) {
                    started[p] += inPipeline;
                    wip[p] += inPipeline;
                    completions[l][(k - 1) % completions[l].length] += inPipeline;
                }
            }
            if (m.lineRedesignOf[l] < 0 && m.firstAvailableDay[p] <= 0) {
                launch(p, 0);
            }
        }
    }

    /** The domestic roadmap's launch days in this replication, and its launches on day 0. */
    private void startDomesticMaker() {
        for (int i = 0; i < m.roadmap.length; i++) {
            double delayMonths = DomesticSupply.launchDelayMonths(
                    m.domestic.delayMeanMonths()[i], m.domestic.delaySdMonths()[i], gaussian.sample());
            launchDays[i] = m.firstAvailableDay[m.roadmap[i]] + (int) Math.round(delayMonths * Calendar.DAYS_PER_MONTH);
        }
        for (int i = 0; i < m.roadmap.length; i++) {
            if (launchDays[i] <= 0) {
                launch(m.roadmap[i], 0);
            }
        }
    }

    // ---- the run ----------------------------------------------------------------------------------------------

    RunResult run() {
        for (int t = 0; t < m.steps; t++) {
            step = t;
            today = m.cal.firstDayOf(t);
            endOfStep = today + m.stepDays;
            beginStep();
            regulatorStep();
            if (m.importRules.length > 0) {
                importerStep();
            }
            for (int b = 0; b < buyers; b++) {
                buyerStep(b);
            }
            for (int v = 0; v < m.vendor.length; v++) {
                vendorStep(v);
            }
            domesticStep();
            recordStep();
        }
        return result();
    }

    /** The per-step flows reset, and the shipments due this step arrive. */
    private void beginStep() {
        System.arraycopy(orderedThisStep, 0, orderedLastStep, 0, products);
        Arrays.fill(orderedThisStep, 0);
        Arrays.fill(shippedThisStep, 0);
        Arrays.fill(arrivedThisStep, 0);
        for (int p = 0; p < products; p++) {
            for (int b = 0; b < buyers; b++) {
                int slot = arrivalSlot(p, step, b);
                long units = arriving[slot];
                if (units != 0) {
                    arriving[slot] = 0;
                    int i = pair(p, b);
                    transitUnits[i] -= units;
                    stock[i] += units;
                    arrivedThisStep[p] += units;
                }
            }
        }
    }

    // ---- regulator --------------------------------------------------------------------------------------------

    private void regulatorStep() {
        RegulatorParams spec = m.regulator;
        if (step > 0 && vendorOrdersByStep != null) {
            vendorOrdersByStep[step - 1] = orderedLastStep[m.vendorProduct];
        }
        if (spec.mode() == BanMode.HAZARD && stage == UNDECIDED) {
            considerHazardBan();
        }
        publishDue();
        if (stage == DECIDED && announceDay < endOfStep) {
            for (int p : m.bannedProducts) {
                publish(Math.max(today, announceDay), KIND_ANNOUNCED, p);
            }
            stage = ANNOUNCED;
        }
        if (stage == ANNOUNCED && effectiveDay < endOfStep) {
            enact();
            stage = ENACTED;
        }
        licences();
    }

    /** Fixes the announcement and effect days of a decided ban, with its leak. */
    private void decide(int day) {
        stage = DECIDED;
        announceDay = day;
        effectiveDay = Controls.effectiveDay(day, m.regulator.graceDays());
        if (leakDrawn) {
            int leak = Controls.leakDay(day, m.regulator.leakLeadDays(), today);
            for (int p : m.regulator.banProducts()) {
                schedule(leak, KIND_LEAK, p);
            }
        }
    }

    private void considerHazardBan() {
        RegulatorParams.Hazard h = m.regulator.hazard();
        if (random.nextDouble() < Controls.stepProbability(h.leakRatePerYear(), m.stepDays)) {
            leaksSoFar++;
            for (int p : m.regulator.banProducts()) {
                publish(today, KIND_LEAK, p);
            }
        }
        double lambda = Controls.decisionHazard(
                h.baseHazardPerYear(),
                h.leakBoost(),
                leaksSoFar,
                h.stockpileSensitivity(),
                Controls.orderSurge(vendorOrdersByStep, step, m.recentOrderSteps, m.longRunOrderSteps));
        if (random.nextDouble() < Controls.stepProbability(lambda, m.stepDays)) {
            decide(today + h.rulemakingWeeks() * 7);
        }
    }

    /** Queues an event for publication on its day, after those of earlier or equal days. */
    private void schedule(int day, int kind, int product) {
        if (pendingFirst + pendingCount == pendingDay.length) {
            pendingDay = Arrays.copyOf(pendingDay, pendingDay.length * 2);
            pendingKind = Arrays.copyOf(pendingKind, pendingKind.length * 2);
            pendingProduct = Arrays.copyOf(pendingProduct, pendingProduct.length * 2);
        }
        int at = pendingFirst + pendingCount;
        while (at > pendingFirst && pendingDay[at - 1] > day) {
            pendingDay[at] = pendingDay[at - 1];
            pendingKind[at] = pendingKind[at - 1];
            pendingProduct[at] = pendingProduct[at - 1];
            at--;
        }
        pendingDay[at] = day;
        pendingKind[at] = kind;
        pendingProduct[at] = product;
        pendingCount++;
    }

    private void publishDue() {
        while (pendingCount > 0 && pendingDay[pendingFirst] < endOfStep) {
            int day = pendingDay[pendingFirst];
            int kind = pendingKind[pendingFirst];
            int product = pendingProduct[pendingFirst];
            pendingFirst++;
            pendingCount--;
            if (kind == KIND_REVERSAL) {
                banned[product] = false;
            }
            publish(day, kind, product);
        }
    }

    private void enact() {
        for (int p : m.bannedProducts) {
            banned[p] = true;
            publish(effectiveDay, KIND_EFFECTIVE, p);
            if (p == m.vendorProduct) {
                onVendorBan(effectiveDay);
            }
            if (reversalDraw < m.regulator.reversalProbability()) {
                schedule(effectiveDay + m.regulator.reversalAfterDays(), KIND_REVERSAL, p);
            }
        }
    }

    /** Licence regimes: granted from their first day, their cap kept current, stopped after their last day. */
    private void licences() {
        for (int i = 0; i < licensing.length; i++) {
            LicenceParams l = m.licences[i];
            boolean inForce = l.fromDay() < endOfStep && l.untilDay() >= today;
            int p = l.product();
            if (inForce && !licensing[i]) {
                licensing[i] = true;
                setLicence(l);
                publish(Math.max(today, l.fromDay()), KIND_LICENCE, p);
            } else if (inForce && !Double.isNaN(l.capShare())) {
                setLicence(l);
            } else if (!inForce && licensing[i]) {
                licensing[i] = false;
                licensed[p] = false;
            }
        }
    }

    private void setLicence(LicenceParams l) {
        int p = l.product();
        licensed[p] = true;
        feeShare[p] = l.feeShare();
        feePassThrough[p] = l.feePassThrough();
        approvalDays[p] = l.approvalDays();
        denialProbability[p] = l.denialProbability();
        capPerStep[p] = Controls.capUnitsPerStep(l, today, m.stepDays);
        excluded[p] = l.excluded();
    }

    // ---- importer -----------------------------------------------------------------------------------------------

    private void importerStep() {
        watchTriggers();
        for (int i = 0; i < m.importRules.length; i++) {
            ImportRuleParams r = m.importRules[i];
            boolean due = ruleStartDay[i] < endOfStep && r.untilDay() >= today;
            if (due && !ruleInForce[i]) {
                ruleInForce[i] = true;
                applyRule(r, true);
                publish(Math.max(today, ruleStartDay[i]), KIND_IMPORT_RULE, r.product());
            } else if (!due && ruleInForce[i]) {
                ruleInForce[i] = false;
                applyRule(r, false);
            }
        }
    }

    /** Triggered rules: on the first licence or reversal for their product, draw whether and when they start. */
    private void watchTriggers() {
        for (; importerEventsSeen < events; importerEventsSeen++) {
            int kind = eventKind[importerEventsSeen];
            TriggerEvent trigger =
                    kind == KIND_LICENCE ? TriggerEvent.LICENCE : kind == KIND_REVERSAL ? TriggerEvent.REVERSAL : null;
            if (trigger == null) {
                continue;
            }
            for (int i = 0; i < m.importRules.length; i++) {
                ImportRuleParams r = m.importRules[i];
                if (!ruleDecided[i]
                        && r.trigger() == trigger
                        && r.triggerProduct() == eventProduct[importerEventsSeen]) {
                    ruleDecided[i] = true;
                    if (random.nextDouble() < r.triggerProbability()) {
                        ruleStartDay[i] = eventDay[importerEventsSeen] + r.triggerLagDays();
                    }
                }
            }
        }
    }

    private void applyRule(ImportRuleParams r, boolean on) {
        switch (r.kind()) {
            case BLOCK -> {
                for (int p : m.foreign) {
                    if (r.covers(p)) {
                        if (on) {
                            block(p, r.exemptShare());
                        } else {
                            importShare[p] = 1.0;
                        }
                    }
                }
            }
            case DISCOURAGE -> {
                for (int p : m.foreign) {
                    if (r.covers(p)) {
                        shadowCostShare[p] = on ? r.shadowCostShare() : 0;
                    }
                }
            }
            case MATCH -> matchRatio = on ? r.ratio() : 0;
            case MANDATE -> {
                for (int b = 0; b < r.applies().length; b++) {
                    if (r.applies()[b]) {
                        mandateShare[b] = on ? r.share() : 0;
                    }
                }
            }
            default -> throw new IllegalStateException("unhandled import rule " + r.kind());
        }
    }

    /** Customs stop a product: the blocked share of what is in transit stays at customs, and open orders go. */
    private void block(int p, double exemptShare) {
        importShare[p] = exemptShare;
        if (exemptShare >= 1.0) {
            return;
        }
        double cutShare = 1.0 - exemptShare;
        int first = p * m.ringSteps * buyers;
        for (int i = first; i < first + m.ringSteps * buyers; i++) {
            long units = arriving[i];
            long cut = cutShare >= 1.0 ? units : Math.round(units * cutShare);
            if (cut != 0) {
                arriving[i] -= cut;
                transitUnits[pair(p, (i - first) % buyers)] -= cut;
                blockedAtImport[p] += cut;
            }
        }
        cancelOpenOrders(p);
    }

    // ---- hyperscalers -------------------------------------------------------------------------------------------

    private void buyerStep(int b) {
        BuyerParams h = m.buyer[b];
        double weekly = m.plan.weeklyDemandTrend(b, step) * levelMultiplier[b];
        double sd = m.noiseSdPerStep[b];
        double demand = weekly * m.stepWeeks * Math.exp(sd * gaussian.sample() - sd * sd / 2);

        int domestic = currentDomesticProduct();
        boolean anyOpen = false;
        for (int f = 0; f < m.foreign.length; f++) {
            open[f] = canBuy(b, m.foreign[f]);
            anyOpen |= open[f];
        }
        purchaseShares(b, h, anyOpen, domestic);
        double unmet = deploy(b, demand);
        demandStep += demand;
        unmetStep += unmet;
        buyerDemandStep[b] += demand;

        if (b == 0) {
            updateSignals();
        }
        double gap = Double.NaN;
        double horizon = m.params.beliefs().planningHorizonMonths();
        for (int f = 0; f < m.foreign.length; f++) {
            hazard[f] = Beliefs.perceivedHazard(m.params.beliefs().priorHazardPerYear(), sensitivity[b], signal[f]);
            anticipatory[f] = 0;
            if (open[f] && h.anticipation()) {
                double p = Beliefs.banProbability(hazard[f], horizon);
                if (Double.isNaN(gap)) {
                    gap = Stocking.substituteGapMonths(expectedAdequateDay(b, h), today, h.substituteRampMonths());
                }
                double cover =
                        Stocking.anticipatoryCoverMonths(p, h.shortageCostMultiple(), h.holdingCostPerYear(), gap);
                anticipatory[f] =
                        cover * weekly * foreignShare[f] * Calendar.WEEKS_PER_MONTH / m.performance[m.foreign[f]];
            }
        }
        hazardSum += hazard[0];
        hazardCount++;

        int window = b * m.spendWindowSteps + step % m.spendWindowSteps;
        spentInWindow[b] -= spendByStep[window];
        spendByStep[window] = 0;
        long matched = 0;
        for (int f = 0; f < m.foreign.length; f++) {
            if (open[f]) {
                long units = orderForeign(b, h, f, weekly, window);
                matched += (long) Math.ceil(units * matchRatio);
            }
        }
        if (domestic >= 0) {
            orderDomestic(b, h, weekly, domestic, window, matched);
        }
    }

    private boolean available(int p) {
        return launched[p] && (!banned[p] || licensed[p]);
    }

    private boolean canBuy(int b, int p) {
        if (!available(p) || importShare[p] <= 0) {
            return false;
        }
        return !licensed[p] || !excluded[p][b];
    }

    private int currentDomesticProduct() {
        int current = -1;
        for (int p : m.roadmap) {
            if (available(p)) {
                current = p;
            }
        }
        return current;
    }

    private double cost(int f) {
        int p = m.foreign[f];
        return price[p] * (1 + shadowCostShare[p]) / m.performance[p];
    }

    /** This step's split of purchases between the domestic product and the foreign ones (as the model's buyer). */
    private void purchaseShares(int b, BuyerParams h, boolean anyOpen, int domestic) {
        if (domestic < 0) {
            domesticShare = 0.0;
        } else if (!anyOpen) {
            domesticShare = 1.0;
        } else {
            for (int f = 0; f < m.foreign.length; f++) {
                costs[f] = cost(f);
            }
            double costDomestic = price[domestic] / m.domesticPerformance(b, domestic);
            domesticShare = Switching.domesticShare(costDomestic, costs, open, h.switchingSensitivity());
        }
        if (!anyOpen) {
            Arrays.fill(foreignShare, 0.0);
            return;
        }
        if (domestic < 0) {
            for (int f = 0; f < m.foreign.length; f++) {
                costs[f] = cost(f);
            }
        }
        Switching.foreignShares(1 - domesticShare, costs, open, h.switchingSensitivity(), foreignShare);
        for (int f = 0; f < m.foreign.length; f++) {
            double allowed = importShare[m.foreign[f]];
            if (allowed < 1 && domestic >= 0) {
                domesticShare += foreignShare[f] * (1 - allowed);
                foreignShare[f] *= allowed;
            }
        }
        double floor = mandateShare[b];
        if (floor > domesticShare && domestic >= 0) {
            double scale = domesticShare < 1 ? (1 - floor) / (1 - domesticShare) : 0;
            for (int f = 0; f < m.foreign.length; f++) {
                foreignShare[f] *= scale;
            }
            domesticShare = floor;
        }
    }

    /** Puts stock into service for this step's demand; returns the compute left unmet. */
    private double deploy(int b, double demand) {
        double servedDomestic = deployDomestic(b, demand * domesticShare);
        double foreignPart = 1 - domesticShare;
        double remaining = demand - servedDomestic;
        double servedForeign = 0;
        for (int f = 0; f < m.foreign.length; f++) {
            drawn[f] = foreignPart > 0 && foreignShare[f] > 0;
            if (drawn[f]) {
                int p = m.foreign[f];
                servedForeign += deployUnits(b, p, remaining * (foreignShare[f] / foreignPart), m.performance[p]);
            }
        }
        for (int f = 0; f < m.foreign.length; f++) {
            if (!drawn[f]) {
                int p = m.foreign[f];
                servedForeign += deployUnits(b, p, demand - servedDomestic - servedForeign, m.performance[p]);
            }
        }
        double rest = demand - servedDomestic - servedForeign;
        if (rest > 0) {
            servedDomestic += deployDomestic(b, rest);
        }
        return Math.max(0.0, demand - servedDomestic - servedForeign);
    }

    private double deployDomestic(int b, double compute) {
        double served = 0;
        for (int i = m.roadmap.length - 1; i >= 0 && served < compute; i--) {
            int p = m.roadmap[i];
            served += deployUnits(b, p, compute - served, m.domesticPerformance(b, p));
        }
        return served;
    }

    private double deployUnits(int b, int p, double compute, double perf) {
        int i = pair(p, b);
        long units = stock[i];
        if (compute <= 0 || units == 0) {
            return 0;
        }
        long used = Math.min(units, Math.round(compute / perf));
        stock[i] -= used;
        return used * perf;
    }

    /** Brings the foreign products' signal sums to today (the same for every buyer, so worked out once a step). */
    private void updateSignals() {
        for (int f = 0; f < signal.length; f++) {
            signal[f] *= m.signalDecayPerStep;
        }
        double decayMonths = m.params.beliefs().decayMonths();
        for (; buyerEventsSeen < events; buyerEventsSeen++) {
            double age =
                    Math.exp(-Math.max(0, today - eventDay[buyerEventsSeen]) / Calendar.DAYS_PER_MONTH / decayMonths);
            EventKind kind = ReferenceLoop.KINDS[eventKind[buyerEventsSeen]];
            for (int f = 0; f < signal.length; f++) {
                double w = Beliefs.signalWeight(kind, eventProduct[buyerEventsSeen], m.foreign[f], m.params.beliefs());
                if (w != 0) {
                    signal[f] += w * age;
                }
            }
        }
    }

    /** Earliest day a domestic product meeting the buyer's adequacy bar is expected (today when one is on sale). */
    private double expectedAdequateDay(int b, BuyerParams h) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < m.roadmap.length; i++) {
            int p = m.roadmap[i];
            if (m.domesticPerformance(b, p) < h.adequatePerformance()) {
                continue;
            }
            double day = launched[p] ? today : Math.max(today, m.expectedLaunchDay[i]);
            best = Math.min(best, day);
        }
        return best;
    }

    private long position(int b, int p) {
        int i = pair(p, b);
        return stock[i] + transitUnits[i] + backlogUnits[i];
    }

    /** Orders a foreign product up to its target, regular and rush parts; returns the units ordered. */
    private long orderForeign(int b, BuyerParams h, int f, double weekly, int window) {
        int p = m.foreign[f];
        double weeklyNeed = weekly * foreignShare[f] / m.performance[p];
        double working = Stocking.workingTarget(h.workingInventoryWeeks(), m.foreignReplenishWeeks[f], weeklyNeed);
        double position = position(b, p);
        double unitPrice = price[p];
        long units = Stocking.affordable(
                Stocking.orderUpTo(working + anticipatory[f], position),
                unitPrice,
                h.budgetUsdPerYear() - spentInWindow[b]);
        if (units <= 0) {
            return 0;
        }
        int rf = b * m.foreign.length + f;
        long rushUnits = Stocking.rushPortion(units, anticipatory[f], rushCommitted[rf]);
        long regular = units - rushUnits;
        long cents = Math.round(unitPrice * 100.0);
        int earliest = today + h.minLeadWeeks() * 7;
        if (regular > 0) {
            int quoted = quoteDay(m.lineOf[p], regular);
            placeOrder(b, p, regular, cents, Math.max(earliest, quoted), false);
        }
        if (rushUnits > 0) {
            int quoted = quoteDay(m.lineOf[p], rushUnits);
            int expectedBan = today
                    + (int) Math.round(Beliefs.expectedDaysToBan(
                            hazard[f], m.params.beliefs().planningHorizonMonths()));
            placeOrder(b, p, rushUnits, cents, Stocking.rushDeadline(earliest, quoted, expectedBan), true);
            rushCommitted[rf] += rushUnits;
        }
        spend(b, window, units * unitPrice);
        return units;
    }

    /** Calls off the domestic product up to its working target, plus the units a matching rule requires. */
    private void orderDomestic(int b, BuyerParams h, double weekly, int product, int window, long matched) {
        double workingCompute =
                Stocking.workingTarget(h.workingInventoryWeeks(), m.domesticReplenishWeeks, weekly * domesticShare);
        double positionCompute = 0;
        for (int p : m.roadmap) {
            positionCompute += position(b, p) * m.domesticPerformance(b, p);
        }
        double perf = m.domesticPerformance(b, product);
        double unitPrice = price[product];
        long units = Stocking.affordable(
                Stocking.orderUpTo(workingCompute / perf, positionCompute / perf) + matched,
                unitPrice,
                h.budgetUsdPerYear() - spentInWindow[b]);
        if (units > 0) {
            long cents = Math.round(unitPrice * 100.0);
            int last = tail[pair(product, b)];
            if (last >= 0 && !rush[last] && priceCents[last] == cents) {
                quantity[last] += units;
                onOrder(b, product, units);
            } else {
                placeOrder(b, product, units, cents, today + h.minLeadWeeks() * 7, false);
            }
            spend(b, window, units * unitPrice);
        }
    }

    private void spend(int b, int window, double usd) {
        spendByStep[window] += usd;
        spentInWindow[b] += usd;
    }

    // ---- orders -------------------------------------------------------------------------------------------------

    private void placeOrder(int b, int p, long units, long cents, int requestedByDay, boolean isRush) {
        if (orders == quantity.length) {
            growOrders();
        }
        int id = orders++;
        quantity[id] = units;
        priceCents[id] = cents;
        orderBuyer[id] = b;
        orderProduct[id] = p;
        requestedBy[id] = requestedByDay;
        rush[id] = isRush;
        approvalDay[id] = Integer.MIN_VALUE;
        nextOpen[id] = -1;
        int q = pair(p, b);
        if (tail[q] < 0) {
            head[q] = id;
        } else {
            nextOpen[tail[q]] = id;
        }
        tail[q] = id;
        onOrder(b, p, units);
    }

    private void onOrder(int b, int p, long units) {
        orderedThisStep[p] += units;
        backlogUnits[pair(p, b)] += units;
        backlogTotal[p] += units;
    }

    private void growOrders() {
        int n = quantity.length * 2;
        quantity = Arrays.copyOf(quantity, n);
        shipped = Arrays.copyOf(shipped, n);
        cancelled = Arrays.copyOf(cancelled, n);
        priceCents = Arrays.copyOf(priceCents, n);
        orderBuyer = Arrays.copyOf(orderBuyer, n);
        orderProduct = Arrays.copyOf(orderProduct, n);
        requestedBy = Arrays.copyOf(requestedBy, n);
        approvalDay = Arrays.copyOf(approvalDay, n);
        rush = Arrays.copyOf(rush, n);
        denied = Arrays.copyOf(denied, n);
        nextOpen = Arrays.copyOf(nextOpen, n);
    }

    private long remaining(int id) {
        return quantity[id] - shipped[id] - cancelled[id];
    }

    /** Drops an order from its pair's open list. */
    private void close(int id) {
        int q = pair(orderProduct[id], orderBuyer[id]);
        int previous = -1;
        for (int o = head[q]; o >= 0; o = nextOpen[o]) {
            if (o == id) {
                unlink(q, previous, o);
                return;
            }
            previous = o;
        }
        throw new IllegalStateException("order " + id + " is not open");
    }

    private void unlink(int q, int previous, int id) {
        if (previous < 0) {
            head[q] = nextOpen[id];
        } else {
            nextOpen[previous] = nextOpen[id];
        }
        if (tail[q] == id) {
            tail[q] = previous;
        }
    }

    /** Cancels every open order of a product: the seller's lost revenue. */
    private void cancelOpenOrders(int p) {
        long lost = 0;
        for (int b = 0; b < buyers; b++) {
            int q = pair(p, b);
            for (int o = head[q]; o >= 0; o = nextOpen[o]) {
                long r = remaining(o);
                cancelled[o] += r;
                lost = Math.addExact(lost, Math.multiplyExact(r, priceCents[o]));
                backlogUnits[q] -= r;
                backlogTotal[p] -= r;
            }
            head[q] = -1;
            tail[q] = -1;
        }
        lostRevenueCents[m.sellerOf[p]] += lost;
    }

    /** Cancels a product's denied orders whose decision day has come (counted as denied, not lost). */
    private void cancelDenied(int p, int day) {
        long units = 0;
        for (int b = 0; b < buyers; b++) {
            int q = pair(p, b);
            int previous = -1;
            for (int o = head[q]; o >= 0; o = nextOpen[o]) {
                if (denied[o] && approvalDay[o] <= day) {
                    long r = remaining(o);
                    cancelled[o] += r;
                    backlogUnits[q] -= r;
                    backlogTotal[p] -= r;
                    units += r;
                    unlink(q, previous, o);
                } else {
                    previous = o;
                }
            }
        }
        deniedUnits[p] += units;
    }

    /** Units a buyer may receive of a product on a day: its open orders up to the first not approved by then. */
    private long approvedRemaining(int p, int b, int day) {
        long units = 0;
        for (int o = head[pair(p, b)]; o >= 0; o = nextOpen[o]) {
            if (approvalDay[o] > day || denied[o]) {
                break;
            }
            units += remaining(o);
        }
        return units;
    }

    // ---- shipping ---------------------------------------------------------------------------------------------

    /**
     * Ships up to {@code limit} of a product's finished goods to its open (and, under licence, approved) orders by
     * its seller's allocation rule; as {@link Allocation#shipOpenOrders}.
     */
    private void shipOpenOrders(int p, long limit, int day) {
        long available = Math.min(limit, finished[p]);
        if (available <= 0 || backlogTotal[p] == 0) {
            return;
        }
        if (!m.proportional(p)) {
            shipOldestOrdersFirst(p, available, day);
            return;
        }
        for (int b = 0; b < buyers; b++) {
            outstanding[b] = licensed[p] ? approvedRemaining(p, b, day) : backlogUnits[pair(p, b)];
        }
        Allocation.proportional(available, outstanding, share, remainder);
        shipToEach(p);
    }

    /** First in, first out across buyers: the oldest approved open order is filled first. */
    private void shipOldestOrdersFirst(int p, long available, int day) {
        long sent = 0;
        while (sent < available) {
            int oldest = -1;
            for (int b = 0; b < buyers; b++) {
                int first = head[pair(p, b)];
                if (first >= 0 && approvalDay[first] <= day && !denied[first] && (oldest < 0 || first < oldest)) {
                    oldest = first;
                }
            }
            if (oldest < 0) {
                break;
            }
            long units = Math.min(remaining(oldest), available - sent);
            shipOne(oldest, units);
            sent += units;
        }
    }

    private void shipOne(int id, long units) {
        if (units == 0) {
            return;
        }
        int p = orderProduct[id];
        shipped[id] += units;
        if (remaining(id) == 0) {
            close(id);
        }
        long cents = Math.multiplyExact(units, priceCents[id]);
        toBuyer(p, orderBuyer[id], units);
        fromSeller(p, units, cents);
    }

    /** Ships {@code share[b]} units to each buyer's open orders of a product, oldest order first. */
    private void shipToEach(int p) {
        long total = 0;
        for (int b = 0; b < buyers; b++) {
            total += share[b];
        }
        if (total == 0) {
            return;
        }
        long received = 0;
        for (int b = 0; b < buyers; b++) {
            if (share[b] != 0) {
                received += shipOldestFirst(p, b, share[b]);
                toBuyer(p, b, share[b]);
            }
        }
        fromSeller(p, total, received);
    }

    /** Fills a buyer's open orders of a product, oldest first; returns the price of the units, in cents. */
    private long shipOldestFirst(int p, int b, long units) {
        int q = pair(p, b);
        long cents = 0;
        long left = units;
        while (left > 0) {
            int o = head[q];
            long unfilled = remaining(o);
            long take = Math.min(left, unfilled);
            shipped[o] += take;
            cents = Math.addExact(cents, Math.multiplyExact(take, priceCents[o]));
            left -= take;
            if (take == unfilled) {
                unlink(q, -1, o);
            }
        }
        return cents;
    }

    /** The buyer's side of a shipment: off its backlog, into transit (a late share a step later). */
    private void toBuyer(int p, int b, long units) {
        int i = pair(p, b);
        backlogUnits[i] -= units;
        transitUnits[i] += units;
        double lateShare = m.shippingLateShare[p];
        int due = Math.max(step + m.shippingWholeSteps[p], step + 1);
        long late = lateShare == 0 ? 0 : Math.round(units * lateShare);
        arriving[arrivalSlot(p, due, b)] += units - late;
        if (late != 0) {
            int lateDue = Math.max(step + m.shippingWholeSteps[p] + 1, step + 1);
            arriving[arrivalSlot(p, lateDue, b)] += late;
        }
    }

    /** The seller's side of a shipment: out of finished goods, paid, and the licence fee paid on. */
    private void fromSeller(int p, long units, long cents) {
        finished[p] -= units;
        backlogTotal[p] -= units;
        receivedCents[m.sellerOf[p]] += cents;
        double fee = licensed[p] ? feeShare[p] : 0;
        if (fee != 0) {
            feeCents[m.sellerOf[p]] += Math.round(cents * fee);
        }
        shippedThisStep[p] += units;
        shippedTotal[p] += units;
    }

    // ---- vendors ----------------------------------------------------------------------------------------------

    private void vendorStep(int v) {
        VendorParams spec = m.vendor[v];
        vendorCapacity[v] = m.plan.vendorCapacity(v, step);
        scheduleRedesigns(v);
        reviewLicences(v);
        double needTotal = 0;
        int committing = 0;
        for (int l = m.firstLine[v]; l < m.firstLine[v + 1]; l++) {
            int p = m.lineProduct[l];
            launchIfDue(l);
            if (banned[p] && !licensed[p]) {
                if (!writtenDown[l]) {
                    shipBeforeBan(l);
                    writeDown(l, spec);
                }
                int slot = step % completions[l].length;
                writtenOffWip[p] -= completions[l][slot];
                writtenOffFinished[p] += completions[l][slot];
                completions[l][slot] = 0;
                releaseElsewhere(l, spec);
                need[l] = -1;
                continue;
            }
            if (writtenDown[l]) {
                writtenDown[l] = false;
                long back = Math.min(writtenOffFinished[p], writtenOffFinished[p] - soldElsewhere[p]);
                writtenOffFinished[p] -= back;
                finished[p] += back;
                reinstated[p] += back;
                wip[p] += writtenOffWip[p];
                writtenOffWip[p] = 0;
            }
            if (today < activeFrom[l]) {
                need[l] = -1;
                continue;
            }
            completeProduction(l);
            if (launched[p]) {
                double ordered = orderedThisStep[p];
                forecastPerStep[l] = Production.updateForecast(forecastPerStep[l], ordered, m.smoothingPerStep[v]);
                if (halted(l, spec, ordered)) {
                    need[l] = 0;
                    continue;
                }
            }
            need[l] = starts(l, spec, Double.POSITIVE_INFINITY);
            needTotal += need[l];
            committing++;
        }
        for (int l = m.firstLine[v]; l < m.firstLine[v + 1]; l++) {
            if (need[l] < 0) {
                continue;
            }
            int p = m.lineProduct[l];
            long starts = need[l] == 0
                    ? 0
                    : committing == 1
                            ? starts(l, spec, vendorCapacity[v])
                            : Production.sharedStarts(need[l], needTotal, vendorCapacity[v]);
            if (starts > 0) {
                started[p] += starts;
                wip[p] += starts;
                completions[l][(step + leadSteps[v]) % completions[l].length] += starts;
            }
            if (launched[p]) {
                shipOpenOrders(p, shippingLimit(p), today);
            }
            setPrice(l, spec);
        }
    }

    private void completeProduction(int l) {
        int p = m.lineProduct[l];
        int slot = step % completions[l].length;
        long units = completions[l][slot];
        wip[p] -= units;
        finished[p] += units;
        completions[l][slot] = 0;
    }

    private long shippingLimit(int p) {
        if (!licensed[p] || Double.isInfinite(capPerStep[p])) {
            return Long.MAX_VALUE;
        }
        return (long) Math.floor(capPerStep[p]);
    }

    private void setPrice(int l, VendorParams spec) {
        int p = m.lineProduct[l];
        double backlogWeeks = backlogTotal[p] / Math.max(1.0, forecastPerStep[l] / m.stepWeeks);
        double usd = Production.scarcityPrice(
                m.listPrice[p], spec.scarcityMarkupMax(), backlogWeeks, spec.scarcityBacklogWeeks());
        if (licensed[p]) {
            usd = Production.feePrice(usd, feeShare[p], feePassThrough[p]);
        }
        price[p] = usd;
    }

    private long starts(int l, VendorParams spec, double capacity) {
        int p = m.lineProduct[l];
        return Production.productionStarts(
                forecastPerStep[l],
                leadSteps[m.lineVendor[l]],
                spec.safetyStockWeeks() / m.stepWeeks,
                backlogTotal[p],
                finished[p],
                wip[p],
                capacity);
    }

    private void launchIfDue(int l) {
        int p = m.lineProduct[l];
        if (launched[p]) {
            return;
        }
        int day = m.lineRedesignOf[l] >= 0 ? activeFrom[l] : m.firstAvailableDay[p];
        if (day < today + m.stepDays) {
            launch(p, Math.max(today, day));
        }
    }

    private void launch(int p, int day) {
        launched[p] = true;
        publish(day, KIND_LAUNCH, p);
    }

    /** Orders of licensed products placed since the vendor's last step get their licence decisions. */
    private void reviewLicences(int v) {
        for (int o = ordersReviewed[v]; o < orders; o++) {
            int p = orderProduct[o];
            if (!licensed[p] || m.lineOf[p] < 0 || m.lineVendor[m.lineOf[p]] != v) {
                continue;
            }
            boolean isDenied = denialProbability[p] > 0 && random.nextDouble() < denialProbability[p];
            approvalDay[o] = today + approvalDays[p];
            denied[o] = isDenied;
        }
        ordersReviewed[v] = orders;
        for (int l = m.firstLine[v]; l < m.firstLine[v + 1]; l++) {
            int p = m.lineProduct[l];
            if (licensed[p] && denialProbability[p] > 0) {
                cancelDenied(p, today);
            }
        }
    }

    private void scheduleRedesigns(int v) {
        for (int l = m.firstLine[v]; l < m.firstLine[v + 1]; l++) {
            if (m.lineRedesignOf[l] < 0 || activeFrom[l] != Integer.MAX_VALUE) {
                continue;
            }
            int announced = lastDay(KIND_ANNOUNCED, m.lineRedesignOf[l]);
            if (announced != NONE) {
                activeFrom[l] = Math.max(today, announced + m.lineDesignWeeks[l] * 7);
            }
        }
    }

    private boolean halted(int l, VendorParams spec, double ordered) {
        if (spec.haltOrderShare() <= 0) {
            return false;
        }
        double[] ring = recentOrders[l];
        int slot = step % ring.length;
        recentOrdersSum[l] += ordered - ring[slot];
        ring[slot] = ordered;
        if (++stepsOnSale[l] < ring.length) {
            return false;
        }
        return Production.ordersCollapsed(recentOrdersSum[l], ring.length, forecastPerStep[l], spec.haltOrderShare());
    }

    /** The ban's step: the part of the step before the ban day still ships, pro rata. */
    private void shipBeforeBan(int l) {
        int p = m.lineProduct[l];
        int day = lastDay(KIND_EFFECTIVE, p);
        double before = (double) (day - today) / m.stepDays;
        if (!(before > 0) || !launched[p]) {
            return;
        }
        completeProduction(l);
        long limit = (long) Math.floor(before * Math.min(finished[p], backlogTotal[p]));
        if (limit > 0) {
            shipOpenOrders(p, limit, today);
        }
    }

    /** At the ban: the backlog is cancelled, and finished goods and work in process are written down. */
    private void writeDown(int l, VendorParams spec) {
        int p = m.lineProduct[l];
        cancelOpenOrders(p);
        long costCents = Math.round(m.unitCost[p] * spec.writedownShare() * 100.0);
        long units = finished[p] + wip[p];
        writtenOffFinished[p] += finished[p];
        writtenOffWip[p] += wip[p];
        writeOffFinishedUnits[p] += finished[p];
        writeOffWipUnits[p] += wip[p];
        finished[p] = 0;
        wip[p] = 0;
        writedownCents[m.sellerOf[p]] += Math.multiplyExact(units, costCents);
        writtenDown[l] = true;
        if (spec.releaseShare() > 0) {
            releaseDay[l] = today + spec.releaseAfterWeeks() * 7;
        }
    }

    /** Sells the release share of a banned product's written-down stock elsewhere, once, when its day comes. */
    private void releaseElsewhere(int l, VendorParams spec) {
        if (releaseDay[l] >= today + m.stepDays) {
            return;
        }
        releaseDay[l] = Integer.MAX_VALUE;
        int p = m.lineProduct[l];
        long units = (long) Math.floor(spec.releaseShare() * writtenOffFinished[p]);
        long cents = Math.round(units * m.listPrice[p] * spec.releasePriceShare() * 100.0);
        long sold = Math.min(units, writtenOffFinished[p] - soldElsewhere[p]);
        soldElsewhere[p] += sold;
        releaseCents[m.sellerOf[p]] += sold == units ? cents : Math.round((double) cents * sold / units);
    }

    /** The vendor's available-to-promise: the day by which {@code units} more would reach the buyer. */
    private int quoteDay(int l, long units) {
        int v = m.lineVendor[l];
        int lead = leadSteps[v];
        if (pipelineStep[l] != step) {
            pipelineStep[l] = step;
            Production.accumulatePipeline(completions[l], step, lead, pipeline[l]);
        }
        int p = m.lineProduct[l];
        double needed = (double) backlogTotal[p] + units - finished[p];
        int k = Production.stepsToSupply(needed, pipeline[l], lead, vendorCapacity[v]);
        return m.cal.firstDayOf(step + k) + m.shippingDays[p];
    }

    // ---- domestic maker ---------------------------------------------------------------------------------------

    private void domesticStep() {
        double capacity = m.plan.domesticCapacity(step);
        int current = -1;
        for (int i = 0; i < m.roadmap.length; i++) {
            int p = m.roadmap[i];
            if (!launched[p] && launchDays[i] < endOfStep) {
                launch(p, Math.max(today, launchDays[i]));
            }
            if (launched[p]) {
                current = p;
            }
        }
        if (current < 0) {
            return;
        }
        double capacityLeft = Math.floor(capacity);
        for (int p : m.roadmap) {
            if (!launched[p] || capacityLeft <= 0) {
                continue;
            }
            double buffer = p == current ? DomesticSupply.BUFFER_WEEKS / m.stepWeeks * capacity : 0;
            long make = (long) Math.max(0, Math.min(capacityLeft, backlogTotal[p] + buffer - finished[p]));
            if (make > 0) {
                started[p] += make;
                finished[p] += make;
                capacityLeft -= make;
            }
        }
        for (int p : m.roadmap) {
            if (launched[p] && !banned[p]) {
                shipOpenOrders(p, Long.MAX_VALUE, today);
            }
        }
    }

    // ---- layout ------------------------------------------------------------------------------------------------

    /** The slot of a (product, buyer) pair in the per-pair arrays. */
    private int pair(int p, int b) {
        return p * buyers + b;
    }

    /** The slot of a buyer's units of a product arriving at the start of {@code arrivalStep}. */
    private int arrivalSlot(int p, int arrivalStep, int b) {
        return (p * m.ringSteps + arrivalStep % m.ringSteps) * buyers + b;
    }

    /** Day of the latest event of a kind about a product, or {@code NONE}. */
    private int lastDay(int kind, int p) {
        return lastDay[kind * products + p];
    }

    // ---- events ------------------------------------------------------------------------------------------------

    private void publish(int day, int kind, int product) {
        if (events == eventDay.length) {
            eventDay = Arrays.copyOf(eventDay, events * 2);
            eventKind = Arrays.copyOf(eventKind, events * 2);
            eventProduct = Arrays.copyOf(eventProduct, events * 2);
        }
        eventDay[events] = day;
        eventKind[events] = kind;
        eventProduct[events] = product;
        events++;
        if (product >= 0) {
            lastDay[kind * products + product] = day;
        }
        if (kind == KIND_LEAK && firstLeakDay == NONE) {
            firstLeakDay = day;
        }
    }

    // ---- recorder ----------------------------------------------------------------------------------------------

    private long totalStock(int p) {
        long sum = 0;
        for (int b = 0; b < buyers; b++) {
            sum += stock[pair(p, b)];
        }
        return sum;
    }

    /** The market at the vendor product's ban, as the run recorder measures it. */
    private void onVendorBan(int day) {
        if (banSnapshotTaken) {
            return;
        }
        banSnapshotTaken = true;
        banPending = true;
        banDay = day;
        int vp = m.vendorProduct;
        startedAtBan = started[vp];
        double atStart = totalStock(vp) - arrivedThisStep[vp];
        double shareBefore = (double) (day - m.cal.firstDayOf(recordedSteps)) / m.stepDays;
        stockAtBan = RunRecorder.stockMovedOn(atStart, stockTwoStepsAgo, recordedSteps, shareBefore);
        monthlyDemandAtBan = monthlyDemand();
    }

    private void captureRushOrders(int day) {
        rushOrders.clear();
        for (int o = 0; o < orders; o++) {
            if (rush[o] && orderProduct[o] == m.vendorProduct) {
                rushOrders.add(
                        orderBuyer[o], quantity[o], priceCents[o], shipped[o], cancelled[o], requestedBy[o], day);
            }
        }
        requestersMonthlyDemand = 0;
        for (int b = 0; b < buyers; b++) {
            if (rushOrders.requested(b)) {
                requestersMonthlyDemand += RunRecorder.perMonth(buyerDemandRing, buyers, b, recordedSteps, m.stepDays);
            }
        }
        if (day != NONE) {
            shortfallMonths = rushOrders.shortfallMonths();
        }
    }

    private double monthlyDemand() {
        return RunRecorder.perMonth(demandRing, 1, 0, recordedSteps, m.stepDays);
    }

    private void recordStep() {
        if (banPending) {
            banPending = false;
            captureRushOrders(banDay);
        }
        int vp = m.vendorProduct;
        stockTwoStepsAgo = stockLastStep;
        stockLastStep = totalStock(vp);
        if (startedAtAnnouncement < 0 && lastDay(KIND_ANNOUNCED, vp) != NONE) {
            startedAtAnnouncement = startedLastStep;
        }
        startedLastStep = started[vp];
        long domesticShipped = 0;
        for (int p = 0; p < products; p++) {
            if (m.domesticProduct[p]) {
                domesticShipped += shippedThisStep[p];
            }
        }
        double meanHazard = hazardCount == 0 ? 0 : hazardSum / hazardCount;
        peakHazard = Math.max(peakHazard, meanHazard);
        unmetTotal += unmetStep;
        int slot = step % m.monthlySteps;
        demandRing[slot] = demandStep;
        System.arraycopy(buyerDemandStep, 0, buyerDemandRing, slot * buyers, buyers);
        Arrays.fill(buyerDemandStep, 0.0);
        vendorShippedRing[step % m.quarterSteps] = shippedThisStep[vp];
        domesticShippedRing[step % m.quarterSteps] = domesticShipped;
        recordedSteps = step + 1;
        demandStep = 0;
        unmetStep = 0;
        hazardSum = 0;
        hazardCount = 0;
    }

    private RunResult result() {
        if (!banSnapshotTaken) {
            stockAtBan = Double.NaN;
            monthlyDemandAtBan = monthlyDemand();
            captureRushOrders(NONE);
        }
        double[] v = new double[Metric.values().length];
        Arrays.fill(v, Double.NaN);
        int vs = m.vendorSeller;
        int vp = m.vendorProduct;
        RunRecorder.set(v, Metric.REQUESTED_UNITS, rushOrders.requestedUnits());
        RunRecorder.set(v, Metric.REQUESTED_VALUE_USD, rushOrders.requestedValueUsd());
        RunRecorder.set(v, Metric.REQUESTED_MONTHS, rushOrders.requestedUnits() / requestersMonthlyDemand);
        RunRecorder.set(v, Metric.DELIVERED_UNITS_BEFORE_BAN, rushOrders.deliveredUnits());
        RunRecorder.set(
                v,
                Metric.SHIPPED_SHARE,
                rushOrders.requestedUnits() > 0
                        ? rushOrders.deliveredUnits() / rushOrders.requestedUnits()
                        : Double.NaN);
        RunRecorder.set(v, Metric.STOCKPILE_UNITS_AT_BAN, stockAtBan);
        RunRecorder.set(v, Metric.STOCKPILE_MONTHS_AT_BAN, stockAtBan / monthlyDemandAtBan);
        RunRecorder.set(v, Metric.BAN_DAY, banDay == NONE ? Double.NaN : banDay);
        RunRecorder.set(v, Metric.DELIVERY_SHORTFALL_MONTHS, shortfallMonths);
        RunRecorder.set(v, Metric.VENDOR_WRITEDOWN_USD, writedownCents[vs] / 100.0);
        RunRecorder.set(v, Metric.VENDOR_LOST_REVENUE_USD, lostRevenueCents[vs] / 100.0);
        RunRecorder.set(
                v,
                Metric.SUBSTITUTE_SHARE_END,
                RunRecorder.substituteShare(vendorShippedRing, domesticShippedRing, recordedSteps));
        RunRecorder.set(v, Metric.UNMET_DEMAND_UNITS, unmetTotal);
        RunRecorder.set(v, Metric.VENDOR_REVENUE_USD, receivedCents[vs] / 100.0);
        RunRecorder.set(
                v, Metric.DOMESTIC_REVENUE_USD, m.domesticSeller < 0 ? 0 : receivedCents[m.domesticSeller] / 100.0);
        RunRecorder.set(v, Metric.VENDOR_UNITS_SHIPPED, shippedTotal[vp]);
        long domesticShipped = 0;
        for (int p = 0; p < products; p++) {
            if (m.domesticProduct[p]) {
                domesticShipped += shippedTotal[p];
            }
        }
        RunRecorder.set(v, Metric.DOMESTIC_UNITS_SHIPPED, domesticShipped);
        RunRecorder.set(v, Metric.PEAK_HAZARD, peakHazard);
        RunRecorder.set(v, Metric.LEAK_DAY, firstLeakDay == NONE || firstLeakDay < 0 ? Double.NaN : firstLeakDay);
        long fees = 0;
        for (long c : feeCents) {
            fees += c;
        }
        RunRecorder.set(v, Metric.GOVERNMENT_FEE_USD, fees / 100.0);
        RunRecorder.set(
                v, Metric.VENDOR_NET_REVENUE_USD, (receivedCents[vs] - feeCents[vs] + releaseCents[vs]) / 100.0);
        long foreignShipped = 0;
        long blocked = 0;
        long deniedTotal = 0;
        double released = 0;
        for (int f = 0; f < m.foreign.length; f++) {
            int p = m.foreign[f];
            foreignShipped += shippedTotal[p];
            blocked += blockedAtImport[p];
            deniedTotal += deniedUnits[p];
            released += (reinstated[p] + soldElsewhere[p]) * m.chargePerUnitUsd[f];
        }
        RunRecorder.set(v, Metric.FOREIGN_UNITS_SHIPPED, foreignShipped);
        RunRecorder.set(v, Metric.UNITS_BLOCKED_AT_IMPORT, blocked);
        RunRecorder.set(v, Metric.ORDERS_DENIED_UNITS, deniedTotal);
        long allShipped = foreignShipped + domesticShipped;
        RunRecorder.set(
                v, Metric.DOMESTIC_SHARE_UNITS, allShipped == 0 ? Double.NaN : (double) domesticShipped / allShipped);
        RunRecorder.set(v, Metric.RESERVE_RELEASE_USD, released);
        RunRecorder.set(v, Metric.VENDOR_WRITEDOWN_FINISHED_UNITS, writeOffFinishedUnits[vp]);
        RunRecorder.set(v, Metric.VENDOR_WRITEDOWN_WIP_UNITS, writeOffWipUnits[vp]);
        RunRecorder.set(
                v,
                Metric.VENDOR_STARTED_AFTER_ANNOUNCEMENT_UNITS,
                startedAtBan < 0 || startedAtAnnouncement < 0 ? Double.NaN : startedAtBan - startedAtAnnouncement);
        return new RunResult(seed, v, null);
    }
}
