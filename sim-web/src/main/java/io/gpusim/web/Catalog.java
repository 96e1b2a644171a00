package io.gpusim.web;

import io.gpusim.core.scenario.Scenario;
import io.gpusim.core.scenario.ScenarioException;
import io.gpusim.core.scenario.ScenarioTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The scenarios folder the server reads from, and nothing else: a scenario is named by its file name in that folder
 * ({@code h20-2025.yaml}), never by a path, and a name that is not a plain file name of a scenario file directly in
 * the folder (no separators, no {@code ..}, no link leading out) is refused.
 */
final class Catalog {
    /** A file name: dot-separated words of letters, digits, '_' and '-', ending in a scenario extension. */
    private static final Pattern ID =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*(\\.[A-Za-z0-9_-]+)*\\.(yaml|yml|json)");

    private final Path dir;
    private final Path realDir;

    Catalog(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("scenarios folder " + dir + " is not a directory");
        }
        this.dir = dir;
        this.realDir = dir.toRealPath();
    }

    /** The folder as given. */
    Path dir() {
        return dir;
    }

    /** A scenario file of the folder: its name, and the scenario's name and description, or why it does not load. */
    record Entry(String id, String name, String description, String error) {}

    /** The last listing and the folder's state it was made from (names, sizes and times of its files). */
    private List<Entry> listed;

    private String listedState;

    /**
     * Every scenario file in the folder, by name; files that are not valid scenarios carry their error. The listing
     * is made again whenever a file of the folder changes.
     */
    synchronized List<Entry> list() throws IOException {
        List<Path> files;
        try (Stream<Path> found = Files.list(dir)) {
            files = found.sorted().toList();
        }
        StringBuilder state = new StringBuilder();
        for (Path f : files) {
            state.append(f.getFileName())
                    .append('\u0000')
                    .append(Files.isRegularFile(f) ? Files.size(f) + ":" + Files.getLastModifiedTime(f) : "-")
                    .append('\n');
        }
        if (listed != null && state.toString().equals(listedState)) {
            return listed;
        }
        listed = read(files);
        listedState = state.toString();
        return listed;
    }

    private List<Entry> read(List<Path> files) {
        List<Entry> out = new ArrayList<>();
        for (Path f : files) {
            String id = f.getFileName().toString();
            if (!ID.matcher(id).matches() || !Files.isRegularFile(f)) {
                continue;
            }
            try {
                Scenario s = template(id).with(List.of());
                out.add(new Entry(id, s.name(), s.description(), null));
            } catch (ScenarioException e) {
                out.add(new Entry(id, null, null, firstLine(e.getMessage())));
            } catch (ApiException e) {
                // left out: not a file of this folder
            }
        }
        return List.copyOf(out);
    }

    /**
     * The path of a scenario file of the folder.
     *
     * @param field the request field that named it, for the error
     * @throws ApiException 400 when the name is not a plain scenario file name, 404 when there is no such file
     */
    Path file(String id, String field) throws ApiException {
        if (id == null || id.isEmpty()) {
            throw ApiException.badRequest(field, "is required: the file name of a scenario in the scenarios folder");
        }
        if (!ID.matcher(id).matches()) {
            throw ApiException.badRequest(
                    field, "'" + shorten(id) + "' is not the file name of a scenario in the scenarios folder");
        }
        Path f = dir.resolve(id);
        try {
            if (Files.isRegularFile(f)
                    && f.toRealPath().getParent().equals(realDir)
                    && Files.isRegularFile(f.toRealPath(), LinkOption.NOFOLLOW_LINKS)) {
                return f;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new ApiException(404, field, "no scenario '" + id + "' in the scenarios folder");
    }

    /** The scenario file, read and checked (its {@code extends:} chain followed as the CLI does). */
    ScenarioTemplate template(String id) throws ApiException, ScenarioException {
        return ScenarioTemplate.load(file(id, "scenario"));
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    static String shorten(String s) {
        return shorten(s, 80);
    }

    /** The text, cut after {@code max} characters (marked with "..."). */
    static String shorten(String s, int max) {
        return s.length() > max ? s.substring(0, max) + "..." : s;
    }
}
