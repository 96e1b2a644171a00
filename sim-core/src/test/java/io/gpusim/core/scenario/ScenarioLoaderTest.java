package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
    static final Path BASELINE = Path.of("..", "scenarios", "h20-2025.yaml");

    @TempDir
    Path dir;

    private String baselineText() throws IOException {
        return Files.readString(BASELINE);
    }

    private List<ValidationError> errorsOf(String text) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, "s.yaml"));
        return e.errors();
    }

    private static String joined(List<ValidationError> errors) {
        return errors.stream().map(ValidationError::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void loadsEveryShippedScenario() throws Exception {
        try (var files = Files.list(BASELINE.getParent())) {
            List<Path> yamls = files.filter(p -> p.toString().endsWith(".yaml"))
                    .filter(p -> !p.getFileName().toString().startsWith("targets-"))
                    .sorted()
                    .toList();
            assertTrue(yamls.size() >= 5, "expected the baseline and four counterfactuals, found " + yamls);
            for (Path p : yamls) {
                Scenario s = ScenarioLoader.load(p);
                assertFalse(s.hyperscalers().isEmpty(), p.toString());
            }
        }
    }

    @Test
    void baselineHasTheReportedFacts() throws Exception {
        Scenario s = ScenarioLoader.load(BASELINE);
        assertEquals(LocalDate.of(2025, 4, 9), s.regulator().banDate());
        assertEquals(BanMode.DATE, s.regulator().mode());
        assertEquals(7, s.simulation().stepDays());
        assertEquals(
                List.of("ByteDance", "Alibaba", "Tencent", "Others"),
                s.hyperscalers().stream().map(HyperscalerSpec::name).toList());
        assertEquals(1.0, s.products().get(s.productIndex("H20")).relativePerformance());
    }

    @Test
    void unknownFieldIsReportedWithLineColumnAndKnownFields() throws Exception {
        String text = baselineText().replace("  stepDays: 7", "  stepDays: 7\n  stepDayz: 3");
        List<ValidationError> errors = errorsOf(text);
        assertEquals(1, errors.size(), joined(errors));
        ValidationError e = errors.get(0);
        assertEquals("simulation.stepDayz", e.path());
        assertTrue(e.message().startsWith("unknown field 'stepDayz'"), e.message());
        assertTrue(e.message().contains("stepDays"), e.message());
        assertTrue(e.line() > 0, "line should be known: " + e);
    }

    @Test
    void everyRangeProblemIsReportedNotJustTheFirst() throws Exception {
        String text = baselineText()
                .replace("demandUnitsPerWeek: 5700", "demandUnitsPerWeek: -5")
                .replace("holdingCostPerYear: 0.5 ", "holdingCostPerYear: 0 ")
                .replace("writedownShare: 1.0", "writedownShare: 1.5");
        List<ValidationError> errors = errorsOf(text);
        String all = joined(errors);
        assertTrue(all.contains("hyperscalers[0].demandUnitsPerWeek: must be > 0"), all);
        assertTrue(all.contains("hyperscalers[0].holdingCostPerYear"), all);
        assertTrue(all.contains("vendor.writedownShare: must be between 0 and 1, got 1.5"), all);
        ValidationError first = errors.stream()
                .filter(e -> e.path().equals("hyperscalers[0].demandUnitsPerWeek"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                first.toString().startsWith("s.yaml:" + lineOf(text, "demandUnitsPerWeek: -5") + ":"),
                first.toString());
    }

    @Test
    void missingRequiredFieldNamesIt() throws Exception {
        String text = baselineText().replace("  forecastSmoothing: 0.05 ", "  # forecastSmoothing removed ");
        String all = joined(errorsOf(text));
        assertTrue(all.contains("vendor.forecastSmoothing: is required"), all);
    }

    @Test
    void endBeforeStartAndBanOutsideHorizonAreErrors() throws Exception {
        String text = baselineText().replace("endDate: 2026-06-28", "endDate: 2024-01-01");
        String all = joined(errorsOf(text));
        assertTrue(all.contains("simulation.endDate: must be after simulation.startDate"), all);
        assertTrue(all.contains("regulator.banDate: 2025-04-09 is outside the simulated horizon"), all);
    }

    @Test
    void duplicateNamesAndUndefinedProductsAreErrors() throws Exception {
        String text = baselineText()
                .replace("- name: Alibaba", "- name: ByteDance")
                .replace("  product: H20", "  product: H30");
        String all = joined(errorsOf(text));
        assertTrue(all.contains("hyperscalers[1].name: duplicate hyperscaler name 'ByteDance'"), all);
        assertTrue(all.contains("vendor.product: no product named 'H30' is defined in products"), all);
    }

    @Test
    void wrongTypeAndBadDateAreClearErrors() throws Exception {
        String badNumber = baselineText().replace("demandGrowthPerYear: 0.40", "demandGrowthPerYear: fast");
        ValidationError e = errorsOf(badNumber).get(0);
        assertEquals("hyperscalers[0].demandGrowthPerYear", e.path());
        assertEquals("expected a number, got 'fast'", e.message());
        String badDate = baselineText().replace("banDate: 2025-04-09", "banDate: 2025-13-40");
        ValidationError d = errorsOf(badDate).get(0);
        assertEquals("regulator.banDate", d.path());
        assertEquals("not a date (expected YYYY-MM-DD)", d.message());
    }

    @Test
    void everyWrongTypeIsSaidInTheFilesTerms() throws Exception {
        String base = baselineText();
        String leak = "  leak:\n    probability: 1.0\n    leadDays: 70";
        String[][] cases = {
            {
                "anticipation: true",
                "anticipation: maybe",
                "hyperscalers[0].anticipation: expected true or false, got 'maybe'"
            },
            {"anticipation: true", "anticipation: 2.5", "hyperscalers[0].anticipation: expected true or false, got 2.5"
            },
            {"stepDays: 7", "stepDays: 2.5", "simulation.stepDays: expected a whole number, got 2.5"},
            {"stepDays: 7", "stepDays: weekly", "simulation.stepDays: expected a whole number, got 'weekly'"},
            {
                "stepDays: 7",
                "stepDays: 99999999999",
                "simulation.stepDays: expected a whole number from -2147483648 to 2147483647, got 99999999999"
            },
            {
                "waferStartsPerWeek: 800",
                "waferStartsPerWeek: true",
                "domestic.waferStartsPerWeek: expected a number, got true"
            },
            {
                "waferStartsPerWeek: 800",
                "waferStartsPerWeek: [1, 2]",
                "domestic.waferStartsPerWeek: expected a number, got a list"
            },
            {"banDate: 2025-04-09", "banDate: 2025-02-30", "regulator.banDate: not a real date: February has no day 30"
            },
            {"banDate: 2025-04-09", "banDate: 2025-04-31", "regulator.banDate: not a real date: April has no day 31"},
            {
                "banDate: 2025-04-09",
                "banDate: 2025-02-29",
                "regulator.banDate: not a real date: 2025 is not a leap year, so February has no day 29"
            },
            {"banDate: 2025-04-09", "banDate: 2025/02/03", "regulator.banDate: not a date (expected YYYY-MM-DD)"},
            {
                "banDate: 2025-04-09",
                "banDate: 20250409",
                "regulator.banDate: not a date (expected YYYY-MM-DD), got 20250409"
            },
            {
                "mode: DATE",
                "mode: sometimes",
                "regulator.mode: expected one of NONE, DATE, HAZARD, THRESHOLD, got 'sometimes'"
            },
            {"allocation: PROPORTIONAL", "allocation: 1", "vendor.allocation: expected one of PROPORTIONAL, FIFO, got 1"
            },
            {"buyers: [Tencent]", "buyers: {Tencent: 1}", "demandShocks[1].buyers: expected a list, got a mapping"},
            {"buyers: [Tencent]", "buyers: Tencent", "demandShocks[1].buyers: expected a list, got 'Tencent'"},
            {"buyers: [Tencent]", "buyers: [~]", "demandShocks[1].buyers[0]: empty list item"},
            {leak, "  leak: 70", "regulator.leak: expected a mapping of fields, got 70"},
            {"name: h20-2025", "name: [h20, 2025]", "name: expected text, got a list"},
            {
                "    - 2022-10-07 ",
                "    - {date: 2022-10-07} ",
                "regulator.history[0]: not a date (expected YYYY-MM-DD), got a mapping"
            },
        };
        for (String[] c : cases) {
            assertTrue(base.contains(c[0]), c[0]);
            List<ValidationError> errors = errorsOf(base.replaceFirst(
                    java.util.regex.Pattern.quote(c[0]), java.util.regex.Matcher.quoteReplacement(c[1])));
            assertEquals(1, errors.size(), joined(errors));
            ValidationError e = errors.get(0);
            assertEquals(c[2], e.path() + ": " + e.message());
            assertTrue(e.line() > 0, e.toString());
        }
    }

    @Test
    void everyTypeProblemIsReportedAtOnce() throws Exception {
        String text = baselineText()
                .replace("stepDays: 7", "stepDays: weekly")
                .replace("mode: DATE", "mode: often")
                .replace("  graceDays: 0", "  graceDayz: 0");
        String all = joined(errorsOf(text));
        assertTrue(all.contains("simulation.stepDays: expected a whole number"), all);
        assertTrue(all.contains("regulator.mode: expected one of"), all);
        assertTrue(all.contains("regulator.graceDayz: unknown field 'graceDayz'; did you mean 'graceDays'?"), all);
    }

    @Test
    void aMisspeltFieldHoldingAMappingOrListIsReportedAtItsOwnLine() throws Exception {
        String leek = baselineText().replace("  leak:\n    probability", "  leek:\n    probability");
        ValidationError e = errorsOf(leek).get(0);
        assertEquals("regulator.leek", e.path());
        assertEquals(lineOf(leek, "  leek:"), e.line(), e.toString());
        assertEquals(3, e.column(), e.toString());
        String roadmap = baselineText().replace("  roadmap:\n", "  roadmapp:\n");
        ValidationError r = errorsOf(roadmap).get(0);
        assertEquals("unknown field 'roadmapp'; did you mean 'roadmap'?", r.message());
        assertEquals(lineOf(roadmap, "  roadmapp:"), r.line(), r.toString());
        String item =
                baselineText().replace("  - name: Tencent\n", "  - name: Tencent\n    anticipaton:\n      x: 1\n");
        ValidationError i = errorsOf(item).get(0);
        assertEquals("hyperscalers[2].anticipaton", i.path());
        assertEquals(lineOf(item, "    anticipaton:"), i.line(), i.toString());
    }

    @Test
    void unknownFieldFarFromEveryKnownOneListsThem() throws Exception {
        String text = baselineText().replace("  graceDays: 0", "  graceDays: 0\n  frobnicate: 1");
        ValidationError e = errorsOf(text).get(0);
        assertEquals(
                "unknown field 'frobnicate'; known fields: banDate, banProducts, graceDays, hazard, history, leak, "
                        + "licences, mode, reversal, thresholds",
                e.message());
    }

    @Test
    void syntaxErrorGivesLineAndNoPath() {
        List<ValidationError> errors = errorsOf("name: x\nsimulation: [unclosed\n");
        assertEquals(1, errors.size());
        assertTrue(
                errors.get(0).message().startsWith("syntax error"),
                errors.get(0).toString());
        assertTrue(errors.get(0).line() > 0);
    }

    @Test
    void emptyAndNonMappingFilesAreRejected() {
        assertEquals("the file is empty", errorsOf("").get(0).message());
        assertTrue(errorsOf("- a\n- b\n").get(0).message().contains("mapping"));
    }

    @Test
    void emptyAndNonMappingFilesAreOneClearErrorAtEveryEntryPoint() throws Exception {
        String[][] cases = {
            {"empty", "", "the file is empty"},
            {"comment", "# nothing yet\n", "the file is empty"},
            {"marker", "---\n", "the file is empty"},
            {"markers-and-comments", "# nothing yet\n--- # a document\n# still nothing\n...\n", "the file is empty"},
            {"empty-text", "--- ''\n", "the top level must be a mapping of scenario fields, not a single value"},
            {"list", "- 1\n", "the top level must be a mapping of scenario fields, not a list"},
            {"number", "3\n", "the top level must be a mapping of scenario fields, not a single value"},
        };
        for (String[] c : cases) {
            Path f = dir.resolve(c[0] + ".yaml");
            Files.writeString(f, c[1]);
            String expected = f + ": " + c[2];
            assertEquals(expected, single(() -> ScenarioLoader.load(f)), c[0]);
            assertEquals(expected, single(() -> ScenarioTemplate.load(f)), c[0]);
            assertEquals("s.yaml: " + c[2], single(() -> ScenarioLoader.parse(c[1], "s.yaml")), c[0]);
            assertEquals(
                    expected.replace("scenario fields", "fields"),
                    single(() -> ScenarioLoader.loadFile(f, SimulationSpec.class, new java.util.HashMap<>())),
                    c[0]);
            Path child = dir.resolve("child-of-" + c[0] + ".yaml");
            Files.writeString(child, "extends: " + f.getFileName() + "\nname: child\n");
            String viaExtends = single(() -> ScenarioLoader.load(child));
            assertTrue(viaExtends.endsWith(f.getFileName() + ": " + c[2]), viaExtends);
        }
    }

    @Test
    void notUtf8IsOneErrorAtTheBadByte() throws Exception {
        byte[] text = "name: x\nsimulation:\n  startDate: 2024-\u00e901-01\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[text.length + 2];
        int at = "name: x\nsimulation:\n  startDate: 2024-\u00e9".getBytes(StandardCharsets.UTF_8).length;
        System.arraycopy(text, 0, bad, 0, at);
        bad[at] = (byte) 0xff;
        bad[at + 1] = (byte) 0xfe;
        System.arraycopy(text, at, bad, at + 2, text.length - at);
        Path f = dir.resolve("latin.yaml");
        Files.write(f, bad);
        assertEquals(
                f + ":3:20: not UTF-8 text: invalid byte 0xFF at line 3, column 20",
                single(() -> ScenarioLoader.load(f)));
        assertEquals(
                f + ":3:20: not UTF-8 text: invalid byte 0xFF at line 3, column 20",
                single(() -> ScenarioLoader.loadFile(f, SimulationSpec.class, new java.util.HashMap<>())));
        Files.write(f, new byte[] {(byte) 0xff, (byte) 0xfe, 'n', 0, 'a', 0});
        assertEquals(
                f + ":1:1: not UTF-8 text: invalid byte 0xFF at line 1, column 1",
                single(() -> ScenarioTemplate.load(f)));
    }

    @Test
    void textBeyondAsciiIsReadAsWritten() throws Exception {
        String name = "h20 caf\u00e9 \u6607\u817e";
        String text = Files.readString(BASELINE).replace("\nname: h20-2025\n", "\nname: \"" + name + "\"\n");
        Path f = dir.resolve("utf8.yaml");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        assertEquals(name, ScenarioLoader.load(f).name());
        assertEquals("h20-2025", ScenarioLoader.load(BASELINE).name(), "and plain ASCII as it stands");
    }

    /** The one error the call throws, as printed. */
    private static String single(org.junit.jupiter.api.function.Executable call) {
        ScenarioException e = assertThrows(ScenarioException.class, call);
        assertEquals(1, e.errors().size(), e.getMessage());
        return e.errors().get(0).toString();
    }

    @Test
    void missingFileIsOneClearError() {
        ScenarioException e =
                assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("nope.yaml")));
        assertTrue(e.getMessage().endsWith("nope.yaml: file not found"), e.getMessage());
    }

    @Test
    void extendsMergesObjectsAndNamedListsByName() throws Exception {
        Path base = dir.resolve("base.yaml");
        Files.writeString(base, baselineText());
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, """
                extends: base.yaml
                name: child
                regulator:
                  banDate: 2025-06-01
                hyperscalers:
                  - name: Tencent
                    anticipation: false
                """);
        Scenario s = ScenarioLoader.load(child);
        assertEquals("child", s.name());
        assertEquals(LocalDate.of(2025, 6, 1), s.regulator().banDate());
        assertEquals(70, s.regulator().leak().leadDays(), "unlisted fields come from the base");
        assertEquals(4, s.hyperscalers().size());
        assertFalse(s.hyperscalers().get(2).anticipation());
        assertTrue(s.hyperscalers().get(0).anticipation());
        assertEquals(3150.0, s.hyperscalers().get(2).demandUnitsPerWeek());
    }

    @Test
    void aNewBuyerNeedsFourFieldsTheRestAreDefaults() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), baselineText());
        Path child = dir.resolve("baidu.yaml");
        Files.writeString(child, """
                extends: base.yaml
                name: with-baidu
                hyperscalers:
                  - name: Baidu
                    demandUnitsPerWeek: 1500
                    demandGrowthPerYear: 0.4
                    budgetUsdPerYear: 4.0e9
                """);
        Scenario s = ScenarioLoader.load(child);
        HyperscalerSpec baidu = s.hyperscalers().get(4);
        assertEquals("Baidu", baidu.name());
        assertEquals(0.5, baidu.shortageCostMultiple());
        assertEquals(4, baidu.minLeadWeeks());
        assertEquals(3.0, baidu.switchingSensitivity());
        assertTrue(baidu.anticipation());
        assertEquals(0.5, Defaults.declared(HyperscalerSpec.class, "shortageCostMultiple"));
    }

    @Test
    void aBuyerCanStartLikeAnotherAndChangeWhatItNames() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), baselineText());
        Path child = dir.resolve("baidu.yaml");
        Files.writeString(child, """
                extends: base.yaml
                name: with-baidu
                hyperscalers:
                  - name: Baidu
                    like: Tencent
                    demandUnitsPerWeek: 1500
                """);
        Scenario s = ScenarioLoader.load(child);
        HyperscalerSpec tencent = s.hyperscalers().get(2);
        HyperscalerSpec baidu = s.hyperscalers().get(4);
        assertEquals("Baidu", baidu.name());
        assertEquals(1500.0, baidu.demandUnitsPerWeek());
        assertEquals(tencent.budgetUsdPerYear(), baidu.budgetUsdPerYear());
        assertEquals(tencent.shortageCostMultiple(), baidu.shortageCostMultiple());
        assertEquals(3150.0, tencent.demandUnitsPerWeek(), "the item copied from is unchanged");
        // The same in one file, and a chain of likes.
        Scenario chained = ScenarioLoader.parse(
                baselineText()
                        .replace(
                                "\nvendor:\n",
                                "\n  - {name: A, like: B, budgetUsdPerYear: 1.0e9}\n"
                                        + "  - {name: B, like: Alibaba, demandUnitsPerWeek: 100}\nvendor:\n"),
                "s.yaml");
        assertEquals(100.0, chained.hyperscalers().get(4).demandUnitsPerWeek());
        assertEquals(1.0e9, chained.hyperscalers().get(4).budgetUsdPerYear());
        assertEquals(1.0e10, chained.hyperscalers().get(5).budgetUsdPerYear());
    }

    @Test
    void aLikeThatNamesNoItemIsAnErrorAtItsLine() throws Exception {
        String text = baselineText().replace("\nvendor:\n", "\n  - name: Baidu\n    like: Tencnet\nvendor:\n");
        List<ValidationError> errors = errorsOf(text);
        assertEquals(1, errors.size(), joined(errors));
        assertEquals(
                "s.yaml:" + lineOf(text, "like: Tencnet") + ":11: hyperscalers[4].like: no item named 'Tencnet'; did "
                        + "you mean 'Tencent'? in hyperscalers",
                errors.get(0).toString());
        String self =
                baselineText().replace("\nvendor:\n", "\n  - {name: X, like: X}\n  - {name: Y, like: Z}\nvendor:\n");
        String all = joined(errorsOf(self));
        assertTrue(all.contains("hyperscalers[4].like: an item cannot be like itself"), all);
        assertTrue(all.contains("hyperscalers[5].like: no item named 'Z'; items: ByteDance, Alibaba, Tencent"), all);
    }

    @Test
    void anEmptyListThatWouldMeanEveryoneIsAnErrorAtItsPlace() throws Exception {
        String text = baselineText()
                .replace("    buyers: [Tencent]", "    buyers: []")
                .replace("  mode: DATE", "  mode: DATE\n  banProducts: []");
        int shock = lineOf(text, "buyers: []");
        int ban = lineOf(text, "banProducts: []");
        assertEquals(
                List.of(
                        "s.yaml:" + shock + ":13: demandShocks[1].buyers: list at least one hyperscaler, or leave the "
                                + "field out for all",
                        "s.yaml:" + ban + ":16: regulator.banProducts: list at least one product, or leave the field "
                                + "out for the primary product"),
                errorsOf(text).stream().map(ValidationError::toString).toList());
    }

    @Test
    void aBuyerThatAnAggregateAlreadyNamesIsWarnedOf() throws Exception {
        Path file = dir.resolve("baidu.yaml");
        Files.writeString(file, baselineText().replace("\nvendor:\n", "\n  - {name: Baidu, like: Tencent}\nvendor:\n"));
        List<ValidationError> warnings = ScenarioTemplate.load(file).warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        String w = warnings.get(0).toString();
        assertTrue(w.startsWith(file + ":" + lineOf(Files.readString(file), "name: Baidu")), w);
        assertTrue(w.contains("hyperscalers[4].name: warning: 'Baidu' is also part of 'Others'"), w);
        assertTrue(w.contains("counted twice"), w);
        assertEquals(List.of(), ScenarioTemplate.load(BASELINE).warnings(), "the baseline has none");
    }

    @Test
    void aModeSwitchedByAnOverrideWarnsOfTheFieldsItLeavesUnused() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        List<ValidationError> none = t.warnings(List.of(ScenarioOverride.parse("regulator.mode=NONE", "--set")));
        assertEquals(1, none.size(), none.toString());
        String w = none.get(0).toString();
        // the warning is about the file's banDate, so it is placed at the file's line
        assertTrue(w.startsWith(BASELINE + ":" + lineOf(Files.readString(BASELINE), "  banDate:") + ":"), w);
        assertTrue(w.contains("regulator.banDate: warning: mode NONE never bans, so banDate is ignored"), w);

        List<ValidationError> given = t.warnings(List.of(
                ScenarioOverride.parse("regulator.mode=NONE", "--set"),
                ScenarioOverride.parse("regulator.banDate=2025-05-01", "--set")));
        assertEquals(1, given.size(), given.toString());
        // a value the override gave is placed at the override
        assertTrue(
                given.get(0).toString().startsWith("--set regulator.banDate=2025-05-01: regulator.banDate: warning:"),
                given.get(0).toString());
        assertEquals(List.of(), t.warnings(List.of(ScenarioOverride.parse("regulator.mode=DATE", "--set"))));
    }

    @Test
    void extendsCycleIsAnError() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\nname: a\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\nname: b\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir.resolve("a.yaml")));
        assertTrue(e.getMessage().contains("extends forms a cycle"), e.getMessage());
    }

    @Test
    void errorInChildFileNamesTheChild() throws Exception {
        Files.writeString(dir.resolve("base.yaml"), baselineText());
        Path child = dir.resolve("child.yaml");
        Files.writeString(child, "extends: base.yaml\nvendor:\n  safetyStockWeeks: -1\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).toString().startsWith(child + ":3:"), e.getMessage());
    }

    @Test
    void jsonIsAcceptedToo() throws Exception {
        String json = ScenarioLoader.jsonMapper().writeValueAsString(ScenarioLoader.load(BASELINE));
        Scenario again = ScenarioLoader.parse(json, "s.json");
        assertEquals(ScenarioLoader.load(BASELINE), again);
    }

    @Test
    void aScenarioWrittenOutReadsBackLeavingOutEmptyListsThatWouldMeanEveryone() throws Exception {
        // As calibrate writes calibrated.yaml: a list left out must not come back as an empty one, an error.
        String yaml = ScenarioLoader.yamlMapper().writeValueAsString(ScenarioLoader.load(BASELINE));
        assertFalse(yaml.contains("buyers: []") || yaml.contains("banProducts: []"), yaml);
        assertEquals(ScenarioLoader.load(BASELINE), ScenarioLoader.parse(yaml, "s.yaml"));
    }

    private static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new AssertionError("not found: " + needle);
    }
}
