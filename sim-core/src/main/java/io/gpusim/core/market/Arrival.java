package io.gpusim.core.market;

/**
 * When a shipment reaches its buyer: at the start of {@code step}, except a {@code lateShare} of its units (in
 * [0, 1)), which arrive one step later. A transit time that is not a whole number of steps (a week's shipping at
 * 3-day steps is 2 1/3 steps) is kept exact on average this way, so results do not depend on the step length.
 */
public record Arrival(int step, double lateShare) {
    public Arrival {
        if (!(lateShare >= 0 && lateShare < 1)) {
            throw new IllegalArgumentException("late share must be in [0, 1), got " + lateShare);
        }
    }

    /** Every unit arrives at the start of {@code step}. */
    public static Arrival at(int step) {
        return new Arrival(step, 0);
    }

    /**
     * A shipment made in step {@code now} that takes {@code lagSteps} steps: the whole steps of the lag, and the
     * fraction of a step as the share of units a step later.
     */
    public static Arrival after(int now, double lagSteps) {
        int whole = (int) Math.floor(lagSteps);
        return new Arrival(now + whole, lagSteps - whole);
    }

    /** Units of a shipment of {@code units} that arrive a step late (rounded half up). */
    long late(long units) {
        return lateShare == 0 ? 0 : Math.round(units * lateShare);
    }
}
