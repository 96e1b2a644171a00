package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PrimTest {
    @Test
    void findsASyntheticBox() {
        // cases: x0 > 0.6 and x1 < 0.3 (x2 is noise), 5% label noise outside
        SplittableRandom rng = new SplittableRandom(11);
        int n = 4000;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int d = 0; d < 3; d++) {
                x[i][d] = rng.nextDouble();
            }
            y[i] = (x[i][0] > 0.6 && x[i][1] < 0.3) || rng.nextDouble() < 0.02;
        }
        List<Prim.Box> trajectory = Prim.peel(x, y, 0.05, 0.05);
        Prim.Box full = trajectory.get(0);
        assertEquals(1.0, full.coverage());
        Prim.Box box = Prim.choose(trajectory, 0.8);
        assertTrue(box.density() > 0.9, "density " + box.density());
        assertTrue(box.coverage() >= 0.8, "coverage " + box.coverage());
        assertEquals(0.6, box.lower()[0], 0.05);
        assertEquals(0.3, box.upper()[1], 0.05);
        assertTrue(!box.restricts(2, full) || box.upper()[2] - box.lower()[2] > 0.8, "x2 is left (almost) free");
        for (int i = 1; i < trajectory.size(); i++) {
            assertTrue(trajectory.get(i).density() > trajectory.get(i - 1).density(), "each peel raises density");
            assertTrue(trajectory.get(i).support() < trajectory.get(i - 1).support());
        }
    }
}
