package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.gpusim.core.metrics.Metric;
import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioLoader;
import io.gpusim.experiment.BatchSummary;
import io.gpusim.experiment.CalibrationTargets;
import io.gpusim.experiment.ReplicationRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The episodes of scenarios/episodes: each runs, none holds a behavioural parameter of its own (behaviour.yaml is
 * the only place one is set, for every episode), and the episode the behaviour was calibrated on meets its targets.
 */
class EpisodesTest {
    static final Path EPISODES = Path.of("..", "scenarios", "episodes");
    static final Path BEHAVIOUR = EPISODES.resolve("behaviour.yaml");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> episodes() throws Exception {
        try (Stream<Path> files = Files.list(EPISODES)) {
            return files
                    .filter(f -> f.toString().endsWith(".yaml"))
                    .filter(f ->
                            !f.equals(BEHAVIOUR) && !f.getFileName().toString().endsWith("-targets.yaml"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("episodes")
    void everyEpisodeRunsAndBansItsProduct(Path file) throws Exception {
        Scenario s = ScenarioLoader.load(file);
        BatchSummary summary = new BatchSummary(s.name(), "");
        try (ReplicationRunner runner = new ReplicationRunner(1)) {
            runner.run(s, Simulation.replicator(false), 1L, 0, 20, summary::add);
        }
        assertTrue(summary.failures().isEmpty(), summary.failures().toString());
        assertEquals(20, summary.row(Metric.BAN_DAY).n(), "every replication sees the ban");
        assertTrue(summary.row(Metric.VENDOR_UNITS_SHIPPED).p50() > 0, "the export product sells before its ban");
    }

    /** Behavioural paths: every leaf behaviour.yaml sets (list items by buyer name), name and description aside. */
    static Set<String> behaviouralPaths() throws Exception {
        Set<String> paths = new TreeSet<>();
        leaves(YAML.readTree(BEHAVIOUR.toFile()), "", paths);
        paths.remove("name");
        paths.remove("description");
        return paths;
    }

    private static void leaves(JsonNode node, String prefix, Set<String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).has("name")) {
            for (JsonNode item : node) {
                leaves(item, prefix + "[" + item.get("name").asText() + "]", out);
            }
        } else if (!prefix.endsWith("].name")) {
            out.add(prefix);
        }
    }

    @Test
    void noEpisodeFileSetsABehaviouralParameter() throws Exception {
        Set<String> behaviour = behaviouralPaths();
        assertTrue(behaviour.contains("beliefs.leakWeight"), behaviour.toString());
        assertTrue(behaviour.contains("hyperscalers[ByteDance].shortageCostMultiple"), behaviour.toString());
        assertTrue(behaviour.contains("vendor.safetyStockWeeks"), behaviour.toString());
        List<String> copies = new ArrayList<>();
        for (Path f : episodes().toList()) {
            Set<String> set = new TreeSet<>();
            leaves(YAML.readTree(f.toFile()), "", set);
            for (String p : set) {
                if (behaviour.contains(p)) {
                    copies.add(f.getFileName() + ": " + p);
                }
            }
        }
        assertEquals(List.of(), copies, "behaviour belongs in behaviour.yaml only");
    }

    /** Every episode, with everything it builds on merged in, has exactly the behaviour of behaviour.yaml. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("episodes")
    void everyEpisodeResolvesToTheSharedBehaviour(Path file) throws Exception {
        JsonNode shared = YAML.readTree(BEHAVIOUR.toFile());
        JsonNode resolved = ScenarioLoader.loadTree(file, new HashMap<>());
        List<String> differ = new ArrayList<>();
        for (String path : behaviouralPaths()) {
            JsonNode want = at(shared, path);
            JsonNode got = at(resolved, path);
            if (got == null || !sameValue(want, got)) {
                differ.add(path + ": " + got + " instead of " + want);
            }
        }
        assertEquals(List.of(), differ, file + " departs from the shared behaviour");
    }

    private static boolean sameValue(JsonNode a, JsonNode b) {
        return a.isNumber() && b.isNumber()
                ? a.asDouble() == b.asDouble()
                : a.asText().equals(b.asText());
    }

    /** The node at a leaf path of {@link #leaves} (list items by name), or null. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String field = bracket < 0 ? part : part.substring(0, bracket);
            node = node == null ? null : node.get(field);
            if (bracket >= 0 && node != null) {
                String name = part.substring(bracket + 1, part.length() - 1);
                JsonNode item = null;
                for (JsonNode n : node) {
                    if (n.has("name") && n.get("name").asText().equals(name)) {
                        item = n;
                    }
                }
                node = item;
            }
        }
        return node;
    }
    /** The episode the behaviour was calibrated on meets every target of its targets file (400 replications). */
    @Test
    void theCalibrationEpisodeMeetsItsTargets() throws Exception {
        Scenario s = ScenarioLoader.load(EPISODES.resolve("2025.yaml"));
        CalibrationTargets targets = CalibrationTargets.load(EPISODES.resolveSibling("targets-h20-2025.yaml"));
        BatchSummary summary = new BatchSummary(s.name(), "");
        try (ReplicationRunner runner = new ReplicationRunner(2)) {
            runner.run(s, Simulation.replicator(false), 2025L, 0, 400, summary::add);
        }
        for (CalibrationTargets.Target t : targets.targets()) {
            double median = summary.row(Metric.byId(t.metric())).p50();
            if (t.band() != null) {
                assertTrue(
                        median >= t.band().get(0) && median <= t.band().get(1),
                        t.metric() + " median " + median + " outside " + t.band());
            } else {
                assertTrue(
                        Math.abs(median / t.median() - 1) <= 0.15,
                        t.metric() + " median " + median + " more than 15% from " + t.median());
            }
        }
    }
}
