package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.scenario.ValidationError;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

/** The in-band rule of the episode check, the pair syntax, and the checks on the fit subset. */
class EpisodeValidationTest {
    private static CalibrationTargets.Target band(double lo, double hi) {
        return new CalibrationTargets.Target("ban_day", null, List.of(lo, hi), 1.0);
    }

    private static CalibrationTargets.Target median(double value) {
        return new CalibrationTargets.Target("requested_units", value, null, 1.0);
    }

    /** A band target is met exactly where calibration counts no distance: the model median inside the band. */
    @Property
    void aBandIsMetExactlyWhereItsDistanceIsZero(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double lo,
            @ForAll @DoubleRange(min = 0, max = 1e6) double width,
            @ForAll @DoubleRange(min = -3e6, max = 3e6) double p50,
            @ForAll @DoubleRange(min = 0, max = 1e6) double spread) {
        CalibrationTargets.Target t = band(lo, lo + width);
        assertEquals(
                t.distance(p50) == 0.0, EpisodeValidation.inBand(t, p50 - spread, p50, p50 + spread), t.describe());
    }

    /** A median target is met exactly when it lies in the model's 90% band, whatever the model median. */
    @Property
    void aMedianIsMetExactlyWhereTheModelsNinetyPercentBandHoldsIt(
            @ForAll("sortedTriples") double[] model, @ForAll @DoubleRange(min = -2e6, max = 2e6) double target) {
        boolean inside = target >= model[0] && target <= model[2];
        assertEquals(inside, EpisodeValidation.inBand(median(target), model[0], model[1], model[2]));
    }

    @Provide
    Arbitrary<double[]> sortedTriples() {
        Arbitrary<Double> x = Arbitraries.doubles().between(-2e6, 2e6);
        return Combinators.combine(x, x, x).as((a, b, c) -> {
            double[] v = {a, b, c};
            java.util.Arrays.sort(v);
            return v;
        });
    }

    @Example
    void anUndefinedModelMeetsNoTarget() {
        assertEquals(false, EpisodeValidation.inBand(band(0, 10), Double.NaN, Double.NaN, Double.NaN));
        assertEquals(false, EpisodeValidation.inBand(median(5), Double.NaN, Double.NaN, Double.NaN));
        assertTrue(EpisodeValidation.inBand(band(0, 10), -100, 10, 100), "the band's ends count as inside");
        assertTrue(EpisodeValidation.inBand(median(5), 5, 7, 9), "the 90% band's ends count as inside");
    }

    /** Any pair written out reads back as itself. */
    @Property
    void aPairReadsBackItsOwnText(
            @ForAll("names") String name,
            @ForAll("files") String scenario,
            @ForAll("files") String targets,
            @ForAll("weights") Double weight) {
        CalibrationPair.Spec spec = new CalibrationPair.Spec(name, scenario, targets, weight);
        assertEquals(spec, CalibrationPair.Spec.parse(spec.format()));
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings()
                .withChars("abcXYZ019._-")
                .ofMinLength(1)
                .ofMaxLength(12)
                .filter(CalibrationPair::validName)
                .injectNull(0.3);
    }

    @Provide
    Arbitrary<String> files() {
        return Arbitraries.strings()
                .withChars("abc/._-019")
                .ofMinLength(1)
                .ofMaxLength(20)
                .map(s -> s + ".yaml");
    }

    @Provide
    Arbitrary<Double> weights() {
        return Arbitraries.doubles().between(1e-3, 1e3).ofScale(6).injectNull(0.3);
    }

    @Example
    void badPairsAreRefusedWithTheirText() {
        for (String[] c : new String[][] {
            {"nonsense", "'nonsense': expected [NAME:]SCENARIO=TARGETS[@WEIGHT]"},
            {"a.yaml=", "'a.yaml=': expected [NAME:]SCENARIO=TARGETS[@WEIGHT]"},
            {"a.yaml=t.yaml@0", "'a.yaml=t.yaml@0': the weight after '@' must be a number > 0"},
            {"a.yaml=t.yaml@x", "'a.yaml=t.yaml@x': the weight after '@' must be a number > 0"},
            {"a b:a.yaml=t.yaml", "'a b:a.yaml=t.yaml': the name before ':' must start with a letter or digit"}
        }) {
            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> CalibrationPair.Spec.parse(c[0]));
            assertTrue(e.getMessage().startsWith(c[1]), e.getMessage());
        }
        assertEquals(
                new CalibrationPair.Spec("h20", "s/h20.yaml", "t.yaml", 2.0),
                CalibrationPair.Spec.parse("h20:s/h20.yaml=t.yaml@2"));
        assertEquals(
                new CalibrationPair.Spec(null, "s/h20.yaml", "t.yaml", null),
                CalibrationPair.Spec.parse("s/h20.yaml=t.yaml"));
    }

    @Example
    void theFitSubsetMustNameEpisodesOnce() {
        List<String> episodes = List.of("a", "b");
        assertEquals(List.of(), EpisodeValidation.fitProblems(List.of("b"), episodes));
        assertEquals(
                List.of(new ValidationError(null, 0, 0, "fit", "names 'z', which is not an episode (episodes: a, b)")),
                EpisodeValidation.fitProblems(List.of("a", "z"), episodes));
        assertEquals(
                List.of(new ValidationError(null, 0, 0, "fit", "names 'a' twice")),
                EpisodeValidation.fitProblems(List.of("a", "a"), episodes));
        assertEquals(
                List.of(new ValidationError(null, 0, 0, "fit", "needs at least one episode to fit")),
                EpisodeValidation.fitProblems(List.of(), episodes));
    }
}
