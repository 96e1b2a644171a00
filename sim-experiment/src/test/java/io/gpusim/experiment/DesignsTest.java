package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class DesignsTest {
    @Test
    void gridIsTheProductOfLevels() {
        List<DesignPoint> points = Designs.points(
                List.of(
                        Parameter.parse("vendor.safetyStockWeeks=2:6"),
                        Parameter.parse("regulator.banDate=2025-01-01,2025-04-09")),
                DesignType.GRID,
                3,
                1);
        assertEquals(6, points.size());
        assertEquals(2.0, points.get(0).values().get("vendor.safetyStockWeeks").asDouble());
        assertEquals(
                "2025-01-01", points.get(0).values().get("regulator.banDate").asText());
        assertEquals(
                "2025-04-09", points.get(1).values().get("regulator.banDate").asText());
        assertEquals(4.0, points.get(2).values().get("vendor.safetyStockWeeks").asDouble());
        assertEquals(6.0, points.get(5).values().get("vendor.safetyStockWeeks").asDouble());
    }

    @Test
    void dateRangesInterpolateDays() {
        List<DesignPoint> points = Designs.points(
                List.of(Parameter.parse("regulator.banDate=2024-10-01:2025-07-01")), DesignType.GRID, 3, 1);
        assertEquals(
                "2024-10-01", points.get(0).values().get("regulator.banDate").asText());
        assertEquals(
                "2025-02-15", points.get(1).values().get("regulator.banDate").asText());
        assertEquals(
                "2025-07-01", points.get(2).values().get("regulator.banDate").asText());
    }

    @Test
    void sobolStartsWithTheKnownSequence() {
        double[][] u = Designs.sobol(3, 2);
        assertArrayEquals(new double[] {0.5, 0.5}, u[0], 1e-12);
        assertArrayEquals(new double[] {0.75, 0.25}, u[1], 1e-12);
        assertArrayEquals(new double[] {0.25, 0.75}, u[2], 1e-12);
    }

    @Property(tries = 50)
    void latinHypercubeFillsEveryStratumOnce(
            @ForAll @IntRange(min = 1, max = 60) int n, @ForAll @IntRange(min = 1, max = 5) int d, @ForAll long seed) {
        double[][] u = Designs.latinHypercube(n, d, seed);
        for (int j = 0; j < d; j++) {
            boolean[] seen = new boolean[n];
            for (double[] row : u) {
                assertTrue(row[j] >= 0 && row[j] < 1);
                int stratum = (int) Math.floor(row[j] * n);
                assertTrue(!seen[stratum], "stratum " + stratum + " used twice");
                seen[stratum] = true;
            }
        }
        assertArrayEquals(u, Designs.latinHypercube(n, d, seed), "same seed, same design");
    }

    @Test
    void monteCarloIsReproducibleAndInRange() {
        List<Parameter> p = List.of(Parameter.parse("beliefs.leakWeight=1:5"));
        List<DesignPoint> a = Designs.points(p, DesignType.MC, 50, 7);
        assertEquals(a, Designs.points(p, DesignType.MC, 50, 7));
        for (DesignPoint x : a) {
            double v = x.values().get("beliefs.leakWeight").asDouble();
            assertTrue(v >= 1 && v < 5);
        }
    }

    @Test
    void aWholeNumberFieldIsVariedOnlyOverWholeValues() {
        Parameter steps = Parameter.parse("simulation.stepDays=3:9");
        assertEquals("[3, 5, 7, 9]", steps.levels(4).toString());
        assertEquals("[3, 4, 5, 6, 7, 8, 9]", steps.levels(20).toString(), "each whole value once");
        assertEquals(
                "[\"2025-04-09\", \"2025-04-10\"]",
                Parameter.parse("regulator.banDate=2025-04-09:2025-04-10")
                        .levels(5)
                        .toString(),
                "each day once");
        assertEquals(
                2,
                Designs.points(
                                List.of(Parameter.parse("regulator.banDate=2025-04-09:2025-04-10")),
                                DesignType.GRID,
                                5,
                                1)
                        .size());
        assertEquals(
                "[2.0, 3.0]",
                Parameter.parse("vendor.safetyStockWeeks=2:3").levels(2).toString(),
                "a field that is not a whole number keeps its levels as they fall");
        int[] seen = new int[10];
        for (DesignPoint x : Designs.points(List.of(steps), DesignType.MC, 700, 3)) {
            JsonNode v = x.values().get("simulation.stepDays");
            assertTrue(v.isIntegralNumber() && v.asInt() >= 3 && v.asInt() <= 9, v.toString());
            seen[v.asInt()]++;
        }
        for (int d = 3; d <= 9; d++) {
            assertTrue(seen[d] > 60 && seen[d] < 140, "each whole value about equally often: " + seen[d]);
        }
        assertEquals("9", steps.at(1.0).toString(), "the upper end, clamped");
        assertEquals(
                "'simulation.stepDays=3.5:9': simulation.stepDays is a whole number, so the range's ends must be whole",
                assertThrows(IllegalArgumentException.class, () -> Parameter.parse("simulation.stepDays=3.5:9"))
                        .getMessage());
        assertEquals(
                "'simulation.stepDays=7,3.5': simulation.stepDays: expected a whole number, got 3.5",
                assertThrows(IllegalArgumentException.class, () -> Parameter.parse("simulation.stepDays=7,3.5"))
                        .getMessage());
        assertEquals(
                "'regulator.leak.leadDays=70.7': regulator.leak.leadDays: expected a whole number, got 70.7",
                assertThrows(IllegalArgumentException.class, () -> Parameter.parse("regulator.leak.leadDays=70.7"))
                        .getMessage());
    }

    @Test
    void badSpecificationsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Parameter.parse("beliefs.leakWeight"));
        assertThrows(IllegalArgumentException.class, () -> Parameter.parse("beliefs.leakWeigt=1:2"));
        assertThrows(IllegalArgumentException.class, () -> Parameter.parse("beliefs.leakWeight=5:1"));
        assertThrows(IllegalArgumentException.class, () -> Parameter.parse("beliefs.leakWeight=a:b"));
        assertThrows(IllegalArgumentException.class, () -> Designs.points(List.of(), DesignType.GRID, 3, 1));
    }
}
