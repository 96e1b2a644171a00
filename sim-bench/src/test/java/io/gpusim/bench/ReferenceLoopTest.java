package io.gpusim.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gpusim.agents.ScenarioPlan;
import io.gpusim.agents.Simulation;
import io.gpusim.core.Seeds;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.metrics.RunResult;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.core.scenario.VendorSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The benchmark's reference computes the model: on every shipped scenario, for the same seed, every metric of
 * {@link ReferenceLoop#run} equals the model's to the last digit, first with every random spread set to zero and one
 * wafer lead time, then with the scenario's own randomness; and so on variants that reach the features no shipped
 * scenario uses (ban by hazard or threshold, grace and reversal, first-in-first-out allocation, other step lengths,
 * licence denials and exclusions, matching and triggered import rules).
 */
class ReferenceLoopTest {
    private static final Path SCENARIOS = Path.of("..", "scenarios");
    private static final int DETERMINISTIC_SEEDS = 3;
    private static final int RANDOM_SEEDS = 50;
    private static final int VARIANT_SEEDS = 20;

    /** The baseline, every shipped scenario and every episode, without the calibration targets. */
    static Stream<Path> shippedScenarios() throws IOException {
        Stream<Path> top = list(SCENARIOS, "", "targets-", "");
        Stream<Path> episodes = list(SCENARIOS.resolve("episodes"), "20", "", "-targets.yaml");
        return Stream.concat(top, episodes);
    }

    private static Stream<Path> list(Path dir, String prefix, String notPrefix, String notSuffix) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".yaml")
                                && name.startsWith(prefix)
                                && (notPrefix.isEmpty() || !name.startsWith(notPrefix))
                                && (notSuffix.isEmpty() || !name.endsWith(notSuffix));
                    })
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void withoutSpreadsTheReferenceIsTheModel(Path file) throws Exception {
        assertSameMetrics(withoutSpreads(ScenarioLoader.load(file)), DETERMINISTIC_SEEDS);
    }

    @ParameterizedTest
    @MethodSource("shippedScenarios")
    void withRandomnessTheSameSeedGivesTheModelsNumbers(Path file) throws Exception {
        assertSameMetrics(ScenarioLoader.load(file), RANDOM_SEEDS);
    }

    /**
     * Variants of the shipped scenarios that reach the features none of them uses: each is a base file and YAML
     * merged over it.
     */
    static Stream<Arguments> featureVariants() {
        return Stream.of(
                Arguments.of("hazard ban", "h20-2025.yaml", """
                        regulator:
                          mode: HAZARD
                          banDate: null
                          hazard: {baseHazardPerYear: 0.6, leakRatePerYear: 1.0, leakBoost: 0.5,
                                   stockpileSensitivity: 2.0, rulemakingWeeks: 4}
                        """),
                Arguments.of("threshold ban", "h20-2025.yaml", """
                        regulator:
                          mode: THRESHOLD
                          thresholds: {maxMemoryBandwidthTBps: 3.5}
                        """),
                Arguments.of("no ban", "h20-2025.yaml", "regulator: {mode: NONE}\n"),
                Arguments.of(
                        "grace and reversal",
                        "h20-2025.yaml",
                        "regulator: {graceDays: 30, reversal: {probability: 0.5, afterDays: 120}}\n"),
                Arguments.of("first in, first out", "h20-2025.yaml", "vendor: {allocation: FIFO}\n"),
                Arguments.of("fortnightly steps", "h20-2025.yaml", "simulation: {stepDays: 14}\n"),
                Arguments.of("three-day steps", "h200-2026.yaml", "simulation: {stepDays: 3}\n"),
                Arguments.of("denials, matching and a triggered rule", "h200-2026.yaml", """
                        regulator:
                          licences:
                            - {product: H200, from: 2025-12-08, feeShare: 0.25, feePassThrough: 0.5, approvalDays: 60,
                               denialProbability: 0.2, capUnitsPerMonth: 40000, excludedBuyers: [Others]}
                        importer:
                          rules:
                            - {kind: MATCH, from: 2025-10-01, ratio: 0.5}
                            - {kind: BLOCK, product: H200, exemptShare: 0.3,
                               trigger: {on: LICENCE, product: H200, probability: 0.7, lagDays: 30}}
                        """),
                Arguments.of("every section", "../sim-core/src/test/resources/every-section.yaml", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("featureVariants")
    void onEveryFeatureTheReferenceIsTheModel(String name, String base, String yaml, @TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("variant.yaml");
        Path from = SCENARIOS.resolve(base).toAbsolutePath().normalize();
        Files.writeString(file, "extends: " + from + "\nname: " + name.replace(' ', '-') + "\n" + yaml);
        assertSameMetrics(ScenarioLoader.load(file), VARIANT_SEEDS);
    }

    @Test
    void theSameSeedGivesTheSameReferenceRun() throws Exception {
        ReferenceLoop loop =
                new ReferenceLoop(ScenarioPlan.of(ScenarioLoader.load(SCENARIOS.resolve("h20-2025.yaml"))));
        long seed = Seeds.replicationSeed(7, 3);
        assertArrayEquals(loop.run(seed).metrics(), loop.run(seed).metrics());
    }

    @Test
    void theScenarioWithoutSpreadsIsDeterministic() throws Exception {
        Scenario s = withoutSpreads(ScenarioLoader.load(SCENARIOS.resolve("h200-2026.yaml")));
        assertFalse(s.hyperscalers().isEmpty());
        s.hyperscalers().forEach(h -> assertEquals(0.0, h.demandNoiseSd() + h.demandLevelSd() + h.sensitivitySd()));
        for (VendorSpec v : s.allVendors()) {
            assertEquals(v.waferLeadWeeksMin(), v.waferLeadWeeksMax());
        }
        ScenarioPlan plan = ScenarioPlan.of(s);
        assertArrayEquals(
                Simulation.run(plan, Seeds.replicationSeed(1, 0), false).metrics(),
                Simulation.run(plan, Seeds.replicationSeed(2, 5), false).metrics(),
                "without spreads every seed gives the same run");
    }

    private static void assertSameMetrics(Scenario scenario, int seeds) {
        ScenarioPlan plan = ScenarioPlan.of(scenario);
        ReferenceLoop loop = new ReferenceLoop(plan);
        for (int i = 0; i < seeds; i++) {
            long seed = Seeds.replicationSeed(2025, i);
            RunResult model = Simulation.run(plan, seed, false);
            RunResult reference = loop.run(seed);
            for (Metric metric : Metric.values()) {
                assertEquals(
                        model.get(metric),
                        reference.get(metric),
                        0.0,
                        scenario.name() + ", replication " + i + ": " + metric.id());
            }
        }
    }

    /**
     * A scenario with every random spread set to zero: no demand noise, level or sensitivity spread, no launch delay
     * spread, one wafer lead time per vendor (its shortest), and chances (leak, reversal, licence denial, triggered
     * import rules) of 0 or 1.
     */
    static Scenario withoutSpreads(Scenario scenario) throws Exception {
        JsonNode tree = ScenarioLoader.jsonMapper().valueToTree(scenario);
        for (JsonNode h : tree.path("hyperscalers")) {
            ((ObjectNode) h).put("demandNoiseSd", 0.0).put("demandLevelSd", 0.0).put("sensitivitySd", 0.0);
        }
        for (JsonNode e : tree.path("domestic").path("roadmap")) {
            ((ObjectNode) e).put("delaySdMonths", 0.0);
        }
        oneLeadTime(tree.get("vendor"));
        for (JsonNode v : tree.path("vendors")) {
            oneLeadTime(v);
        }
        JsonNode regulator = tree.path("regulator");
        certain(regulator.path("leak"), "probability");
        certain(regulator.path("reversal"), "probability");
        for (JsonNode l : regulator.path("licences")) {
            ((ObjectNode) l).put("denialProbability", 0.0);
        }
        for (JsonNode r : tree.path("importer").path("rules")) {
            certain(r.path("trigger"), "probability");
        }
        return ScenarioLoader.bind(tree, scenario.name() + " without spreads", new HashMap<>());
    }

    private static void oneLeadTime(JsonNode vendor) {
        ((ObjectNode) vendor).set("waferLeadWeeksMax", vendor.get("waferLeadWeeksMin"));
    }

    /** A chance made certain: 1 when above 0, else 0. */
    private static void certain(JsonNode node, String field) {
        if (node instanceof ObjectNode o && o.has(field)) {
            o.put(field, o.get(field).asDouble() > 0 ? 1.0 : 0.0);
        }
    }
}
