package io.gpusim.agents;

import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.metrics.Series;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;

public class Probe {
    public static void main(String[] args) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        double[][] vals = new double[Metric.values().length][n];
        RunResult first = null;
        for (int i = 0; i < n; i++) {
            RunResult r = Simulation.run(s, Seeds.replicationSeed(1, i), i == 0);
            if (i == 0) first = r;
            for (Metric m : Metric.values()) vals[m.ordinal()][i] = r.get(m);
        }
        for (Metric m : Metric.values()) {
            double[] v = Arrays.stream(vals[m.ordinal()]).filter(Double::isFinite).sorted().toArray();
            if (v.length == 0) { System.out.printf("%-28s empty%n", m.id()); continue; }
            System.out.printf("%-28s p05=%14.3f p50=%14.3f p95=%14.3f%n", m.id(), v[(int)(0.05*(v.length-1))], v[v.length/2], v[(int)(0.95*(v.length-1))]);
        }
        if (args.length > 2) {
            Series[] ss = Series.values();
            System.out.print("step");
            for (Series x : ss) System.out.print("\t" + x.id().replace("_units","").replace("buyer_","b_"));
            System.out.println();
            for (int t = 0; t < first.steps(); t += 2) {
                System.out.print(t);
                for (Series x : ss) System.out.printf("\t%.0f", first.series(x)[t] * (x == Series.MEAN_HAZARD ? 1000 : 1));
                System.out.println();
            }
        }
    }
}
