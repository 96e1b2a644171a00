package io.gpusim.core.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A scenario file read once (with its {@code extends:} chain), from which scenarios with overrides are made: the
 * file's own values, then {@code --set} values, then design-point values, each bound and validated like a file.
 */
public final class ScenarioTemplate {
    private final Path file;
    private final JsonNode tree;
    private final Map<String, SourceLocation> locations;
    private final List<Path> files;
    /** The scenario as the file gives it, bound and validated once by {@link #load}. */
    private Scenario asWritten;

    private ScenarioTemplate(Path file, JsonNode tree, Map<String, SourceLocation> locations, List<Path> files) {
        this.file = file;
        this.tree = tree;
        this.locations = locations;
        this.files = files;
    }

    /** Reads a scenario file (and the files it extends) and checks that it is valid as it stands. */
    public static ScenarioTemplate load(Path file) throws ScenarioException {
        Map<String, SourceLocation> locations = new HashMap<>();
        JsonNode tree = ScenarioLoader.loadTree(file, locations);
        ScenarioTemplate t = new ScenarioTemplate(file, tree, locations, List.copyOf(sourceFiles(locations, file)));
        t.asWritten = t.with(List.of());
        return t;
    }

    public Path file() {
        return file;
    }

    /** Every file that contributed values (this one and those it extends). */
    public List<Path> files() {
        return files;
    }

    /**
     * The warnings of the scenario as the file gives it ({@link ScenarioWarnings}), placed in the file like errors:
     * {@code FILE:LINE:COL: PATH: warning: ...}.
     */
    public List<ValidationError> warnings() throws ScenarioException {
        return warnings(List.of());
    }

    /**
     * The warnings of the scenario with these overrides applied (a {@code --set} that switches the regulator's mode
     * can make a field of the file unused, or used again), each placed where its field was last given: the file, or
     * the override.
     */
    public List<ValidationError> warnings(List<ScenarioOverride> overrides) throws ScenarioException {
        Scenario scenario;
        Map<String, SourceLocation> where;
        if (overrides.isEmpty() && asWritten != null) {
            scenario = asWritten; // the file as it stands, bound once by load
            where = locations;
        } else {
            Applied applied = apply(overrides);
            scenario = applied.bind(file);
            where = applied.where();
        }
        List<ValidationError> out = new ArrayList<>();
        for (ValidationError w : ScenarioWarnings.of(scenario)) {
            out.add(ScenarioLoader.locate(w.withFile(file.toString()), where));
        }
        return out;
    }

    /** The scenario with these overrides applied in order; errors name the override that caused them. */
    public Scenario with(List<ScenarioOverride> overrides) throws ScenarioException {
        if (overrides.isEmpty() && asWritten != null) {
            return asWritten; // scenarios are immutable: binding the same tree again would give an equal one
        }
        return apply(overrides).bind(file);
    }

    /** The file's tree with overrides written into it, and where each value now comes from. */
    private record Applied(ObjectNode tree, Map<String, SourceLocation> where) {
        Scenario bind(Path file) throws ScenarioException {
            return ScenarioLoader.bind(tree, file.toString(), where);
        }
    }

    private Applied apply(List<ScenarioOverride> overrides) throws ScenarioException {
        ObjectNode copy = tree.deepCopy();
        Map<String, SourceLocation> where = new HashMap<>(locations);
        List<ValidationError> errors = new ArrayList<>();
        // The path each field was given under: the same field under two spellings (a list item by name and by
        // index) would keep only the later value, without a word.
        Map<String, String> spelled = new HashMap<>();
        for (ScenarioOverride o : overrides) {
            try {
                String at = ScenarioPaths.set(copy, o.path(), o.value());
                String earlier = spelled.putIfAbsent(at, o.path());
                if (earlier != null && !earlier.equals(o.path())) {
                    // the same whatever the values, so that every design point reports it alike (once)
                    errors.add(new ValidationError(
                            null, 0, 0, at, earlier + " and " + o.path() + " name the same field; give it once"));
                }
                // What the file wrote at or under the path is gone: errors there are the override's.
                where.keySet().removeIf(k -> k.equals(at) || k.startsWith(at + ".") || k.startsWith(at + "["));
                where.put(at, new SourceLocation(o.origin(), 0, 0));
            } catch (IllegalArgumentException e) {
                errors.add(new ValidationError(o.origin(), 0, 0, "", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ScenarioException(errors);
        }
        return new Applied(copy, where);
    }

    /** SHA-256 of each contributing file, for provenance. */
    public Map<String, String> fileHashes() {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Path f : files) {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                out.put(f.toString(), HexFormat.of().formatHex(sha.digest(Files.readAllBytes(f))));
            } catch (IOException | NoSuchAlgorithmException e) {
                out.put(f.toString(), "unreadable: " + e.getMessage());
            }
        }
        return out;
    }

    private static List<Path> sourceFiles(Map<String, SourceLocation> locations, Path file) {
        List<Path> list = new ArrayList<>();
        list.add(file);
        for (SourceLocation loc : locations.values()) {
            Path p = Path.of(loc.file());
            if (!list.contains(p)) {
                list.add(p);
            }
        }
        list.subList(1, list.size()).sort(null);
        return list;
    }
}
