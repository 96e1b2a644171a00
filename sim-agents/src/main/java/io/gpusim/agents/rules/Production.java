package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;

/** The vendor's production planning, supply quotes and pricing. */
public final class Production {
    private Production() {}

    /** Exponential smoothing of orders: {@code F' = alpha * orders + (1 - alpha) * F}. */
    public static double updateForecast(double forecast, double orders, double alpha) {
        return alpha * orders + (1 - alpha) * forecast;
    }

    /**
     * Units to start this step: enough to bring finished goods plus work in process up to the backlog plus the
     * forecast over the lead time and a safety stock, never negative and never above capacity.
     */
    public static long productionStarts(
            double forecastPerStep,
            int leadSteps,
            double safetySteps,
            long backlog,
            long finished,
            long wip,
            double capacityPerStep) {
        double target = forecastPerStep * (leadSteps + safetySteps) + backlog;
        double need = target - finished - wip;
        return Math.round(Math.max(0.0, Math.min(need, capacityPerStep)));
    }

    /**
     * Production starts of one of several lines sharing a capacity: its need, scaled down in proportion when the
     * lines together need more than the capacity, {@code round(min(need, capacity * need / totalNeed))}.
     */
    public static long sharedStarts(double need, double totalNeed, double capacityPerStep) {
        if (need <= 0) {
            return 0;
        }
        return Math.round(Math.min(need, capacityPerStep * need / totalNeed));
    }

    /**
     * Price under a licence whose fee takes {@code feeShare} of revenue, a share {@code passThrough} of the fee passed
     * on to buyers: {@code price * (1 + passThrough * feeShare / (1 - feeShare))} (a full pass-through keeps the
     * vendor's net revenue per unit whole).
     */
    public static double feePrice(double price, double feeShare, double passThrough) {
        return price * (1 + passThrough * feeShare / (1 - feeShare));
    }

    /**
     * Whether a product's orders have collapsed: over the last {@code steps} steps they averaged less than
     * {@code share} of the forecast per step.
     */
    public static boolean ordersCollapsed(double recentOrders, int steps, double forecastPerStep, double share) {
        return recentOrders / steps < share * forecastPerStep;
    }

    /**
     * Price with a scarcity markup: {@code list * (1 + maxMarkup * min(1, backlogWeeks / scarcityWeeks))}, where
     * backlog weeks are the backlog over the forecast weekly order rate.
     */
    public static double scarcityPrice(double listPrice, double maxMarkup, double backlogWeeks, double scarcityWeeks) {
        return listPrice * (1 + maxMarkup * Math.min(1.0, Math.max(0.0, backlogWeeks) / scarcityWeeks));
    }

    /**
     * Units that can be committed to production in a step starting on {@code day}: the piecewise-linear capacity
     * curve (units per month, flat outside its points) times the step's share of a month.
     */
    public static double capacityPerStep(double[] curveDays, double[] unitsPerMonth, int day, int stepDays) {
        return Curves.interpolate(curveDays, unitsPerMonth, day) * stepDays / Calendar.DAYS_PER_MONTH;
    }

    /**
     * Completions scheduled from step {@code now} on, accumulated into {@code pipeline}: {@code pipeline[k]} = units
     * finished within {@code k} steps, for {@code k = 1 .. leadSteps}. {@code completions} is a ring indexed by step.
     */
    public static void accumulatePipeline(long[] completions, int now, int leadSteps, long[] pipeline) {
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
    public static int stepsToSupply(double need, long[] pipeline, int leadSteps, double capacityPerStep) {
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
}
