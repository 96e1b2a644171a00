package io.gpusim.agents.rules;

/** Small numeric helpers: piecewise-linear curves and the logistic function. */
public final class Curves {
    private Curves() {}

    /** Linear interpolation through (x[i], y[i]) with x increasing; flat outside the first and last points. */
    public static double interpolate(double[] x, double[] y, double at) {
        if (at <= x[0]) {
            return y[0];
        }
        int last = x.length - 1;
        if (at >= x[last]) {
            return y[last];
        }
        int i = 1;
        while (x[i] < at) {
            i++;
        }
        double f = (at - x[i - 1]) / (x[i] - x[i - 1]);
        return y[i - 1] + f * (y[i] - y[i - 1]);
    }

    /** Logistic function 1 / (1 + exp(-z)). */
    public static double logistic(double z) {
        return 1.0 / (1.0 + Math.exp(-z));
    }
}
