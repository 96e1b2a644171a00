package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SensitivityVerdictsTest {
    private static SensitivityStudy.Row row(
            String metric, String parameter, String index, double e, double lo, double hi) {
        return new SensitivityStudy.Row(metric, parameter, index, e, lo, hi);
    }

    @Test
    void aVerdictPerMetricRanksTheParametersByTheirTotalIndex() {
        List<SensitivityStudy.Row> rows = List.of(
                row("stockpile_units_at_ban", "beliefs.leakWeight", "S1", 0.004, 0.0, 0.01),
                row("stockpile_units_at_ban", "beliefs.leakWeight", "ST", 0.002, 0.0, 0.01),
                row("stockpile_units_at_ban", "vendor.safetyStockWeeks", "S1", 0.95, 0.90, 0.99),
                row("stockpile_units_at_ban", "vendor.safetyStockWeeks", "ST", 0.97, 0.93, 1.0),
                row("requested_units", "beliefs.leakWeight", "ST", 0.2, 0.15, 0.25),
                row("requested_units", "vendor.safetyStockWeeks", "ST", 0.05, 0.03, 0.07));
        assertEquals(
                List.of(
                        "stockpile at the ban (stockpile_units_at_ban): vendor.safetyStockWeeks dominates (ST 0.97), "
                                + "beliefs.leakWeight negligible (ST 0.002)",
                        "rush request (requested_units): beliefs.leakWeight matters (ST 0.20), "
                                + "vendor.safetyStockWeeks minor (ST 0.05)"),
                SensitivityVerdicts.verdicts(rows));
        assertEquals(List.of(), SensitivityVerdicts.warnings(rows), "narrow intervals inside [0, 1]: no warning");
    }

    @Test
    void indicesOutsideTheUnitIntervalOrWithWideIntervalsAreWarnedOf() {
        List<SensitivityStudy.Row> rows = List.of(
                row("requested_units", "beliefs.leakWeight", "S1", 1.08, 0.70, 1.46),
                row("requested_units", "beliefs.leakWeight", "ST", 0.9, 0.8, 1.02),
                row("shipped_share", "vendor.safetyStockWeeks", "ST", 0.5, 0.1, 0.9));
        List<String> warnings = SensitivityVerdicts.warnings(rows);
        assertEquals(2, warnings.size(), warnings.toString());
        assertEquals(
                "requested_units: beliefs.leakWeight S1 1.08 outside [0, 1]; intervals up to 0.76 wide",
                warnings.get(0));
        assertEquals("shipped_share: intervals up to 0.80 wide", warnings.get(1));
        assertTrue(SensitivityVerdicts.verdicts(rows).get(0).endsWith("[uncertain: see warnings]"));
        String advice = SensitivityVerdicts.advice(64);
        assertTrue(advice.startsWith("with N=64 base points the widest interval is about +-0.31"), advice);
        assertTrue(advice.contains("--base-points 512 gives about +-0.11"), advice);
    }

    @Test
    void theRuleOfThumbHoldsOnTheIshigamiFunction() {
        for (int n : new int[] {64, 256, 1024}) {
            double[][] points = Sensitivity.saltelliPoints(n, 3);
            double[] y = new double[points.length];
            for (int i = 0; i < points.length; i++) {
                y[i] = SensitivityTest.ishigami(points[i]);
            }
            double widest = 0;
            for (Sensitivity.Estimate e : Sensitivity.sobolIndices(y, n, 3, 200, 1)) {
                widest = Math.max(widest, e.ciHigh() - e.ciLow());
            }
            double expected = SensitivityVerdicts.expectedHalfWidth(n);
            assertTrue(
                    widest / 2 > expected / 2 && widest / 2 < expected * 1.5,
                    "N=" + n + ": widest half-width " + widest / 2 + " against the rule's " + expected);
        }
    }
}
