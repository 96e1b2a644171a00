package io.gpusim.core.metrics;

import io.gpusim.core.Calendar;
import io.gpusim.core.market.EventLog;

/**
 * The vendor product's rush orders as a run reports them: the units requested, their value at the order prices, the
 * units shipped, which buyers placed them, and the requested-by days of the units a ban cancelled. Orders are added
 * one at a time in placement order; {@link #clear} starts again.
 */
public final class RushOrders {
    private final boolean[] requester;
    private double requestedUnits;
    private double requestedValueUsd;
    private double deliveredUnits;
    private double openUnits;
    private double openUnitDaysLate;

    /** A tally for a market of {@code buyers} buyers. */
    public RushOrders(int buyers) {
        this.requester = new boolean[buyers];
    }

    /** Forgets every order added so far. */
    public void clear() {
        java.util.Arrays.fill(requester, false);
        requestedUnits = 0;
        requestedValueUsd = 0;
        deliveredUnits = 0;
        openUnits = 0;
        openUnitDaysLate = 0;
    }

    /**
     * Adds one rush order: its buyer, quantity, price, units shipped and units cancelled, and its requested-by day.
     * With a ban on {@code banDay} (not {@link EventLog#NONE}), the cancelled units are those still open at it.
     */
    public void add(
            int buyer, long quantity, long priceCents, long shipped, long cancelled, int requestedByDay, int banDay) {
        requester[buyer] = true;
        requestedUnits += quantity;
        requestedValueUsd += quantity * (priceCents / 100.0);
        deliveredUnits += shipped;
        if (banDay != EventLog.NONE && cancelled > 0) {
            openUnits += cancelled;
            openUnitDaysLate += cancelled * (double) Math.max(0, requestedByDay - banDay);
        }
    }

    /** Units requested in rush orders. */
    public double requestedUnits() {
        return requestedUnits;
    }

    /** Value of the rush orders at their order prices, in USD. */
    public double requestedValueUsd() {
        return requestedValueUsd;
    }

    /** Rush units shipped. */
    public double deliveredUnits() {
        return deliveredUnits;
    }

    /** Whether a buyer placed a rush order. */
    public boolean requested(int buyer) {
        return requester[buyer];
    }

    /**
     * Months from the ban to the requested-by days of the rush units still open at it (unit-weighted mean), 0 when
     * none was open.
     */
    public double shortfallMonths() {
        return openUnits == 0 ? 0.0 : openUnitDaysLate / openUnits / Calendar.DAYS_PER_MONTH;
    }
}
