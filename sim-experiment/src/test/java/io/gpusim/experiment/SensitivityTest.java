package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Known answers: the Ishigami function for Sobol indices, a function with known elementary effects for Morris. */
class SensitivityTest {
    /** Ishigami (a = 7, b = 0.1) on [-pi, pi]^3, from unit coordinates. */
    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.sin(x2) * Math.sin(x2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    private static Sensitivity.Estimate get(List<Sensitivity.Estimate> all, int p, String index) {
        return all.stream()
                .filter(e -> e.parameter() == p && e.index().equals(index))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void sobolIndicesOfIshigamiMatchTheAnalyticValues() {
        int n = 8192;
        double[][] points = Sensitivity.saltelliPoints(n, 3);
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            y[i] = ishigami(points[i]);
        }
        List<Sensitivity.Estimate> est = Sensitivity.sobolIndices(y, n, 3, 200, 1);
        double[] s1 = {0.3139, 0.4424, 0.0};
        double[] st = {0.5576, 0.4424, 0.2437};
        for (int i = 0; i < 3; i++) {
            Sensitivity.Estimate first = get(est, i, "S1");
            Sensitivity.Estimate total = get(est, i, "ST");
            assertEquals(s1[i], first.estimate(), 0.02, "S1 of x" + (i + 1));
            assertEquals(st[i], total.estimate(), 0.02, "ST of x" + (i + 1));
            assertTrue(first.ciLow() <= first.estimate() && first.estimate() <= first.ciHigh(), first.toString());
            assertTrue(total.ciHigh() - total.ciLow() < 0.1, "intervals narrow at n = 8192: " + total);
        }
    }

    @Test
    void morrisRecoversKnownElementaryEffects() {
        // f = 3 x1 + 0 x2 + x3^2: |EE1| = 3 always, EE2 = 0, EE3 varies with x3
        int r = 40;
        int k = 3;
        double[][] points = Sensitivity.morrisPoints(r, k, 4, 7);
        double[] y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            y[i] = 3 * points[i][0] + points[i][2] * points[i][2];
        }
        List<Sensitivity.Estimate> est = Sensitivity.morrisIndices(y, points, r, k, 100, 7);
        assertEquals(3.0, get(est, 0, "mu_star").estimate(), 1e-12);
        assertEquals(0.0, get(est, 0, "sigma").estimate(), 1e-12);
        assertEquals(0.0, get(est, 1, "mu_star").estimate(), 1e-12);
        assertTrue(get(est, 2, "mu_star").estimate() > 0.5);
        assertTrue(get(est, 2, "sigma").estimate() > 0.1, "a nonlinear effect varies across the space");
        for (double[] p : points) {
            for (double v : p) {
                assertTrue(v >= 0 && v <= 1);
            }
        }
    }

    @Test
    void designsHaveTheExpectedShapes() {
        assertEquals(10 * 5, Sensitivity.saltelliPoints(10, 3).length);
        assertEquals(6 * 4, Sensitivity.morrisPoints(6, 3, 4, 1).length);
    }
}
