package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario files that extend others, where their values and errors are placed, and the template made of them. */
class ScenarioFilesTest {
    static final Path BASELINE = Path.of("..", "scenarios", "h20-2025.yaml");

    @TempDir
    Path dir;

    /** A file's name as the loader shows a file it reached through {@code extends:}: relative to the working directory. */
    private static String shown(Path file) {
        return Path.of("").toAbsolutePath().relativize(file.toAbsolutePath()).toString();
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    private static List<String> errors(ScenarioException e) {
        return e.errors().stream().map(ValidationError::toString).toList();
    }

    @Test
    void valuesAreLocatedWhereTheyStartAndBlocksAtTheirKey() throws Exception {
        Map<String, SourceLocation> at = new HashMap<>();
        ScenarioLoader.readTree("a:\n  b: 1\nc: [1, {e: 2}]\nd:\n  - x\n", "t.yaml", at);
        assertEquals(
                Map.of(
                        "", new SourceLocation("t.yaml", 1, 1),
                        "a", new SourceLocation("t.yaml", 1, 1),
                        "a.b", new SourceLocation("t.yaml", 2, 6),
                        "c", new SourceLocation("t.yaml", 3, 4),
                        "c[0]", new SourceLocation("t.yaml", 3, 5),
                        "c[1]", new SourceLocation("t.yaml", 3, 8),
                        "c[1].e", new SourceLocation("t.yaml", 3, 12),
                        "d", new SourceLocation("t.yaml", 4, 1),
                        "d[0]", new SourceLocation("t.yaml", 5, 5)),
                at);
    }

    @Test
    void anErrorIsPlacedAtItsPathOrItsDeepestKnownAncestor() {
        Map<String, SourceLocation> at = Map.of(
                "", new SourceLocation("t.yaml", 1, 1),
                "a", new SourceLocation("t.yaml", 2, 3),
                "a.b[1]", new SourceLocation("u.yaml", 5, 7));
        ValidationError exact = new ValidationError("s.yaml", 0, 0, "a.b[1]", "m");
        assertEquals(new ValidationError("u.yaml", 5, 7, "a.b[1]", "m"), ScenarioLoader.locate(exact, at));
        assertEquals(
                new ValidationError("u.yaml", 5, 7, "a.b[1].c.d", "m"),
                ScenarioLoader.locate(new ValidationError("s.yaml", 0, 0, "a.b[1].c.d", "m"), at));
        assertEquals(
                new ValidationError("t.yaml", 2, 3, "a.b[0]", "m"),
                ScenarioLoader.locate(new ValidationError("s.yaml", 0, 0, "a.b[0]", "m"), at));
        ValidationError unknown = new ValidationError("s.yaml", 0, 0, "x.y", "m");
        assertSame(unknown, ScenarioLoader.locate(unknown, at));
        ValidationError item = new ValidationError("s.yaml", 0, 0, "[0]", "m");
        assertSame(item, ScenarioLoader.locate(item, at));
        ValidationError placed = new ValidationError("s.yaml", 3, 0, "a", "m");
        assertSame(placed, ScenarioLoader.locate(placed, at));
        ValidationError noPath = new ValidationError("s.yaml", 0, 0, null, "m");
        assertSame(noPath, ScenarioLoader.locate(noPath, at));
    }

    @Test
    void namedItemsOfAnExtendingFileAreLocatedInItUnderTheirMergedIndex() throws Exception {
        write("base.yaml", Files.readString(BASELINE));
        Path child = write("child.yaml", """
                extends: base.yaml
                hyperscalers:
                  - name: Tencent
                    anticipation: maybe
                  - name: Baidu
                    like: Tencent
                    anticipation: perhaps
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child));
        assertEquals(
                List.of(
                        child + ":4:19: hyperscalers[2].anticipation: expected true or false, got 'maybe'",
                        child + ":7:19: hyperscalers[4].anticipation: expected true or false, got 'perhaps'"),
                errors(e));
    }

    @Test
    void extendsMustNameAFile() throws Exception {
        Path list = write("list.yaml", "name: x\nextends: [a.yaml]\n");
        assertEquals(
                List.of(list + ":2:10: extends: must be the path of another scenario file"),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(list))));
        Path blank = write("blank.yaml", "extends: '  '\n");
        assertEquals(
                List.of(blank + ":1:10: extends: must be the path of another scenario file"),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(blank))));
    }

    @Test
    void aMissingBaseIsReportedAtTheExtendsThatNamesIt() throws Exception {
        Path child = write("child.yaml", "name: child\nextends: nothere.yaml\n");
        assertEquals(
                List.of(child + ":2:10: extends: file not found: " + shown(dir.resolve("nothere.yaml"))),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child))));
        Files.createDirectory(dir.resolve("folder"));
        Path folder = write("folder.yaml", "extends: folder\n");
        assertEquals(
                List.of(folder + ":1:10: extends: is a directory, not a file: " + shown(dir.resolve("folder"))),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(folder))));
    }

    @Test
    void anErrorInsideAValueThatReplacesTheBasesIsPlacedInTheExtendingFile() throws Exception {
        write("base.yaml", Files.readString(BASELINE));
        // vendor.capacity is an unnamed list: the child's list replaces the base's whole, so the base's locations of
        // its items' fields no longer apply
        Path child = write("child.yaml", """
                extends: base.yaml
                name: child
                vendor:
                  capacity:
                    - {date: 2024-04-01}
                """);
        assertEquals(
                List.of(child + ":5:7: vendor.capacity[0].unitsPerMonth: is required"),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child))));
    }

    @Test
    void replacedPathsAreTheValuesAMergeDoesNotMergeInto() throws Exception {
        Map<String, SourceLocation> unused = new HashMap<>();
        var base = ScenarioLoader.readTree(
                "a: {b: 1, c: [1, 2]}\nl: [{name: x, v: 1}, {name: y, v: 2}]\nk: 3\n", "b.yaml", unused);
        var over = ScenarioLoader.readTree(
                "a: {c: [3]}\nl: [{name: y, v: 5, w: 1}, {name: z, v: 6}]\nn: 4\n", "o.yaml", unused);
        List<String> replaced = new java.util.ArrayList<>();
        ScenarioTrees.replacedPaths(base, over, "", replaced::add);
        // a.c replaced whole, and y's name and v (merged into y by name); y's new w, the new item z and the new
        // field n replace nothing
        assertEquals(List.of("a.c", "l[1].name", "l[1].v"), replaced);
    }

    @Test
    void yamlTheFilesDoNotUseIsNamedAtItsPlace() throws Exception {
        assertEquals(
                List.of("t.yaml:4:1: syntax error: found character 'tab' that cannot start any token. (Do not use tab"
                        + " for indentation)"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.readTree(
                                "name: x\nsimulation:\n  stepDays: 7\n\tstartDate: 2024-04-01\n",
                                "t.yaml",
                                new HashMap<>()))));
        assertEquals(
                List.of("t.yaml:3:1: a scenario file holds one YAML document; a second one starts here (after '---')"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.readTree("name: x\n---\nname: y\n", "t.yaml", new HashMap<>()))));
        assertEquals(
                List.of("t.yaml:2:8: share: not a number gpusim can use: '.nan'; write a finite decimal number"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.readTree("name: x\nshare: .nan\n", "t.yaml", new HashMap<>()))));
        // a value starting with a character YAML reserves: said in plain words, without the parser's tab hint
        assertEquals(
                List.of("t.yaml:2:8: syntax error: a value cannot start with a backtick (YAML reserves it); quote the "
                        + "value"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.readTree("name: x\nnotes: `x`\n", "t.yaml", new HashMap<>()))));
        assertEquals(
                List.of("t.yaml:2:8: syntax error: a value cannot start with '@' (YAML reserves it); quote the value"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.readTree("name: x\nnotes: @x\n", "t.yaml", new HashMap<>()))));
        // a whole number in another base than it seems: YAML reads 030 as octal
        assertEquals(
                List.of("t.yaml:2:12: write whole numbers in decimal: YAML reads '030' as 24"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.readTree("name: x\ngraceDays: 030\n", "t.yaml", new HashMap<>()))));
        // and a value given on its own (--set, a study, the explorer) is read the same way
        for (String text : List.of("030", "0x1E", "*ref")) {
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> ScenarioPaths.parseValue("regulator.graceDays", text));
            assertTrue(
                    e.getMessage().startsWith("regulator.graceDays: cannot read value '" + text + "' ("),
                    e.getMessage());
        }
        assertEquals(30, ScenarioPaths.parseValue("regulator.graceDays", "30").asInt());
        assertEquals(0, ScenarioPaths.parseValue("regulator.graceDays", "0").asInt());
        // an alias would be read as the text of the anchor's name: refused, defined or not
        for (String text : List.of("name: *nope\n", "name: &n x\ndescription: *n\n")) {
            List<String> got = errors(assertThrows(
                    ScenarioException.class, () -> ScenarioLoader.readTree(text, "t.yaml", new HashMap<>())));
            assertEquals(1, got.size(), got::toString);
            assertTrue(
                    got.get(0).matches("t\\.yaml:\\d+:\\d+: YAML aliases \\(\\*(nope|n)\\) are not supported: .*"),
                    got::toString);
        }
    }

    /** The parser's own words would name the class of its event; the error is at the list or mapping. */
    @Test
    void aListOrMappingAsAFieldNameIsNamedAtItsPlace() throws Exception {
        String plain = "a field name must be plain text, not a list or a mapping";
        for (String[] c : new String[][] {
            {"name: x\n? [a, b]\n: 1\n", "t.yaml:2:3: "},
            {"name: x\nb: {{a: 1}: 2}\n", "t.yaml:2:5: "},
            {"name: x\n? - a\n  - b\n: 1\n", "t.yaml:2:3: "},
            {"name: x\n?   a: 1\n: 1\n", "t.yaml:2:5: "}
        }) {
            assertEquals(
                    List.of(c[1] + plain),
                    errors(assertThrows(
                            ScenarioException.class, () -> ScenarioLoader.readTree(c[0], "t.yaml", new HashMap<>()))),
                    c[0]);
        }
    }

    @Test
    void aCycleOfExtendsNamesEveryFileInIt() throws Exception {
        Path a = write("a.yaml", "extends: b.yaml\nname: a\n");
        Path b = write("b.yaml", "extends: a.yaml\nname: b\n");
        String absA = a.toAbsolutePath().normalize().toString();
        String absB = b.toAbsolutePath().normalize().toString();
        assertEquals(
                List.of(shown(a) + ": extends forms a cycle: " + absA + " -> " + absB + " -> " + absA),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a))));
    }

    @Test
    void aValueTheBinderRefusesAfterTheTypeCheckIsPlacedAtItsField() throws Exception {
        String text = Files.readString(BASELINE).replace("startDate: 2024-04-01 ", "startDate: 2024-04-01T");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, "s.yaml"));
        assertEquals(List.of("s.yaml:15:14: simulation.startDate: not a date (expected YYYY-MM-DD)"), errors(e));
    }

    record Item(Integer n) {
        Item {
            if (n != null && n < 0) {
                throw new IllegalArgumentException("n must not be negative");
            }
        }
    }

    record Study(String name, List<Item> items) {}

    @Test
    void anyFileGpusimDefinesIsReadWithTheSameStrictness() throws Exception {
        Path study = write("study.yaml", "name: s\nitems:\n  - {n: 1}\n  - {n: 2}\n");
        Map<String, SourceLocation> at = new HashMap<>();
        assertEquals(
                new Study("s", List.of(new Item(1), new Item(2))), ScenarioLoader.loadFile(study, Study.class, at));
        assertEquals(new SourceLocation(study.toString(), 4, 5), at.get("items[1]"));
        Path refused = write("refused.yaml", "name: s\nitems:\n  - {n: 1}\n  - {n: -2}\n");
        assertEquals(
                List.of(refused + ":4:5: items[1]: invalid value"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.loadFile(refused, Study.class, new HashMap<>()))));
        // a file of another kind is one error, not one per field
        Path other = write("other.yaml", "name: s\nscenarios: [a.yaml]\nruns: 3\nseed: 1\n");
        assertEquals(
                List.of(other + ": scenarios, runs, seed are not fields here; is it another kind of file (a study, a "
                        + "scenario, calibration targets)? known fields: items, name"),
                errors(assertThrows(
                        ScenarioException.class, () -> ScenarioLoader.loadFile(other, Study.class, new HashMap<>()))));
        Path list = write("list.yaml", "- name: s\n");
        assertEquals(
                List.of(list + ": the top level must be a mapping of fields, not a list"),
                errors(assertThrows(
                        ScenarioException.class, () -> ScenarioLoader.loadFile(list, Study.class, new HashMap<>()))));
    }

    @Test
    void aScenarioMustBeAMappingBeforeAnythingInItIsResolved() throws Exception {
        assertEquals(
                List.of("s.yaml: the top level must be a mapping of scenario fields, not a list"),
                errors(assertThrows(
                        ScenarioException.class, () -> ScenarioLoader.parse("- {name: A, like: B}\n", "s.yaml"))));
        assertEquals(
                List.of("t.yaml: the top level must be a mapping of scenario fields, not a single value"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.bind(ScenarioPaths.parseValue("p", "7"), "t.yaml", Map.of()))));
    }

    @Test
    void productsAreFoundByName() throws Exception {
        Scenario s = ScenarioLoader.load(BASELINE);
        assertEquals(0, s.productIndex("H20"));
        assertEquals(2, s.productIndex("Ascend-950"));
        assertEquals(-1, s.productIndex("B30A"));
        assertEquals(
                List.of(List.of("H20", "Nvidia")),
                s.foreignProducts().stream().map(List::of).toList());
    }

    @Test
    void aDirectoryIsNotAScenarioFile() {
        assertEquals(
                List.of(dir + ": is a directory, not a file"),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir))));
    }

    /** The error is where the file wrote the second item, under the path of the item of its name once merged. */
    @Test
    void twoItemsOfOneNameInAnExtendingFileAreAnErrorAtTheSecond() throws Exception {
        write("base.yaml", Files.readString(BASELINE));
        String product = "{name: X1, maker: Nvidia, relativePerformance: 1, memoryBandwidthTBps: 4, "
                + "interconnectGBps: 900, tpp: 2368, unitPriceUsd: 12500, unitCostUsd: 5000, "
                + "firstAvailable: 2024-04-01}";
        Path child = write(
                "child.yaml",
                "extends: base.yaml\n"
                        + "hyperscalers:\n"
                        + "  - {name: Tencent, demandUnitsPerWeek: 100}\n"
                        + "  - {name: Tencent, demandUnitsPerWeek: 200}\n"
                        + "products:\n"
                        + "  - " + product + "\n"
                        + "  - " + product + "\n"
                        + "demandShocks:\n"
                        + "  - {name: DeepSeek-R1, effect: 0.3}\n"
                        + "  - {name: Later, date: 2025-06-01, effect: 0.1}\n"
                        + "  - {name: DeepSeek-R1, effect: 0.5}\n");
        assertEquals(
                List.of(
                        child + ":4:12: hyperscalers[2].name: duplicate hyperscaler name 'Tencent'",
                        child + ":7:12: products[3].name: duplicate product name 'X1'",
                        child + ":11:12: demandShocks[0].name: duplicate demand shock name 'DeepSeek-R1'"),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child))));
    }

    @Test
    void likeOnAnItemTheBaseAlreadyHasIsAnError() throws Exception {
        write("base.yaml", Files.readString(BASELINE));
        Path child = write(
                "child.yaml",
                "extends: base.yaml\n"
                        + "hyperscalers:\n"
                        + "  - {name: Baidu, like: Tencent, demandUnitsPerWeek: 1500}\n"
                        + "  - name: Tencent\n"
                        + "    like: Alibaba\n");
        assertEquals(
                List.of(child + ":5:11: hyperscalers[2].like: like copies an item to make a new one, and 'Tencent' is "
                        + "already in the base file; write only the fields to change, without like"),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child))));
    }

    @Test
    void aFileTooLargeToReadIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("big.yaml");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(ScenarioLoader.MAX_FILE_BYTES + 1L); // sparse: no disk and no memory for its zeros
        }
        String tooLarge = "file larger than 16 MiB, the most gpusim reads as input";
        assertEquals(
                List.of(big + ": " + tooLarge),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(big))));
        assertEquals(
                List.of(big + ": " + tooLarge),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> ScenarioLoader.loadFile(big, SimulationSpec.class, new HashMap<>()))));
        Path child = write("child.yaml", "extends: big.yaml\n");
        assertEquals(
                List.of(child + ":1:10: extends: " + tooLarge + ": " + shown(big)),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child))));
    }

    @Test
    void aDeviceOrAPipeIsNotReadAsAFile() throws Exception {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "a system with /dev/zero");
        String notRegular = "not a regular file (a device, a pipe or a socket)";
        assertEquals(
                List.of(zero + ": " + notRegular),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(zero))));
        Path child = write("child.yaml", "extends: /dev/zero\n");
        assertEquals(
                List.of(child + ":1:10: extends: " + notRegular + ": " + shown(zero)),
                errors(assertThrows(ScenarioException.class, () -> ScenarioLoader.load(child))));
        // a pipe nothing writes to would be waited on for ever
        Path fifo = dir.resolve("fifo.yaml");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo");
        assertEquals(
                List.of(fifo + ": " + notRegular),
                errors(assertTimeoutPreemptively(
                        Duration.ofSeconds(10),
                        () -> assertThrows(ScenarioException.class, () -> ScenarioLoader.load(fifo)))));
    }

    @Test
    void theTemplateListsAndHashesEveryFileThatContributed() throws Exception {
        write("z-base.yaml", Files.readString(BASELINE));
        write("a-mid.yaml", "extends: z-base.yaml\nsimulation:\n  stepDays: 14\n");
        Path child = write("child.yaml", "extends: a-mid.yaml\nname: child\n");
        ScenarioTemplate t = ScenarioTemplate.load(child);
        String base = shown(dir.resolve("z-base.yaml"));
        String mid = shown(dir.resolve("a-mid.yaml"));
        assertEquals(child, t.file());
        assertEquals(List.of(child, Path.of(mid), Path.of(base)), t.files(), "the extended files sorted by name");
        assertEquals("child", t.with(List.of()).name());
        assertEquals(14, t.with(List.of()).simulation().stepDays());
        Map<String, String> hashes = t.fileHashes();
        assertEquals(List.of(child.toString(), mid, base), List.copyOf(hashes.keySet()));
        // sha256sum of "extends: a-mid.yaml\nname: child\n"
        assertEquals("778674bf078eb0ffd63bc13af9cb675ceba4cf4625cf19d7734d40928152c0e0", hashes.get(child.toString()));
        Files.delete(dir.resolve("a-mid.yaml"));
        assertEquals("unreadable: " + mid, t.fileHashes().get(mid));
    }

    @Test
    void theScenarioAsWrittenIsBoundOnce() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        Scenario asWritten = t.with(List.of());
        assertSame(asWritten, t.with(List.of()));
        Scenario changed = t.with(List.of(ScenarioOverride.parse("simulation.stepDays=14")));
        assertEquals(14, changed.simulation().stepDays());
        assertEquals(7, t.with(List.of()).simulation().stepDays());
    }

    @Test
    void everyBadOverrideIsReportedAndNothingElse() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        ScenarioException e = assertThrows(
                ScenarioException.class,
                () -> t.with(List.of(
                        ScenarioOverride.parse("simulation.stepDayz=3"),
                        ScenarioOverride.parse("simulation.stepDays=0"),
                        ScenarioOverride.parse("simulation.startDate=20240101"))));
        assertEquals(
                List.of(
                        "set simulation.stepDayz=3: simulation.stepDayz: no field 'stepDayz' in simulation; did you "
                                + "mean 'stepDays'?",
                        "set simulation.startDate=20240101: simulation.startDate: expected a date (YYYY-MM-DD), got "
                                + "20240101"),
                errors(e));
    }

    @Test
    void aFractionForAWholeNumberFieldIsAnErrorNotRounded() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(BASELINE);
        assertEquals(
                List.of(
                        "set simulation.stepDays=7.5: simulation.stepDays: expected a whole number, got 7.5",
                        "set regulator.leak.leadDays=70.7: regulator.leak.leadDays: expected a whole number, got 70.7"),
                errors(assertThrows(
                        ScenarioException.class,
                        () -> t.with(List.of(
                                ScenarioOverride.parse("simulation.stepDays=7.5"),
                                ScenarioOverride.parse("regulator.leak.leadDays=70.7"))))));
        assertEquals(
                8,
                t.with(List.of(ScenarioOverride.parse("simulation.stepDays=8")))
                        .simulation()
                        .stepDays()
                        .intValue());
    }

    @Test
    void errorsAtOrUnderAnOverriddenValueAreTheOverrides() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.load(write("s.yaml", Files.readString(BASELINE)));
        String mapping = "simulation={startDate: 2024-04-01, endDate: 2026-06-28, stepDays: 0}";
        assertEquals(
                List.of("set " + mapping + ": simulation.stepDays: must be between 1 and 91, got 0"),
                errors(assertThrows(ScenarioException.class, () -> t.with(List.of(ScenarioOverride.parse(mapping))))));
        String list = "domestic.yieldCurve=[{date: 2024-09-01, yield: 2}]";
        assertEquals(
                List.of("set " + list + ": domestic.yieldCurve[0].yield: must be between 0 and 1, got 2"),
                errors(assertThrows(ScenarioException.class, () -> t.with(List.of(ScenarioOverride.parse(list))))));
        String end = "simulation.endDate=2025-01-01";
        String outside = " is outside the simulated horizon 2024-04-01 to 2025-01-01";
        assertEquals(
                List.of(
                        t.file() + ":50:11: demandShocks[0].date: 2025-01-20" + outside,
                        t.file() + ":54:11: demandShocks[1].date: 2025-02-15" + outside,
                        t.file() + ":168:12: regulator.banDate: 2025-04-09" + outside),
                errors(assertThrows(ScenarioException.class, () -> t.with(List.of(ScenarioOverride.parse(end))))),
                "an error the override causes elsewhere stays where the file wrote the value");
        String value = "simulation.stepDays=0";
        assertEquals(
                List.of("set " + value + ": simulation.stepDays: must be between 1 and 91, got 0"),
                errors(assertThrows(ScenarioException.class, () -> t.with(List.of(ScenarioOverride.parse(value))))));
    }
}
