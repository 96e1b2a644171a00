package io.gpusim.cli;

import static io.gpusim.cli.CliTest.gpusim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command answers a bad flag value, a bad --set, an --out that is a file, and an empty or non-UTF-8 input file
 * with exit code 2, exactly one line naming the problem in the user's terms, and nothing written.
 */
class BadCommandLineTest {
    static final String B = CliTest.BASELINE;
    static final String T = Path.of("..", "scenarios", "targets-h20-2025.yaml").toString();
    static final String[] SENS = {
        "sensitivity", B, "--vary", "beliefs.leakWeight=1:4", "--runs", "2", "--base-points", "2"
    };
    static final String[] CAL = {
        "calibrate", B, "--targets", T, "--vary", "beliefs.leakWeight=1:4", "--runs", "2", "--max-evals", "10"
    };

    static final String LATE = Path.of("..", "scenarios", "late-ban.yaml").toString();
    static final String SEQUEL =
            Path.of("..", "scenarios", "h20-2025-sequel.yaml").toString();
    static final String[] JOINT = CalibrateCliTest.joint("--runs", "2", "--max-evals", "10");
    static final String[] EPISODES = ValidateEpisodesCliTest.episodes("--runs", "2", "--max-evals", "10");

    @TempDir
    static Path dir;

    /** Joint calibration and the episode check: bad pairs, paths, names and subsets. */
    static List<Arguments> jointCases() {
        List<Arguments> all = new ArrayList<>();
        for (String[] cmd : new String[][] {JOINT, EPISODES}) {
            all.add(Arguments.of(
                    with(cmd, "--set", "regulator.banDat=2025-01-01"),
                    "--set regulator.banDat=2025-01-01: regulator.banDat: no field 'banDat' in regulator"));
            all.add(Arguments.of(with(cmd, "--out", "@FILE"), "--out @FILE exists and is not a directory"));
            all.add(Arguments.of(with(cmd, "--threads", "0"), "--threads must be >= 1, got 0"));
            all.add(Arguments.of(
                    with(cmd, "--pair", "nonsense"),
                    "SCENARIO=TARGETS[@WEIGHT]): 'nonsense': expected [NAME:]SCENARIO=TARGETS[@WEIGHT]"));
            all.add(Arguments.of(
                    with(cmd, "--pair", "c:" + B + "=" + T + "@-1"), "the weight after '@' must be a number > 0"));
            all.add(Arguments.of(with(cmd, "--pair", "c:@EMPTY=" + T), "@EMPTY: the file is empty"));
            all.add(Arguments.of(
                    with(cmd, "--pair", "c:no-such-scenario.yaml=" + T), "no-such-scenario.yaml: file not found"));
            all.add(Arguments.of(
                    with(cmd, "--pair", "c:" + B + "=no-such-targets.yaml"), "no-such-targets.yaml: file not found"));
        }
        String missing = "products[MI308].unitCostUsd=3000:8000";
        all.add(Arguments.of(
                new String[] {"calibrate", "--pair", B + "=" + T, "--pair", "s:" + SEQUEL + "=" + T, "--vary", missing},
                "gpusim calibrate: --vary products[MI308].unitCostUsd: not in " + B
                        + ": products[MI308]: no item named 'MI308'"));
        all.add(Arguments.of(
                new String[] {
                    "validate-episodes",
                    "--pair",
                    "a:" + B + "=" + T,
                    "--pair",
                    "s:" + SEQUEL + "=" + T,
                    "--fit",
                    "s",
                    "--vary",
                    missing
                },
                "gpusim validate-episodes: --vary products[MI308].unitCostUsd: not in 'a' (" + B + ")"));
        all.add(Arguments.of(with(JOINT, "--pair", B + "=" + T), "gpusim calibrate: --pair names 'h20-2025' twice"));
        all.add(Arguments.of(
                with(EPISODES, "--pair", "base:" + LATE + "=" + T),
                "gpusim validate-episodes: --pair names 'base' twice"));
        all.add(Arguments.of(
                with(EPISODES, "--fit", "zzz"),
                "gpusim validate-episodes: --fit names 'zzz', which is not an episode (episodes: base, late)"));
        all.add(Arguments.of(
                with(EPISODES, "--check-runs", "0"), "gpusim validate-episodes: --check-runs must be >= 1, got 0"));
        all.add(Arguments.of(
                with(JOINT, B, "--targets", T),
                "give SCENARIO --targets TARGETS.yaml or --pair SCENARIO=TARGETS, not both"));
        all.add(Arguments.of(
                new String[] {"calibrate", "--vary", "beliefs.leakWeight=1:4"},
                "give SCENARIO --targets TARGETS.yaml, or --pair SCENARIO=TARGETS (repeatable)"));
        all.add(Arguments.of(
                new String[] {"calibrate", B, "--vary", "beliefs.leakWeight=1:4"},
                "SCENARIO needs --targets TARGETS.yaml"));
        return all;
    }

    /** A path varied twice would silently replace its first values: refused wherever --vary is read. */
    static List<Arguments> variedTwiceCases() {
        String p = "regulator.leak.probability";
        String twice = "--vary " + p + " is varied twice; vary each path once";
        return List.of(
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", p + "=0.1,0.2", "--vary", p + "=0.3,0.4"},
                        "gpusim sweep: " + twice),
                Arguments.of(
                        with(SENS, "--vary", "beliefs.leakWeight=2:3"),
                        "gpusim sensitivity: --vary " + "beliefs.leakWeight is varied twice; vary each path once"),
                Arguments.of(
                        new String[] {"sensitivity", B, "--runs", "2", "--vary", p + "=0:1", "--vary", p + "=0:1"},
                        "gpusim sensitivity: " + twice),
                Arguments.of(
                        with(CAL, "--vary", "beliefs.leakWeight=2:3"),
                        "gpusim calibrate: --vary beliefs.leakWeight is varied twice; vary each path once"),
                // one field under two spellings (a list item by name and by index), varied or set and varied
                Arguments.of(
                        new String[] {
                            "sweep",
                            B,
                            "--runs",
                            "2",
                            "--vary",
                            "hyperscalers[Tencent].budgetUsdPerYear=1e10" + ",2e10",
                            "--vary",
                            "hyperscalers[2].budgetUsdPerYear=3e10,4e10"
                        },
                        "gpusim sweep: hyperscalers[2].budgetUsdPerYear: hyperscalers[Tencent].budgetUsdPerYear and "
                                + "hyperscalers[2].budgetUsdPerYear name the same field; give it once"),
                Arguments.of(
                        with(
                                SENS,
                                "--set",
                                "hyperscalers[Tencent].budgetUsdPerYear=1e10",
                                "--vary",
                                "hyperscalers[2].budgetUsdPerYear=1e10:2e10"),
                        "gpusim sensitivity: hyperscalers[2].budgetUsdPerYear: hyperscalers[Tencent].budgetUsdPerYear "
                                + "and hyperscalers[2].budgetUsdPerYear name the same field; give it once"));
    }

    /** A --policy that names no variant, a misspelt path, or a path whose first value would be silently lost. */
    static List<Arguments> policyCases() {
        String[] compare = {"compare", B, "--runs", "2", "--policy"};
        String[] twoPolicies = {"compare", B, "--runs", "2", "--policy", "g:regulator.graceDays=30", "--policy"};
        return List.of(
                Arguments.of(
                        with(compare, "g:regulator.graceDays=30,regulator.graceDays=60"),
                        "gpusim compare: Invalid value for option '--policy' (NAME:PATH=VALUE,...): policy 'g' sets "
                                + "regulator.graceDays twice (regulator.graceDays=30, regulator.graceDays=60); give it "
                                + "once"),
                Arguments.of(
                        with(compare, "g:regulator.graceDay=30"),
                        "gpusim compare: Invalid value for option '--policy' (NAME:PATH=VALUE,...): --policy "
                                + "regulator.graceDay=30: regulator.graceDay: no field 'graceDay' in regulator; did "
                                + "you mean 'graceDays'?"),
                Arguments.of(
                        with(compare, " :regulator.graceDays=30"), "' :regulator.graceDays=30': expected NAME:PATH"),
                Arguments.of(with(compare, "g:regulator.graceDays=30,"), "'': expected PATH=VALUE"),
                Arguments.of(
                        with(twoPolicies, "g:regulator.graceDays=60"),
                        "gpusim compare: --policy 'g' names both variants; give each its own name"));
    }

    /** A path both --set and varied would lose its --set value: refused by every command that varies paths. */
    static List<Arguments> setAndVariedCases() {
        String both = "--vary beliefs.leakWeight is both set and varied; the varied values would replace the set one, "
                + "so give it in one place";
        String[] set = {"--set", "beliefs.leakWeight=2"};
        return List.of(
                Arguments.of(with(SENS, set), "gpusim sensitivity: " + both),
                Arguments.of(with(CAL, set), "gpusim calibrate: " + both),
                Arguments.of(with(JOINT, with(set, "--vary", "beliefs.leakWeight=1:4")), "gpusim calibrate: " + both),
                Arguments.of(
                        with(EPISODES, with(set, "--vary", "beliefs.leakWeight=1:4")),
                        "gpusim validate-episodes: " + both),
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", "beliefs.leakWeight=1:4", "--set", set[1]},
                        "gpusim sweep: " + both));
    }

    /** A design too large to hold in memory is refused before it is built, not with an out-of-memory error. */
    static List<Arguments> tooManyPointsCases() {
        String[] sweep = {"sweep", B, "--runs", "2", "--vary", "beliefs.leakWeight=1:4", "--points"};
        return List.of(
                Arguments.of(
                        with(sweep, "2000000000", "--design", "lhs"),
                        "gpusim sweep: --points must be at most 100,000, got 2,000,000,000"),
                Arguments.of(
                        with(sweep, "1000", "--vary", "vendor.safetyStockWeeks=2:12"),
                        "gpusim sweep: the grid has more than 100,000 points"),
                Arguments.of(
                        new String[] {
                            "sensitivity",
                            B,
                            "--vary",
                            "beliefs.leakWeight=1:4",
                            "--runs",
                            "2",
                            "--base-points",
                            "2000000000"
                        },
                        "gpusim sensitivity: --base-points gives 6,000,000,000 design points (N (k + 2)), more than "
                                + "the 100,000 a design may have"));
    }

    /** Options that would be silently ignored with the others given. */
    static List<Arguments> ignoredOptionCases() {
        return List.of(
                Arguments.of(
                        new String[] {"batch", B, "--runs", "2", "--max-runs", "5"},
                        "gpusim batch: --max-runs needs --until (it caps the replications --until adds)"),
                Arguments.of(
                        new String[] {"batch", B, "--runs", "5", "--max-runs", "2", "--until", "requested_units:0.5"},
                        "gpusim batch: --max-runs must be at least the runs of the first block (5), got 2"),
                Arguments.of(
                        new String[] {"batch", B, "--runs", "2", "--master", "spark://x:7077"},
                        "gpusim batch: --master needs --engine spark"),
                Arguments.of(
                        with(SENS, "--levels", "6"), "gpusim sensitivity: --levels applies to --method morris only"),
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--points", "5", "--vary", "beliefs.leakWeight=1,2"},
                        "gpusim sweep: --points applies to ranges (lo:hi) in a grid, and every varied path here lists "
                                + "its values"),
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--points", "1", "--vary", "beliefs.leakWeight=1:4"},
                        "gpusim sweep: --points must be at least 2 in a grid of ranges, got 1 (one level is the range's "
                                + "middle); set the value instead of varying it"));
    }

    /** A range must hold more than one value, between finite numbers. */
    static List<Arguments> rangeCases() {
        String p = "regulator.leak.probability";
        String[] sens = {"sensitivity", B, "--runs", "2", "--base-points", "8", "--bootstrap", "20", "--vary"};
        return List.of(
                Arguments.of(
                        with(sens, p + "=0.5:0.5"),
                        "'" + p + "=0.5:0.5': the range is empty (lo = hi); give lo < hi, or set the value instead of "
                                + "varying it"),
                Arguments.of(with(sens, "beliefs.leakWeight=1:1e400"), "1e400 is not a finite number"),
                Arguments.of(
                        with(sens, "beliefs.leakWeight=NaN:5"),
                        "'beliefs.leakWeight=NaN:5': NaN is not a finite number"),
                Arguments.of(with(sens, p + "=0.6:0.4"), "'" + p + "=0.6:0.4': the range must have lo < hi"),
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", "regulator.banDate=2025-06-01:2025-06-01"},
                        "the range is empty (lo = hi)"),
                // listed values: a repeated one would run its point twice, an empty one is a slip of the comma
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", "beliefs.leakWeight=1,3,1"},
                        "gpusim sweep: Invalid value for option '--vary' (PATH=v1,v2,...|PATH=lo:hi): "
                                + "'beliefs.leakWeight=1,3,1': 1 is listed twice; list each value once"),
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", "beliefs.leakWeight=1,,2"},
                        "'beliefs.leakWeight=1,,2': a listed value is empty (two commas, or a comma at either end); "
                                + "give values separated by single commas"),
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", "beliefs.leakWeight=1,2,"},
                        "'beliefs.leakWeight=1,2,': a listed value is empty"));
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (String[] cmd : new String[][] {
            {"batch", B, "--runs", "2"},
            {"sweep", B, "--runs", "2", "--vary", "beliefs.leakWeight=1:4"},
            {"compare", B, "--runs", "2", "--policy", "late:regulator.banDate=2025-06-01"},
            SENS,
            CAL,
            {"run", B}
        }) {
            String name = cmd[0];
            all.add(Arguments.of(
                    with(cmd, "--set", "regulator.banDat=2025-01-01"),
                    "--set regulator.banDat=2025-01-01: regulator.banDat: no field 'banDat' in regulator; did you mean "
                            + "'banDate'?"));
            all.add(Arguments.of(
                    with(cmd, "--set", "regulator.banDate=2025-02-30"),
                    "--set regulator.banDate=2025-02-30: regulator.banDate: not a real date: February has no day 30"));
            all.add(Arguments.of(
                    with(cmd, "--set", "hyperscalers[Tencent].anticipation=maybe"),
                    "hyperscalers[2].anticipation: expected true or false, got 'maybe'"));
            all.add(Arguments.of(
                    with(cmd, "--set", "name=no"),
                    "name: expected text, got the boolean false: YAML reads yes/no/on/off/true/false as booleans; quote "
                            + "the text"));
            all.add(Arguments.of(
                    with(cmd, "--set", "hyperscalers[Tencent].anticipation=2"),
                    "--set hyperscalers[Tencent].anticipation=2: hyperscalers[2].anticipation: expected true or false, "
                            + "got 2"));
            all.add(Arguments.of(with(cmd, "--set", "regulator.banDate=[2025"), "cannot read value '[2025'"));
            all.add(Arguments.of(
                    with(cmd, "--set", "simulation.stepDays=7.5"),
                    "--set simulation.stepDays=7.5: simulation.stepDays: expected a whole number, got 7.5"));
            all.add(Arguments.of(
                    with(cmd, "--set", "simulation.stepDays=1e1"),
                    "simulation.stepDays: expected a whole number written without a decimal point or exponent, got "
                            + "10.0 (write 10)"));
            all.add(Arguments.of(
                    with(cmd, "--set", "regulator.graceDays=.nan"),
                    "regulator.graceDays: cannot read value '.nan' (not a number gpusim can use: '.nan'; write a "
                            + "finite decimal number)"));
            all.add(Arguments.of(with(cmd, "--set", "novalue"), "novalue"));
            // only the later value would count
            all.add(Arguments.of(
                    with(cmd, "--set", "regulator.leak.probability=0.2", "--set", "regulator.leak.probability=0.3"),
                    "gpusim " + name + ": --set regulator.leak.probability is given twice "
                            + "(regulator.leak.probability=0.2, regulator.leak.probability=0.3); give it once"));
            all.add(Arguments.of(
                    with(
                            cmd,
                            "--set",
                            "hyperscalers[Tencent].budgetUsdPerYear=1e10",
                            "--set",
                            "hyperscalers[2].budgetUsdPerYear=2e10"),
                    "hyperscalers[2].budgetUsdPerYear: hyperscalers[Tencent].budgetUsdPerYear and "
                            + "hyperscalers[2].budgetUsdPerYear name the same field; give it once"));
            all.add(Arguments.of(with(cmd, "--out", "@FILE"), "--out @FILE exists and is not a directory"));
            all.add(Arguments.of(with(cmd, "--out", ""), "--out must name a directory, not an empty path"));
            all.add(Arguments.of(
                    with(cmd, "--seed", "abc"),
                    "gpusim " + name + ": Invalid value for option '--seed': 'abc' is not a whole number"));
            if (!name.equals("run")) {
                all.add(Arguments.of(with(cmd, "--threads", "0"), "--threads must be >= 1, got 0"));
                all.add(Arguments.of(with(cmd, "--threads", "x"), "'x' is not a whole number"));
            }
            String[] emptyScenario = cmd.clone();
            emptyScenario[1] = "@EMPTY";
            all.add(Arguments.of(emptyScenario, "@EMPTY: the file is empty"));
            String[] notUtf8 = cmd.clone();
            notUtf8[1] = "@LATIN";
            all.add(Arguments.of(notUtf8, "@LATIN:2:11: not UTF-8 text: invalid byte 0xFF at line 2, column 11"));
        }
        all.addAll(jointCases());
        all.add(Arguments.of(new String[] {"batch", B, "--runs", "abc"}, "'abc' is not a whole number"));
        all.add(Arguments.of(
                new String[] {"batch", B, "--runs", "2", "--set", "hyperscalers[0].description=big # note"},
                "gpusim batch: Invalid value for option '--set' (PATH=VALUE): --set hyperscalers[0].description=big "
                        + "# note: hyperscalers[0].description: in 'big # note', '#' starts a YAML comment, so "
                        + "'# note' would be dropped; quote the value to keep it ('\"...\"')"));
        all.add(Arguments.of(
                new String[] {"batch", B, "--runs", "99999999999"},
                "'99999999999' is not a whole number from -2147483648 to 2147483647"));
        all.add(Arguments.of(new String[] {"batch", B, "--runs", "0"}, "--runs must be >= 1, got 0"));
        all.add(Arguments.of(
                new String[] {"sensitivity", B, "--vary", "beliefs.leakWeight=1:4", "--runs", "2", "--bootstrap", "0"},
                "gpusim sensitivity: --bootstrap must be >= 1, got 0"));
        all.add(Arguments.of(
                new String[] {"calibrate", B, "--targets", T, "--vary", "beliefs.leakWeight=1:4", "--max-evals", "3"},
                "gpusim calibrate: --max-evals must be >= 10, got 3"));
        all.add(Arguments.of(
                new String[] {"calibrate", B, "--targets", T, "--vary", "vendor.writedownShare=0.5:1.5"},
                "vary vendor.writedownShare=1.5: vendor.writedownShare: must be between 0 and 1, got 1.5"));
        all.add(Arguments.of(
                new String[] {"calibrate", B, "--targets", "@EMPTY", "--vary", "beliefs.leakWeight=1:4"},
                "@EMPTY: the file is empty"));
        all.add(Arguments.of(
                new String[] {"compare", B, "--runs", "2", "--policy", "a:novalue"}, "'novalue': expected PATH=VALUE"));
        all.addAll(policyCases());
        all.add(Arguments.of(
                new String[] {"compare", B, B, "--runs", "2"},
                "gpusim compare: SCENARIO files give both sides of the comparison the name 'h20-2025'; give the "
                        + "scenarios distinct names"));
        all.add(Arguments.of(
                new String[] {"sweep", B, "--runs", "2", "--dry-run", "--vary", "simulation.stepDays=3.5"},
                "gpusim sweep: Invalid value for option '--vary' (PATH=v1,v2,...|PATH=lo:hi): "
                        + "'simulation.stepDays=3.5': simulation.stepDays: expected a whole number, got 3.5"));
        all.add(
                Arguments.of(
                        new String[] {"sweep", B, "--runs", "2", "--vary", "simulation.stepDays=3.5:9"},
                        "'simulation.stepDays=3.5:9': simulation.stepDays is a whole number, so the range's ends must be whole"));
        all.add(Arguments.of(
                new String[] {"sweep", B, "--runs", "2", "--vary", "hyperscalers[Tencent].anticipation=1,2"},
                "'hyperscalers[Tencent].anticipation=1,2': hyperscalers[Tencent].anticipation: expected true or false, "
                        + "got 1"));
        all.add(Arguments.of(
                new String[] {"sweep", B, "--runs", "2", "--vary", "regulator.banDat=1,2"},
                "regulator.banDat: no field 'banDat' in regulator; did you mean 'banDate'?"));
        all.add(
                Arguments.of(
                        new String[] {"batch", B, "--runs", "2", "--until", "ban_dya:0.1"},
                        "Invalid value for option '--until': 'ban_dya:0.1': unknown metric 'ban_dya'; did you mean 'ban_day'?"));
        all.add(Arguments.of(new String[] {"batch", B}, "gpusim batch: Missing required option: '--runs=<runs>'"));
        all.addAll(variedTwiceCases());
        all.addAll(setAndVariedCases());
        all.addAll(tooManyPointsCases());
        all.addAll(ignoredOptionCases());
        all.addAll(rangeCases());
        all.add(Arguments.of(
                new String[] {"compare", B, B, B, "--runs", "2"},
                "gpusim compare: give two scenario files, or one with --policy; got 3 scenario files"));
        all.add(Arguments.of(new String[] {"study", "@STUDY", "--threads", "0"}, "--threads must be >= 1, got 0"));
        all.add(Arguments.of(
                new String[] {"study", "@STUDY", "--out", "@FILE"}, "--out @FILE exists and is not a directory"));
        all.add(Arguments.of(new String[] {"study", "@STUDY_TO_FILE"}, "output.dir"));
        all.add(Arguments.of(
                new String[] {"study", "@STUDY_TO_NOWHERE"}, "output.dir: must name a directory, not an empty path"));
        all.add(Arguments.of(new String[] {"study", "@EMPTY"}, "@EMPTY: the file is empty"));
        all.add(Arguments.of(new String[] {"study", "@LATIN"}, "@LATIN:2:11: not UTF-8 text"));
        // a file of another kind: one line, not one per field
        String study = Path.of("..", "studies", "ban-timing.yaml").toString();
        all.add(Arguments.of(
                new String[] {"run", study},
                study + ": scenarios, set, design, runs, seed, output are not fields here; is it another kind of file "
                        + "(a study, a scenario, calibration targets)? known fields: beliefs, demandShocks,"));
        String targets = Path.of("..", "scenarios", "targets-h20-2025.yaml").toString();
        all.add(Arguments.of(
                new String[] {"validate", targets},
                targets + ":4:1: targets: unknown field 'targets': a scenario holds no targets; a file of calibration "
                        + "targets is read by calibrate --targets and validate-episodes --pair, not as a scenario"));
        all.add(Arguments.of(
                new String[] {"study", B},
                B + ": description, simulation, products, demandShocks, beliefs, hyperscalers,"));
        // files too large to read whole, refused before they are read: a scenario, a study, calibration targets
        String tooLarge = "@HUGE: file larger than 16 MiB, the most gpusim reads as input";
        all.add(Arguments.of(new String[] {"validate", "@HUGE"}, tooLarge));
        all.add(Arguments.of(new String[] {"study", "@HUGE"}, tooLarge));
        all.add(Arguments.of(
                new String[] {"calibrate", B, "--targets", "@HUGE", "--vary", "beliefs.leakWeight=1:4"}, tooLarge));
        all.add(Arguments.of(
                new String[] {"validate", "@LIST"},
                "@LIST: the top level must be a mapping of scenario " + "fields, not a list"));
        all.add(Arguments.of(
                new String[] {"validate", "@NUMBER"},
                "@NUMBER: the top level must be a mapping of " + "scenario fields, not a single value"));
        return all.stream();
    }

    private static String[] with(String[] cmd, String... more) {
        String[] out = new String[cmd.length + more.length];
        System.arraycopy(cmd, 0, out, 0, cmd.length);
        System.arraycopy(more, 0, out, cmd.length, more.length);
        return out;
    }

    @ParameterizedTest
    @MethodSource("cases")
    void refusedWithOneLineExitTwoAndNothingWritten(String[] args, String expected) throws Exception {
        Path work = Files.createTempDirectory(dir, "case");
        Path file = Files.writeString(work.resolve("plain"), "x");
        Path empty = Files.writeString(work.resolve("empty.yaml"), "");
        Path list = Files.writeString(work.resolve("list.yaml"), "- 1\n");
        Path number = Files.writeString(work.resolve("number.yaml"), "3\n");
        Path latin = Files.write(
                work.resolve("latin.yaml"),
                "name: x\nnotes: caf\u00ff\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        Path study = Files.writeString(
                work.resolve("study.yaml"), "name: s\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nruns: 2\n");
        Path studyToFile = Files.writeString(
                work.resolve("study-to-file.yaml"),
                "name: s\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nruns: 2\noutput: {dir: plain}\n");
        Path studyToNowhere = Files.writeString(
                work.resolve("study-to-nowhere.yaml"),
                "name: s\nscenarios: [" + Path.of(B).toAbsolutePath() + "]\nruns: 2\noutput: {dir: ''}\n");
        Path huge = work.resolve("huge.yaml");
        if (String.join(" ", args).contains("@HUGE")) {
            try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
                f.setLength(17L << 20); // sparse: its zeros take no disk
            }
        }
        Path out = work.resolve("out");
        String[] resolved = new String[args.length + 2];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i].replace("@FILE", file.toString())
                    .replace("@EMPTY", empty.toString())
                    .replace("@LATIN", latin.toString())
                    .replace("@STUDY_TO_FILE", studyToFile.toString())
                    .replace("@STUDY_TO_NOWHERE", studyToNowhere.toString())
                    .replace("@STUDY", study.toString())
                    .replace("@LIST", list.toString())
                    .replace("@NUMBER", number.toString())
                    .replace("@HUGE", huge.toString());
        }
        String want = expected.replace("@FILE", file.toString())
                .replace("@EMPTY", empty.toString())
                .replace("@LATIN", latin.toString())
                .replace("@LIST", list.toString())
                .replace("@NUMBER", number.toString())
                .replace("@HUGE", huge.toString());
        boolean hasOut = List.of(args).contains("--out") || args[0].equals("validate") || args[0].equals("study");
        int n = args.length;
        if (!hasOut) {
            resolved[n++] = "--out";
            resolved[n++] = out.toString();
        }
        String[] line = java.util.Arrays.copyOf(resolved, n);
        List<String> before;
        try (var files = Files.list(work)) {
            before = files.map(Path::toString).sorted().toList();
        }
        CliTest.Result r = gpusim(line);
        String what = String.join(" ", line) + "\n" + r.err();
        assertEquals(2, r.code(), what);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), what);
        assertTrue(lines.get(0).contains(want), "expected '" + want + "' in: " + what);
        assertFalse(
                r.err().contains("Exception")
                        || r.err().contains("java.")
                        || r.err().contains("`"),
                what);
        assertEquals("", r.out(), what);
        try (var files = Files.list(work)) {
            assertEquals(before, files.map(Path::toString).sorted().toList(), "nothing written: " + what);
        }
        assertEquals("x", Files.readString(file));
    }
}
