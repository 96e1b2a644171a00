package io.gpusim.experiment;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.ValidationError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Study and targets files: every problem is one line at the file, line and field at fault. */
class StudyDefinitionTest {
    static final String BASELINE =
            Path.of("..", "scenarios", "h20-2025.yaml").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private List<String> studyErrors(String text) throws Exception {
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> StudyDefinition.load(f));
        return e.errors().stream()
                .map(ValidationError::toString)
                .map(s -> s.replace(f.toString(), "study.yaml"))
                .toList();
    }

    private List<String> targetErrors(String text) throws Exception {
        Path f = dir.resolve("targets.yaml");
        Files.writeString(f, text);
        ScenarioException e = assertThrows(ScenarioException.class, () -> CalibrationTargets.load(f));
        return e.errors().stream()
                .map(ValidationError::toString)
                .map(s -> s.replace(f.toString(), "targets.yaml"))
                .toList();
    }

    @Test
    void emptyAndNonMappingStudyAndTargetsFilesAreOneError() throws Exception {
        assertEquals(List.of("study.yaml: the file is empty"), studyErrors(""));
        assertEquals(
                List.of("study.yaml: the top level must be a mapping of fields, not a list"), studyErrors("- 1\n"));
        assertEquals(
                List.of("targets.yaml: the top level must be a mapping of fields, not a single value"),
                targetErrors("3\n"));
    }

    @Test
    void aFractionForAWholeNumberFieldInSetOrVaryIsAnError() throws Exception {
        String head = "name: s\nscenarios: [" + BASELINE + "]\nruns: 2\n";
        assertEquals(
                List.of("study.yaml:5:10: design.vary[0]: simulation.stepDays: expected a whole number, got 3.5"),
                studyErrors(head + "design:\n  vary: ['simulation.stepDays=3.5,4']\n"));
        Path f = Files.writeString(dir.resolve("set.yaml"), head + "set:\n  regulator.leak.leadDays: 70.6\n");
        ScenarioException e = assertThrows(
                ScenarioException.class,
                () -> StudyDefinition.load(f).definition().resolve(dir));
        assertEquals(
                List.of("set regulator.leak.leadDays=70.6: regulator.leak.leadDays: expected a whole number, got 70.6"),
                e.errors().stream().map(ValidationError::toString).toList());
    }

    @Test
    void studyFieldsAreCheckedWhereTheyAreWritten() throws Exception {
        String head = "name: s\nscenarios: [" + BASELINE + "]\n";
        assertEquals(
                List.of("study.yaml:3:7: runs: must be >= 1, got 0", "study.yaml:4:10: threads: must be >= 1, got 0"),
                studyErrors(head + "runs: 0\nthreads: 0\n"));
        assertEquals(
                List.of("study.yaml:3:7: runs: expected a whole number, got 'many'"),
                studyErrors(head + "runs: many\n"));
        assertEquals(
                List.of("study.yaml:3:6: run: unknown field 'run'; did you mean 'runs'?"),
                studyErrors(head + "run: 3\n"));
        // an empty list reads as none: the study would have run as a batch
        assertEquals(
                List.of("study.yaml:4:11: variants: lists no variant; a comparison needs two, and a batch or a sweep "
                        + "leaves it out"),
                studyErrors(head + "runs: 2\nvariants: []\n"));
        assertEquals(
                List.of("study.yaml:5:21: set.regulator.banDat: no field 'banDat' in regulator; did you mean "
                        + "'banDate'?"),
                studyErrors(head + "runs: 3\nset:\n  regulator.banDat: 2025-01-01\n"));
        assertEquals(
                List.of("study.yaml:5:10: design.vary[0]: expected PATH=v1,v2,... or PATH=lo:hi"),
                studyErrors(head + "runs: 3\ndesign:\n  vary: [nonsense]\n"));
        assertEquals(
                List.of(
                        "study.yaml:4:17: until.metric: unknown metric 'ban_dya'; did you mean 'ban_day'?",
                        "study.yaml:4:8: until.relHalfWidth: is required"),
                studyErrors(head + "runs: 3\nuntil: {metric: ban_dya}\n"));
        assertEquals(
                List.of("study.yaml:5:10: design.vary[0]: 2025-04-09 is listed twice; list each value once"),
                studyErrors(
                        head + "runs: 3\ndesign:\n  vary: ['regulator.banDate=2025-04-09,2025-06-01,2025-04-09']\n"));
        assertEquals(
                List.of("study.yaml:4:63: design.points: must be at most 100,000, got 1,000,000"),
                studyErrors(
                        head + "runs: 3\ndesign: {vary: ['beliefs.leakWeight=1:4'], type: lhs, points: 1000000}\n"));
        assertEquals(
                List.of(
                        "study.yaml:4:22: output.seriesRuns: applies only with series: true (it sets how many runs feed "
                                + "the series)"),
                studyErrors(head + "runs: 3\noutput: {seriesRuns: 500}\n"));
        assertEquals(
                List.of("study.yaml:4:50: design.type: expected one of GRID, MC, LHS, SOBOL, got 'grd'"),
                studyErrors(head + "runs: 3\ndesign: {vary: ['beliefs.leakWeight=1:4'], type: grd}\n"));
        assertEquals(
                List.of("study.yaml:4:11: variants: a comparison needs exactly two variants, got 1"),
                studyErrors(head + "runs: 3\nvariants: [{name: a}]\n"));
        assertEquals(
                List.of("study.yaml:4:30: variants[1].name: 'a' names both variants; give each its own name"),
                studyErrors(head + "runs: 3\nvariants: [{name: a}, {name: a}]\n"));
        assertEquals(
                List.of("study.yaml:2:" + (15 + BASELINE.length()) + ": scenarios[1]: a comparison's variants run the"
                        + " first scenario file (or each its own scenario:), and no other; list one file, or compare"
                        + " the others in studies of their own"),
                studyErrors("name: s\nscenarios: [" + BASELINE + ", " + BASELINE + "]\nruns: 3\n"
                        + "variants: [{name: a}, {name: b}]\n"));
    }

    @Test
    void aPathVariedTwiceInADesignIsAnErrorNamingThePath() throws Exception {
        String head = "name: s\nscenarios: [" + BASELINE + "]\nruns: 3\ndesign:\n  vary:\n";
        assertEquals(
                List.of("study.yaml:5:3: design.vary: regulator.leak.probability is varied twice; vary each path once"),
                studyErrors(
                        head + "    - regulator.leak.probability=0.1,0.2\n    - regulator.leak.probability=0.3,0.4\n"));
    }

    @Test
    void aPathBothSetAndVariedIsAnError() throws Exception {
        String head = "name: s\nscenarios: [" + BASELINE + "]\nruns: 3\nset: {regulator.graceDays: 5}\n";
        assertEquals(
                List.of("study.yaml:6:3: design.vary: regulator.graceDays is both set and varied; the varied values "
                        + "would replace the set one, so give it in one place"),
                studyErrors(head + "design:\n  vary:\n    - regulator.graceDays=0,30\n"));
    }

    @Test
    void aResolvedStudyGivesTheFilesItReadInTheOrderTheStudyNamesThem() throws Exception {
        Path baseline = Path.of(BASELINE);
        Files.writeString(
                dir.resolve("b.yaml"), "extends: " + baseline + "\nname: b\n", java.nio.charset.StandardCharsets.UTF_8);
        Files.copy(baseline, dir.resolve("a.yaml"));
        Path f = dir.resolve("study.yaml");
        Files.writeString(
                f,
                "name: s\nscenarios: [a.yaml]\nruns: 3\nvariants:\n  - {name: one}\n"
                        + "  - {name: two, scenario: b.yaml}\n");
        StudyDefinition def = StudyDefinition.load(f).definition();
        StudyDefinition.Resolved resolved = def.resolveWithTemplates(dir, "set");
        assertEquals(
                def.templates(dir).stream().map(t -> t.file()).toList(),
                resolved.templates().stream().map(t -> t.file()).toList());
        assertEquals(
                List.of(dir.resolve("a.yaml"), dir.resolve("b.yaml")),
                resolved.templates().stream().map(t -> t.file()).toList());
        assertEquals(def.resolve(dir, "set"), resolved.study());
        assertEquals(
                List.of("one", "two"),
                resolved.study().cells().stream().map(Cell::scenarioLabel).toList());
    }

    @Test
    void twoScenarioFilesOfOneNameAreAnErrorNamingTheName() throws Exception {
        Path baseline = Path.of(BASELINE);
        Files.copy(baseline, dir.resolve("a.yaml"));
        Files.copy(baseline, dir.resolve("b.yaml"));
        Path f = dir.resolve("study.yaml");
        Files.writeString(f, "name: s\nscenarios: [a.yaml, b.yaml]\nruns: 3\n");
        StudyDefinition.Loaded loaded = StudyDefinition.load(f);
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> loaded.definition().resolve(dir));
        String name = ScenarioLoader.load(baseline).name();
        assertEquals(
                List.of("scenarios: two scenario files are named '" + name + "'; give each a distinct name (its name:"
                        + " field)"),
                e.errors().stream().map(ValidationError::toString).toList());
    }

    @Test
    void aDesignRangeMustHoldMoreThanOneValueBetweenFiniteNumbers() throws Exception {
        String head = "name: s\nscenarios: [" + BASELINE + "]\nruns: 3\ndesign:\n  vary:\n";
        assertEquals(
                List.of("study.yaml:6:7: design.vary[0]: the range is empty (lo = hi); give lo < hi, or set the value "
                        + "instead of varying it"),
                studyErrors(head + "    - beliefs.leakWeight=2:2\n"));
        assertEquals(
                List.of("study.yaml:6:7: design.vary[0]: 1e400 is not a finite number"),
                studyErrors(head + "    - beliefs.leakWeight=1:1e400\n"));
    }

    @Test
    void settingsThatWouldBeIgnoredAreErrors() throws Exception {
        String head = "name: s\nscenarios: [" + BASELINE + "]\n";
        assertEquals(
                List.of("study.yaml:4:52: design.points: applies to ranges (lo:hi) in a grid, and every varied path "
                        + "here lists its values"),
                studyErrors(head + "runs: 3\ndesign: {vary: ['beliefs.leakWeight=1,2'], points: 5}\n"));
        assertEquals(
                List.of("study.yaml:4:54: until.maxRuns: must be at least the runs of the first block (5), got 2"),
                studyErrors(head + "runs: 5\nuntil: {metric: ban_day, relHalfWidth: 0.1, maxRuns: 2}\n"));
    }

    @Test
    void targetProblemsArePlacedAtTheFieldNotTheItem() throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "targets-h20-2025.yaml"));
        assertEquals(
                List.of("targets.yaml:11:13: targets[3].metric: unknown metric 'ban_dya'; did you mean 'ban_day'?"),
                targetErrors(text.replace("metric: ban_day", "metric: ban_dya")));
        assertEquals(
                List.of("targets.yaml:8:11: targets[1].band: must be [lo, hi] with lo <= hi"),
                targetErrors(text.replace("band: [9, 15]", "band: [15, 9]")));
        assertEquals(
                List.of("targets.yaml:16:13: targets[5].median: expected a number, got 'lots'"),
                targetErrors(text.replace("median: 5.5e9", "median: lots")));
    }

    @Test
    void targetsAreFiniteValuesTheMetricCanTakeAndOnePerMetric() throws Exception {
        String text = Files.readString(Path.of("..", "scenarios", "targets-h20-2025.yaml"));
        assertEquals(
                List.of("targets.yaml:6:13: targets[0].median: must be a finite number, not Infinity"),
                targetErrors(text.replace("median: 1000000", "median: 1e400")));
        assertEquals(
                List.of("targets.yaml:8:12: targets[1].band[0]: must be a finite number, not -Infinity"),
                targetErrors(text.replace("band: [9, 15]", "band: [-1e999, 15]")));
        assertEquals(
                List.of("targets.yaml:6:13: targets[0].median: must be 0 or more (the values requested_units takes), "
                        + "got -5.000"),
                targetErrors(text.replace("median: 1000000", "median: -5")));
        assertEquals(
                List.of("targets.yaml:6:17: targets[0].band[1]: must be from 0 to 1 (the values shipped_share takes), "
                        + "got 1.200"),
                targetErrors(text.replace(
                        "metric: requested_units\n    median: 1000000",
                        "metric: shipped_share\n    band: [0.8, 1.2]")));
        assertEquals(
                List.of("targets.yaml:11:13: targets[3].metric: 'requested_months' has a target already (targets[1])"),
                targetErrors(text.replace("metric: ban_day", "metric: requested_months")));
        assertEquals(
                List.of("targets.yaml:7:13: targets[0].weight: must be a finite number > 0"),
                targetErrors(text.replace("median: 1000000", "median: 1000000\n    weight: 1e999")));
        List<Path> shipped;
        try (var files = Files.walk(Path.of("..", "scenarios"))) {
            shipped = files.filter(f -> f.getFileName().toString().contains("targets"))
                    .toList();
        }
        assertEquals(5, shipped.size(), shipped.toString());
        for (Path f : shipped) {
            assertDoesNotThrow(() -> CalibrationTargets.load(f), "the shipped targets are all valid: " + f);
        }
    }
}
