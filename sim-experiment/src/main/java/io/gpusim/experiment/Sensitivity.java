package io.gpusim.experiment;

import io.gpusim.core.Seeds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Global sensitivity analysis on the unit cube: Sobol first-order and total indices from a Saltelli design, and
 * Morris elementary effects, each with bootstrap confidence intervals. The model is any function evaluated at the
 * design's points; {@link SensitivityStudy} evaluates gpusim scenarios.
 */
public final class Sensitivity {
    private Sensitivity() {}

    /** An index of one parameter: its name ({@code S1}, {@code ST}, {@code mu_star}, {@code sigma}) and estimate. */
    public record Estimate(int parameter, String index, double estimate, double ciLow, double ciHigh) {}

    // ---- Sobol (Saltelli) ---------------------------------------------------------------------------------------

    /**
     * The Saltelli design for {@code k} parameters and {@code n} base points: matrices A and B are the two halves of
     * a 2k-dimensional Sobol sequence (origin skipped); AB_i is A with column i from B. Rows: A (n), B (n), then
     * AB_1 .. AB_k (n each), {@code n (k + 2)} in all.
     */
    public static double[][] saltelliPoints(int n, int k) {
        SobolSequenceGenerator gen = new SobolSequenceGenerator(2 * k);
        gen.nextVector();
        double[][] a = new double[n][];
        double[][] b = new double[n][];
        for (int j = 0; j < n; j++) {
            double[] v = gen.nextVector();
            a[j] = Arrays.copyOfRange(v, 0, k);
            b[j] = Arrays.copyOfRange(v, k, 2 * k);
        }
        double[][] points = new double[n * (k + 2)][];
        for (int j = 0; j < n; j++) {
            points[j] = a[j];
            points[n + j] = b[j];
            for (int i = 0; i < k; i++) {
                double[] ab = a[j].clone();
                ab[i] = b[j][i];
                points[(2 + i) * n + j] = ab;
            }
        }
        return points;
    }

    /**
     * First-order indices {@code S_i = mean(f(B) (f(AB_i) - f(A))) / V} (Saltelli et al. 2010) and total indices
     * {@code ST_i = mean((f(A) - f(AB_i))^2) / (2 V)} (Jansen), V the variance of f over A and B, outputs centred on
     * their mean over A and B, with percentile bootstrap intervals (95%) from resampling the base points.
     *
     * @param y model outputs at {@link #saltelliPoints} in their order
     */
    public static List<Estimate> sobolIndices(double[] y, int n, int k, int bootstrap, long seed) {
        if (y.length != n * (k + 2)) {
            throw new IllegalArgumentException("expected " + n * (k + 2) + " outputs, got " + y.length);
        }
        int[] identity = new int[n];
        for (int j = 0; j < n; j++) {
            identity[j] = j;
        }
        double[][] est = sobol(y, n, k, identity);
        double[][][] boot = new double[2][k][bootstrap];
        SplittableRandom rng = new SplittableRandom(Seeds.mix64(seed ^ 0x534f424fL));
        int[] sample = new int[n];
        for (int r = 0; r < bootstrap; r++) {
            for (int j = 0; j < n; j++) {
                sample[j] = rng.nextInt(n);
            }
            double[][] e = sobol(y, n, k, sample);
            for (int i = 0; i < k; i++) {
                boot[0][i][r] = e[0][i];
                boot[1][i][r] = e[1][i];
            }
        }
        List<Estimate> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(withInterval(i, "S1", est[0][i], boot[0][i]));
            out.add(withInterval(i, "ST", est[1][i], boot[1][i]));
        }
        return out;
    }

    private static double[][] sobol(double[] y, int n, int k, int[] rows) {
        double sum = 0;
        double sumSq = 0;
        for (int j : rows) {
            sum += y[j] + y[n + j];
            sumSq += y[j] * y[j] + y[n + j] * y[n + j];
        }
        int m = 2 * rows.length;
        double mean = sum / m;
        double variance = sumSq / m - mean * mean;
        double[][] est = new double[2][k];
        for (int i = 0; i < k; i++) {
            double first = 0;
            double total = 0;
            for (int j : rows) {
                // Outputs are centred on their mean: the estimators are unchanged in expectation, and far less
                // noisy when the mean is large against the spread.
                double fa = y[j] - mean;
                double fb = y[n + j] - mean;
                double fab = y[(2 + i) * n + j] - mean;
                first += fb * (fab - fa);
                total += (fa - fab) * (fa - fab);
            }
            est[0][i] = variance > 0 ? first / rows.length / variance : Double.NaN;
            est[1][i] = variance > 0 ? total / rows.length / (2 * variance) : Double.NaN;
        }
        return est;
    }

    // ---- Morris -------------------------------------------------------------------------------------------------

    /**
     * Morris trajectories: {@code r} of them, each {@code k + 1} points on a {@code levels}-level grid, moving one
     * parameter at a time (in random order) by {@code delta = levels / (2 (levels - 1))} from a random base point.
     */
    public static double[][] morrisPoints(int r, int k, int levels, long seed) {
        if (levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris needs an even number of levels >= 2, got " + levels);
        }
        double delta = levels / (2.0 * (levels - 1));
        int baseLevels = levels / 2;
        SplittableRandom rng = new SplittableRandom(Seeds.mix64(seed ^ 0x4d4f52L));
        double[][] points = new double[r * (k + 1)][];
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = rng.nextInt(baseLevels) / (double) (levels - 1);
            }
            int[] order = permutation(k, rng);
            points[t * (k + 1)] = x.clone();
            for (int s = 0; s < k; s++) {
                x[order[s]] += delta;
                points[t * (k + 1) + s + 1] = x.clone();
            }
        }
        return points;
    }

    /**
     * Morris {@code mu_star} (mean absolute elementary effect) and {@code sigma} (standard deviation of the
     * effects) per parameter, effects per unit of the parameter's range, with bootstrap intervals over trajectories.
     */
    public static List<Estimate> morrisIndices(double[] y, double[][] points, int r, int k, int bootstrap, long seed) {
        double[][] effects = new double[k][r];
        for (int t = 0; t < r; t++) {
            for (int s = 0; s < k; s++) {
                double[] from = points[t * (k + 1) + s];
                double[] to = points[t * (k + 1) + s + 1];
                int i = changed(from, to);
                effects[i][t] = (y[t * (k + 1) + s + 1] - y[t * (k + 1) + s]) / (to[i] - from[i]);
            }
        }
        SplittableRandom rng = new SplittableRandom(Seeds.mix64(seed ^ 0x4d4f5242L));
        List<Estimate> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double[] muBoot = new double[bootstrap];
            double[] sdBoot = new double[bootstrap];
            double[] resampled = new double[r];
            for (int b = 0; b < bootstrap; b++) {
                for (int t = 0; t < r; t++) {
                    resampled[t] = effects[i][rng.nextInt(r)];
                }
                muBoot[b] = meanAbs(resampled);
                sdBoot[b] = sd(resampled);
            }
            out.add(withInterval(i, "mu_star", meanAbs(effects[i]), muBoot));
            out.add(withInterval(i, "sigma", sd(effects[i]), sdBoot));
        }
        return out;
    }

    private static int changed(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return i;
            }
        }
        throw new IllegalStateException("consecutive Morris points must differ in one parameter");
    }

    private static int[] permutation(int k, SplittableRandom rng) {
        int[] p = new int[k];
        for (int i = 0; i < k; i++) {
            p[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static double meanAbs(double[] x) {
        double s = 0;
        for (double v : x) {
            s += Math.abs(v);
        }
        return s / x.length;
    }

    private static double sd(double[] x) {
        if (x.length < 2) {
            return 0;
        }
        double mean = Arrays.stream(x).average().orElse(0);
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (x.length - 1));
    }

    private static Estimate withInterval(int parameter, String index, double estimate, double[] boot) {
        double[] finite = Arrays.stream(boot).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return new Estimate(parameter, index, estimate, Double.NaN, Double.NaN);
        }
        Percentile q = new Percentile().withEstimationType(EstimationType.R_7);
        q.setData(finite);
        return new Estimate(parameter, index, estimate, q.evaluate(2.5), q.evaluate(97.5));
    }
}
