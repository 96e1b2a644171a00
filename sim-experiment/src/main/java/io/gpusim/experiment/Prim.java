package io.gpusim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Patient Rule Induction Method (Friedman and Fisher, 1999) for scenario discovery: starting from the box that
 * holds every observation, repeatedly peel off the fraction {@code alpha} of the remaining observations at one side
 * of one input, choosing the peel that most raises the share of observations of interest inside the box, until the
 * box holds fewer than {@code minSupport} of them. Every box on the way is kept (the peeling trajectory), with its
 * coverage (share of all cases of interest inside) and density (share of the box's observations that are cases).
 */
public final class Prim {
    private Prim() {}

    /** A box: bounds per input, with its quality. */
    public record Box(int step, double[] lower, double[] upper, double coverage, double density, int support) {
        /** Whether the box restricts input {@code d} compared with the full range. */
        public boolean restricts(int d, Box full) {
            return lower[d] > full.lower[d] || upper[d] < full.upper[d];
        }
    }

    /**
     * The peeling trajectory, first box (everything) first.
     *
     * @param x observations by inputs
     * @param y whether each observation is a case of interest
     */
    public static List<Box> peel(double[][] x, boolean[] y, double alpha, double minSupport) {
        int n = x.length;
        int k = n == 0 ? 0 : x[0].length;
        long cases = 0;
        for (boolean b : y) {
            cases += b ? 1 : 0;
        }
        boolean[] inside = new boolean[n];
        Arrays.fill(inside, true);
        double[] lower = new double[k];
        double[] upper = new double[k];
        for (int d = 0; d < k; d++) {
            lower[d] = Double.POSITIVE_INFINITY;
            upper[d] = Double.NEGATIVE_INFINITY;
            for (double[] row : x) {
                lower[d] = Math.min(lower[d], row[d]);
                upper[d] = Math.max(upper[d], row[d]);
            }
        }
        List<Box> trajectory = new ArrayList<>();
        trajectory.add(box(0, lower, upper, inside, y, cases));
        int step = 0;
        while (true) {
            int support = count(inside);
            if (support < minSupport * n || support < 2) {
                break;
            }
            double bestDensity = -1;
            int bestDim = -1;
            boolean bestLow = false;
            double bestCut = 0;
            for (int d = 0; d < k; d++) {
                double[] values = new double[support];
                int m = 0;
                for (int i = 0; i < n; i++) {
                    if (inside[i]) {
                        values[m++] = x[i][d];
                    }
                }
                Arrays.sort(values);
                int drop = Math.max(1, (int) Math.floor(alpha * support));
                for (boolean low : new boolean[] {true, false}) {
                    double cut = low ? values[drop] : values[support - 1 - drop];
                    long in = 0;
                    long hits = 0;
                    for (int i = 0; i < n; i++) {
                        if (inside[i] && (low ? x[i][d] >= cut : x[i][d] <= cut)) {
                            in++;
                            hits += y[i] ? 1 : 0;
                        }
                    }
                    if (in == support || in < minSupport * n || in == 0) {
                        continue;
                    }
                    double density = (double) hits / in;
                    if (density > bestDensity) {
                        bestDensity = density;
                        bestDim = d;
                        bestLow = low;
                        bestCut = cut;
                    }
                }
            }
            double current = trajectory.get(trajectory.size() - 1).density();
            if (bestDim < 0 || bestDensity <= current) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (inside[i] && (bestLow ? x[i][bestDim] < bestCut : x[i][bestDim] > bestCut)) {
                    inside[i] = false;
                }
            }
            if (bestLow) {
                lower[bestDim] = bestCut;
            } else {
                upper[bestDim] = bestCut;
            }
            trajectory.add(box(++step, lower, upper, inside, y, cases));
        }
        return trajectory;
    }

    /** The densest box on the trajectory that still covers at least {@code minCoverage} of the cases. */
    public static Box choose(List<Box> trajectory, double minCoverage) {
        Box best = trajectory.get(0);
        for (Box b : trajectory) {
            if (b.coverage() >= minCoverage && b.density() > best.density()) {
                best = b;
            }
        }
        return best;
    }

    private static Box box(int step, double[] lower, double[] upper, boolean[] inside, boolean[] y, long cases) {
        int support = 0;
        long hits = 0;
        for (int i = 0; i < inside.length; i++) {
            if (inside[i]) {
                support++;
                hits += y[i] ? 1 : 0;
            }
        }
        return new Box(
                step,
                lower.clone(),
                upper.clone(),
                cases == 0 ? 0 : (double) hits / cases,
                support == 0 ? 0 : (double) hits / support,
                support);
    }

    private static int count(boolean[] b) {
        int c = 0;
        for (boolean v : b) {
            c += v ? 1 : 0;
        }
        return c;
    }
}
