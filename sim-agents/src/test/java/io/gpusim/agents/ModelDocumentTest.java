package io.gpusim.agents;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gpusim.core.MarketModel;
import io.gpusim.core.scenario.Scenario;
import java.lang.reflect.Member;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps docs/MODEL.md and the code agreeing. Every {@code Class.member} the document writes as code (in backticks or
 * in a fenced block) must exist: the class in sim-core, sim-agents or the tests of sim-agents (found by scanning
 * where they were loaded from), the member declared on it, and a method when it is called ({@code X.m(..)}) or
 * labels an equation in a fenced block ({@code X.m:}). The parameter tables (those headed "YAML field") must list
 * exactly the field paths of the scenario records, found by walking {@link Scenario}'s record components.
 */
class ModelDocumentTest {
    private static final Path MODEL = Path.of("..", "docs", "MODEL.md");
    /** {@code Class.member}: a capitalised name, a dot, an identifier. */
    private static final Pattern REFERENCE = Pattern.compile("\\b([A-Z][A-Za-z0-9]*)\\.([A-Za-z_][A-Za-z0-9_]*)");

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    /** Extensions of file names written like references ({@code OTHER.yaml}). */
    private static final Set<String> FILE_EXTENSIONS = Set.of("yaml", "yml", "json", "md", "csv", "java");
    /** A top-level scenario key that the loader reads and no record holds. */
    private static final Set<String> LOADER_KEYS = Set.of("extends");

    private static List<String> lines;
    /** Code in the document: inline spans and fenced lines, each with its line number. */
    private static List<Snippet> code;

    /** Code from the document; {@code fenced} when it comes from a fenced block of equations. */
    private record Snippet(int line, String text, boolean fenced) {}

    @BeforeAll
    static void read() throws Exception {
        lines = Files.readAllLines(MODEL);
        code = new ArrayList<>();
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                prose.append('\n');
            } else if (fenced) {
                code.add(new Snippet(i + 1, line, true));
                prose.append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        assertTrue(!fenced, "MODEL.md has an unclosed code fence");
        // Inline code may run over a line break, so spans are found in the prose as a whole.
        Matcher m = INLINE_CODE.matcher(prose);
        while (m.find()) {
            int line = 1
                    + (int) prose.substring(0, m.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            code.add(new Snippet(line, m.group(1), false));
        }
    }

    @Test
    void everyClassMemberTheDocumentNamesExists() throws Exception {
        Map<String, List<Class<?>>> classes = gpusimClasses();
        assertTrue(
                classes.keySet().containsAll(List.of("Hyperscaler", "Ledger", "Stocking")),
                "the class scan found sim-core and sim-agents: " + classes.keySet());
        Set<String> problems = new LinkedHashSet<>();
        int checked = 0;
        for (Snippet s : code) {
            Matcher m = REFERENCE.matcher(s.text());
            while (m.find()) {
                String owner = m.group(1);
                String member = m.group(2);
                List<Class<?>> candidates = classes.get(owner);
                if (candidates == null) {
                    if (!isForeign(owner, member)) {
                        problems.add("line " + s.line() + ": `" + owner + "." + member + "`: no class " + owner
                                + " in sim-core, sim-agents or the tests of sim-agents");
                    }
                    continue;
                }
                checked++;
                // Called, or the label of an equation: the name must be a method's.
                boolean method = s.text().startsWith("(", m.end())
                        || (s.fenced() && s.text().startsWith(":", m.end()));
                if (candidates.stream().noneMatch(c -> method ? declaresMethod(c, member) : declares(c, member))) {
                    problems.add("line " + s.line() + ": `" + owner + "." + member + "`: " + owner + " ("
                            + candidates.stream().map(Class::getName).toList() + ") declares no "
                            + (method ? "method " : "") + member);
                }
            }
        }
        assertTrue(checked > 50, "the document names gpusim methods (found " + checked + ")");
        assertTrue(
                problems.isEmpty(),
                "MODEL.md names members the code does not have:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyScenarioFieldHasARowInAParameterTable() {
        Set<String> documented = parameterTableFields().keySet();
        List<String> missing = scenarioFields(true).stream()
                .filter(f -> !documented.contains(f))
                .toList();
        assertTrue(
                missing.isEmpty(),
                "scenario fields missing from MODEL.md's parameter tables:\n  " + String.join("\n  ", missing));
    }

    @Test
    void everyParameterTableRowNamesAScenarioField() {
        Set<String> known = new TreeSet<>(scenarioFields(false));
        known.addAll(LOADER_KEYS);
        List<String> unknown = parameterTableFields().entrySet().stream()
                .filter(e -> !known.contains(e.getKey()))
                .map(e -> "line " + e.getValue() + ": `" + e.getKey() + "`")
                .toList();
        assertTrue(
                unknown.isEmpty(),
                "MODEL.md's parameter tables name fields no scenario record has:\n  " + String.join("\n  ", unknown));
    }

    // ---- the code -----------------------------------------------------------------------------------------------

    /** Top-level classes of sim-core, sim-agents and its tests by simple name, from where they were loaded. */
    private static Map<String, List<Class<?>>> gpusimClasses() throws Exception {
        Map<String, List<Class<?>>> bySimpleName = new TreeMap<>();
        ClassLoader loader = ModelDocumentTest.class.getClassLoader();
        // The document cites a few tests as well.
        for (Class<?> anchor : List.of(MarketModel.class, Simulation.class, ModelDocumentTest.class)) {
            for (String entry : classFiles(anchor)) {
                if (!entry.startsWith("io/gpusim/")
                        || !entry.endsWith(".class")
                        || entry.contains("$")
                        || entry.endsWith("package-info.class")
                        || entry.endsWith("module-info.class")) {
                    continue;
                }
                String name =
                        entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                Class<?> c = Class.forName(name, false, loader);
                bySimpleName
                        .computeIfAbsent(c.getSimpleName(), k -> new ArrayList<>())
                        .add(c);
            }
        }
        return bySimpleName;
    }

    /** Paths ('/'-separated) of the files in the directory or jar a class was loaded from. */
    private static List<String> classFiles(Class<?> anchor) throws Exception {
        Path root = codeSource(anchor);
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> names.add(root.relativize(f)
                                .toString()
                                .replace(f.getFileSystem().getSeparator(), "/")));
            }
        } else {
            try (JarFile jar = new JarFile(root.toFile())) {
                jar.stream().map(JarEntry::getName).forEach(names::add);
            }
        }
        return names;
    }

    private static Path codeSource(Class<?> anchor) throws URISyntaxException {
        return Path.of(
                anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    /** A method, field (enum constants included) or nested class declared on the class, of any visibility. */
    private static boolean declares(Class<?> c, String member) {
        return Stream.of(c.getDeclaredMethods(), c.getDeclaredFields())
                        .flatMap(Arrays::stream)
                        .map(Member::getName)
                        .anyMatch(member::equals)
                || Arrays.stream(c.getDeclaredClasses())
                        .anyMatch(n -> n.getSimpleName().equals(member));
    }

    private static boolean declaresMethod(Class<?> c, String member) {
        return Arrays.stream(c.getDeclaredMethods()).anyMatch(x -> x.getName().equals(member));
    }

    /** Not a gpusim reference: a one-letter variable, a file name, or a java.lang class ({@code Math.round}). */
    private static boolean isForeign(String owner, String member) {
        if (owner.length() == 1 || FILE_EXTENSIONS.contains(member)) {
            return true;
        }
        try {
            Class.forName("java.lang." + owner, false, ClassLoader.getSystemClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /**
     * Field paths of the scenario records, as the tables write them: {@code vendor.capacity[].unitsPerMonth} for a
     * field of a list's records. Leaves only, or also the records and lists on the way ({@code vendor.capacity[]}).
     */
    static List<String> scenarioFields(boolean leavesOnly) {
        List<String> out = new ArrayList<>();
        walk(Scenario.class, "", leavesOnly, out);
        return out;
    }

    private static void walk(Class<?> record, String prefix, boolean leavesOnly, List<String> out) {
        for (RecordComponent rc : record.getRecordComponents()) {
            String path = prefix + rc.getName();
            Class<?> type = rc.getType();
            if (List.class.isAssignableFrom(type)) {
                Type element = ((ParameterizedType) rc.getGenericType()).getActualTypeArguments()[0];
                if (element instanceof Class<?> e && e.isRecord()) {
                    if (!leavesOnly) {
                        out.add(path);
                        out.add(path + "[]");
                    }
                    walk(e, path + "[].", leavesOnly, out);
                } else {
                    out.add(path);
                }
            } else if (type.isRecord()) {
                if (!leavesOnly) {
                    out.add(path);
                }
                walk(type, path + ".", leavesOnly, out);
            } else {
                out.add(path);
            }
        }
    }

    // ---- the document -------------------------------------------------------------------------------------------

    /**
     * Field paths in the first column of the tables headed "YAML field", with their line numbers. A path written
     * {@code .yield} after {@code domestic.yieldCurve[].date} in the same cell is a sibling of it.
     */
    private static Map<String, Integer> parameterTableFields() {
        Map<String, Integer> fields = new TreeMap<>();
        boolean inTable = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                inTable = false;
                continue;
            }
            String first = line.substring(1, line.indexOf('|', 1)).strip();
            if (first.equals("YAML field")) {
                inTable = true;
                continue;
            }
            if (!inTable || first.matches("-+")) {
                continue;
            }
            String previous = null;
            Matcher m = INLINE_CODE.matcher(first);
            while (m.find()) {
                String path = m.group(1);
                if (path.startsWith(".") && previous != null) {
                    path = previous.substring(0, previous.lastIndexOf('.')) + path;
                }
                fields.putIfAbsent(path, i + 1);
                previous = path;
            }
        }
        assertTrue(
                fields.size() > 50,
                "MODEL.md has parameter tables headed 'YAML field' (found " + fields.size() + " fields)");
        return fields;
    }
}
