package io.gpusim.agents.rules;

import io.gpusim.core.Calendar;

/** A buyer's stock targets and orders: working stock, anticipatory cover, rush orders and the budget. */
public final class Stocking {
    private Stocking() {}

    /**
     * Months of demand to hold as anticipatory stock. Holding the k-th month of cover costs about
     * {@code holdingCostPerYear * k / 12} of the unit price if no ban comes; it saves {@code shortageCostMultiple} of
     * the price with probability {@code p} if a ban comes and the substitute gap lasts at least k months. Cover is
     * added while the saving exceeds the cost, up to the gap: {@code min(gap, 12 * p * u / h)}.
     */
    public static double anticipatoryCoverMonths(
            double banProbability, double shortageCostMultiple, double holdingCostPerYear, double substituteGapMonths) {
        return Math.max(
                0.0, Math.min(substituteGapMonths, 12.0 * banProbability * shortageCostMultiple / holdingCostPerYear));
    }

    /**
     * Months until a domestic substitute is good enough: until the earliest expected launch of a domestic product
     * whose effective performance meets the adequacy bar, plus the months to ramp purchases onto it. Infinite when
     * no product on the roadmap is adequate.
     */
    public static double substituteGapMonths(double expectedAdequateDay, int today, double rampMonths) {
        if (Double.isInfinite(expectedAdequateDay)) {
            return Double.POSITIVE_INFINITY;
        }
        return Math.max(0.0, expectedAdequateDay - today) / Calendar.DAYS_PER_MONTH + rampMonths;
    }

    /**
     * The review period of a buyer's working orders, in weeks: the order-up-to level covers demand over one week of
     * review plus the seller's shipping time, whatever the length of the simulation step. Orders are placed every
     * step, so a shorter step reviews more often against the same level; a level that shrank with the step would
     * leave daily-step buyers with less working stock and draw down their anticipatory stock instead.
     */
    public static final double REVIEW_WEEKS = 1.0;

    /**
     * Working target for the inventory position (stock + in transit + on order): the working buffer plus demand
     * over the replenishment lead time, {@code (workingWeeks + replenishWeeks) * weeklyNeed}.
     */
    public static double workingTarget(double workingWeeks, double replenishWeeks, double weeklyNeed) {
        return (workingWeeks + replenishWeeks) * weeklyNeed;
    }

    /** Order-up-to quantity: {@code max(0, round(target - position))}. */
    public static long orderUpTo(double target, double position) {
        return Math.max(0L, Math.round(target - position));
    }

    /**
     * The rush part of an order: the units that raise anticipatory stock above what rush orders already committed,
     * never more than the order itself.
     */
    public static long rushPortion(long order, double anticipatoryTarget, double rushCommitted) {
        return Math.min(order, Math.max(0L, Math.round(anticipatoryTarget - rushCommitted)));
    }

    /**
     * Requested-by day of a rush order: the seller's quoted date, but no later than the day the buyer expects the
     * ban (it insists on delivery before then), and no earlier than its minimum lead.
     */
    public static int rushDeadline(int earliestDay, int quotedDay, int expectedBanDay) {
        return Math.max(earliestDay, Math.min(quotedDay, expectedBanDay));
    }

    /** Units affordable within the rolling yearly budget at this price. */
    public static long affordable(long units, double priceUsd, double budgetLeftUsd) {
        if (units * priceUsd <= budgetLeftUsd) {
            return units;
        }
        return Math.max(0L, (long) Math.floor(budgetLeftUsd / priceUsd));
    }
}
