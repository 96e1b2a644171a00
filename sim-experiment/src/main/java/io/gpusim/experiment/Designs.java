package io.gpusim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.gpusim.core.Seeds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/** Builds the points of a design; the same inputs always give the same points. */
public final class Designs {
    private Designs() {}

    /**
     * The most points a design may have: each becomes a scenario held in memory before the first replication runs,
     * so a larger design would exhaust the memory instead of running.
     */
    public static final int MAX_POINTS = 100_000;

    /**
     * Why a design of {@code points} points is refused ("must be at most 100,000, got 2,000,000"), or null when
     * {@link #MAX_POINTS} allows it.
     */
    public static String tooManyPoints(long points) {
        return points > MAX_POINTS
                ? String.format(Locale.ROOT, "must be at most %,d, got %,d", MAX_POINTS, points)
                : null;
    }

    /**
     * The design's points.
     *
     * @param points for a grid, levels per range (lists keep their own values); otherwise the number of points
     * @param seed seeds the draws of MC and LHS designs
     */
    public static List<DesignPoint> points(List<Parameter> parameters, DesignType type, int points, long seed) {
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("a design needs at least one varied parameter");
        }
        String tooMany = tooManyPoints(points);
        if (points < 1 || tooMany != null) {
            throw new IllegalArgumentException("points: " + (points < 1 ? "must be >= 1, got " + points : tooMany));
        }
        return switch (type) {
            case GRID -> grid(parameters, points);
            case MC -> fromUnitCube(parameters, monteCarlo(points, parameters.size(), seed));
            case LHS -> fromUnitCube(parameters, latinHypercube(points, parameters.size(), seed));
            case SOBOL -> fromUnitCube(parameters, sobol(points, parameters.size()));
        };
    }

    private static List<DesignPoint> grid(List<Parameter> parameters, int levels) {
        List<List<JsonNode>> axes = new ArrayList<>();
        long total = 1;
        for (Parameter p : parameters) {
            List<JsonNode> l = p.levels(levels);
            axes.add(l);
            total *= l.size();
            if (total > MAX_POINTS) {
                throw new IllegalArgumentException(
                        String.format(Locale.ROOT, "the grid has more than %,d points", MAX_POINTS));
            }
        }
        List<DesignPoint> out = new ArrayList<>();
        int[] at = new int[axes.size()];
        for (int k = 0; k < total; k++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int d = 0; d < axes.size(); d++) {
                values.put(parameters.get(d).path(), axes.get(d).get(at[d]));
            }
            out.add(new DesignPoint(k, values));
            for (int d = axes.size() - 1; d >= 0; d--) {
                if (++at[d] < axes.get(d).size()) {
                    break;
                }
                at[d] = 0;
            }
        }
        return out;
    }

    private static List<DesignPoint> fromUnitCube(List<Parameter> parameters, double[][] u) {
        List<DesignPoint> out = new ArrayList<>();
        for (int k = 0; k < u.length; k++) {
            Map<String, JsonNode> values = new LinkedHashMap<>();
            for (int d = 0; d < parameters.size(); d++) {
                values.put(parameters.get(d).path(), parameters.get(d).at(u[k][d]));
            }
            out.add(new DesignPoint(k, values));
        }
        return out;
    }

    /** Independent uniform points in [0, 1)^d. */
    static double[][] monteCarlo(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix64(seed ^ 0x4d43L));
        double[][] u = new double[n][d];
        for (double[] row : u) {
            for (int j = 0; j < d; j++) {
                row[j] = rng.nextDouble();
            }
        }
        return u;
    }

    /** A Latin hypercube in [0, 1)^d: in each dimension every stratum [i/n, (i+1)/n) holds exactly one point. */
    static double[][] latinHypercube(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(Seeds.mix64(seed ^ 0x4c4853L));
        double[][] u = new double[n][d];
        for (int j = 0; j < d; j++) {
            int[] perm = new int[n];
            for (int i = 0; i < n; i++) {
                perm[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int k = rng.nextInt(i + 1);
                int t = perm[i];
                perm[i] = perm[k];
                perm[k] = t;
            }
            for (int i = 0; i < n; i++) {
                u[i][j] = (perm[i] + rng.nextDouble()) / n;
            }
        }
        return u;
    }

    /** The first n points of the Sobol sequence in [0, 1)^d after the origin. */
    static double[][] sobol(int n, int d) {
        SobolSequenceGenerator gen = new SobolSequenceGenerator(d);
        gen.nextVector(); // the origin
        double[][] u = new double[n][];
        for (int i = 0; i < n; i++) {
            u[i] = gen.nextVector();
        }
        return u;
    }
}
