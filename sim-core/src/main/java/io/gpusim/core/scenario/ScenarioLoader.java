package io.gpusim.core.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads scenarios from YAML or JSON (JSON is valid YAML, so one parser serves both), rejecting unknown fields,
 * and validates them. Errors name the file, the line and column where the parser knows them, and the field path.
 */
public final class ScenarioLoader {

    private static final ObjectMapper YAML =
            configure(YAMLMapper.builder(YAMLFactory.builder().build())
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .build());

    /** Top-level field naming a scenario file this one builds on. */
    public static final String EXTENDS = "extends";

    private ScenarioLoader() {}

    private static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
    }

    /**
     * Does ahead of time the work that reading the first scenario of a process would otherwise start with, and that
     * is the same for every file: building the YAML mapper, and building (by reflection over every scenario record)
     * the deserializers that bind a scenario. A command line calls it on a thread of its own while it parses its
     * arguments, so that this work overlaps with its own instead of following it; the work is done once either way,
     * and what a scenario binds to does not depend on which thread built the deserializers.
     */
    public static void prepare() {
        // First a small document read the way a scenario file is (the YAML parser's classes, and the tree
        // deserializer, which the mapper then keeps for every thread): the command's own thread reads its file
        // while this one goes on to the scenario's deserializers.
        try {
            readTree(PREPARE_SAMPLE, "prepare", new HashMap<>());
        } catch (ScenarioException e) {
            throw new IllegalStateException("the built-in sample scenario text does not parse", e);
        }
        YAML.readerFor(Scenario.class);
    }

    /** Block and flow mappings and lists, text, numbers, dates and a comment, as scenario files write them. */
    private static final String PREPARE_SAMPLE =
            "# a comment\nname: sample\nsimulation:\n  start: 2024-01-01\n  stepDays: 7\n"
                    + "products:\n  - name: A\n    relativePerformance: 0.5\n    tags: [x, 'y']\n"
                    + "flow: {a: 1, b: -2.5e3, c: true}\n";

    /** The YAML mapper used for scenarios (dates as ISO strings). */
    public static ObjectMapper yamlMapper() {
        return YAML;
    }

    /** The JSON mapper used for scenarios and manifests (dates as ISO strings). */
    public static ObjectMapper jsonMapper() {
        return JsonHolder.MAPPER;
    }

    /**
     * A file of another kind (a study file given as a scenario, a scenario given as a study) would be answered with an
     * unknown-field error for each of its top-level fields; it is one error naming the file instead. A file is taken
     * to be of another kind when at least three of its top-level fields are unknown to {@code type} and at most one
     * (a name, which most kinds have) is known; null otherwise.
     */
    private static ValidationError otherKind(JsonNode tree, Class<?> type, String label) {
        if (!tree.isObject() || !type.isRecord()) {
            return null;
        }
        Set<String> known = new TreeSet<>(RecordField.names(type));
        List<String> unknown = new ArrayList<>();
        tree.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (unknown.size() < 3 || tree.size() - unknown.size() > 1) {
            return null;
        }
        return new ValidationError(
                label,
                0,
                0,
                "",
                String.join(", ", unknown) + " are not fields here; is it another kind of file (a study, a scenario, "
                        + "calibration targets)? known fields: " + String.join(", ", known));
    }

    /** Built on first use: reading a scenario does not need it (a shorter start for commands that write no JSON). */
    private static final class JsonHolder {
        static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());
    }

    /** Reads, binds and validates a scenario file (following {@code extends:}). */
    public static Scenario load(Path file) throws ScenarioException {
        Map<String, SourceLocation> locations = new HashMap<>();
        JsonNode tree = loadTree(file, locations);
        return bind(tree, file.toString(), locations);
    }

    /**
     * Reads a scenario file into a tree, resolving {@code extends: OTHER.yaml} (a path relative to the file): the
     * file's fields are merged over the other file's by {@link ScenarioTrees#merge}; then list items written
     * {@code like: NAME} are resolved ({@link ScenarioTrees#resolveLike}). Locations of every value, from whichever
     * file wrote it, are added to {@code locations}.
     */
    public static JsonNode loadTree(Path file, Map<String, SourceLocation> locations) throws ScenarioException {
        JsonNode tree = loadTree(file, locations, new ArrayList<>());
        resolveLike(tree, file.toString(), locations);
        return tree;
    }

    /** Resolves {@code like:} in place; problems are errors at the {@code like} field. */
    private static void resolveLike(JsonNode tree, String label, Map<String, SourceLocation> locations)
            throws ScenarioException {
        List<ValidationError> problems = ScenarioTrees.resolveLike(tree);
        if (!problems.isEmpty()) {
            throw located(problems, label, locations);
        }
    }

    /** Errors of a tree read from {@code label}, each placed at its path's line and column. */
    private static ScenarioException located(
            List<ValidationError> errors, String label, Map<String, SourceLocation> locations) {
        List<ValidationError> located = new ArrayList<>();
        for (ValidationError err : errors) {
            located.add(locate(err.withFile(label), locations));
        }
        return new ScenarioException(located);
    }

    private static JsonNode loadTree(Path file, Map<String, SourceLocation> locations, List<Path> chain)
            throws ScenarioException {
        String label = file.toString();
        Path normal = file.toAbsolutePath().normalize();
        if (chain.contains(normal)) {
            throw single(
                    label,
                    "extends forms a cycle: "
                            + chain.stream().map(Path::toString).collect(Collectors.joining(" -> ")) + " -> " + normal);
        }
        chain.add(normal);
        String text = readFile(file);
        Map<String, SourceLocation> own = new HashMap<>();
        JsonNode tree = readDocument(text, label, own);
        requireMapping(tree, label, "scenario fields");
        if (tree.has(EXTENDS)) {
            JsonNode parentRef = tree.get(EXTENDS);
            if (!parentRef.isTextual() || parentRef.asText().isBlank()) {
                throw atExtends(label, own, "must be the path of another scenario file");
            }
            Path parentFile = file.toAbsolutePath()
                    .getParent()
                    .resolve(parentRef.asText())
                    .normalize();
            // Label files relative to the working directory, as users type them.
            Path shown = Path.of("").toAbsolutePath().relativize(parentFile);
            String unreadable = unreadable(parentFile);
            if (unreadable != null) {
                throw atExtends(label, own, unreadable + ": " + shown);
            }
            JsonNode parent = loadTree(shown, locations, chain);
            ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(EXTENDS);
            JsonNode merged = ScenarioTrees.merge(parent, tree);
            // Two items of one name, or like: on an item the base has, would be merged away without a word: errors
            // where the file wrote them, at the path of the item of that name in the merged list.
            List<ValidationError> mergeErrors = new ArrayList<>();
            for (ValidationError err : ScenarioTrees.mergeErrors(parent, tree)) {
                ValidationError at = locate(err.withFile(label), own);
                mergeErrors.add(new ValidationError(
                        at.file(), at.line(), at.column(), mergedPath(err.path(), tree, merged), err.message()));
            }
            if (!mergeErrors.isEmpty()) {
                throw new ScenarioException(mergeErrors);
            }
            // A value this file replaces whole (a number, an unnamed list) takes the base's locations under it
            // with it, so that an error inside it points into this file, not at the base's old value.
            ScenarioTrees.replacedPaths(parent, tree, "", replaced -> dropLocationsUnder(locations, replaced));
            own = renumberNamedItems(own, tree, merged);
            tree = merged;
        }
        locations.putAll(own);
        return tree;
    }

    /** An error at a file's {@code extends:} field. */
    private static ScenarioException atExtends(String label, Map<String, SourceLocation> own, String message) {
        SourceLocation at = own.get(EXTENDS);
        return new ScenarioException(List.of(new ValidationError(
                label, at == null ? 0 : at.line(), at == null ? 0 : at.column(), EXTENDS, message)));
    }

    /** Removes the locations of a path and of everything under it. */
    private static void dropLocationsUnder(Map<String, SourceLocation> locations, String path) {
        locations.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "["));
    }

    private static final java.util.regex.Pattern LIST_ITEM =
            java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9]*)\\[(\\d+)](.*)");

    /**
     * A file's locations with its named list items at their places in the merged list: an item merged into the base
     * by name, or appended after the base's items, is found under its merged index (so an error about it points into
     * this file).
     */
    private static Map<String, SourceLocation> renumberNamedItems(
            Map<String, SourceLocation> own, JsonNode file, JsonNode merged) {
        Map<String, SourceLocation> out = new HashMap<>();
        for (Map.Entry<String, SourceLocation> e : own.entrySet()) {
            out.put(mergedPath(e.getKey(), file, merged), e.getValue());
        }
        return out;
    }

    /**
     * A path into a file's tree as a path into the tree merged from it: a named list item is at the index of the item
     * of its name in the merged list.
     */
    private static String mergedPath(String path, JsonNode file, JsonNode merged) {
        java.util.regex.Matcher m = LIST_ITEM.matcher(path);
        if (m.matches()) {
            JsonNode name =
                    file.path(m.group(1)).path(Integer.parseInt(m.group(2))).get("name");
            JsonNode list = merged.path(m.group(1));
            if (name != null && name.isTextual() && list.isArray()) {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode other = list.get(i).get("name");
                    if (other != null && name.asText().equals(other.asText())) {
                        return m.group(1) + "[" + i + "]" + m.group(3);
                    }
                }
            }
        }
        return path;
    }

    /** Reads, binds and validates scenario text; {@code label} names the source in error messages. */
    public static Scenario parse(String text, String label) throws ScenarioException {
        Map<String, SourceLocation> locations = new HashMap<>();
        JsonNode tree = readDocument(text, label, locations);
        requireMapping(tree, label, "scenario fields");
        resolveLike(tree, label, locations);
        return bind(tree, label, locations);
    }

    /** Binds an already-parsed (and possibly modified) tree and validates it. */
    public static Scenario bind(JsonNode tree, String label, Map<String, SourceLocation> locations)
            throws ScenarioException {
        requireMapping(tree, label, "scenario fields");
        Scenario scenario = bindTree(tree, Scenario.class, label, locations);
        List<ValidationError> errors = ScenarioValidator.validate(scenario);
        if (!errors.isEmpty()) {
            throw located(errors, label, locations);
        }
        return scenario;
    }

    /**
     * The most a file read as YAML or JSON input (a scenario, a file it extends, a study, calibration targets) may
     * hold: far more than any such file needs, and little enough to read whole.
     */
    public static final int MAX_FILE_BYTES = 16 << 20;

    private static final String TOO_LARGE =
            "file larger than " + (MAX_FILE_BYTES >> 20) + " MiB, the most gpusim reads as input";

    /**
     * Why a file cannot be read as YAML or JSON input, or null when it can: it is missing, a directory, not a regular
     * file (a device or a pipe, which may never end or never answer), or larger than {@link #MAX_FILE_BYTES}. Asks
     * the file system only; the file is not opened.
     */
    public static String unreadable(Path file) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return "file not found";
        } catch (IOException e) {
            return cannotRead(e);
        }
        if (attributes.isDirectory()) {
            return "is a directory, not a file";
        }
        if (!attributes.isRegularFile()) {
            return "not a regular file (a device, a pipe or a socket)";
        }
        return attributes.size() > MAX_FILE_BYTES ? TOO_LARGE : null;
    }

    private static String cannotRead(IOException e) {
        return "cannot read file: " + (e instanceof AccessDeniedException ? "permission denied" : e.getMessage());
    }

    /** A file's text; a file that {@link #unreadable} refuses, or that cannot be read, is a one-line error naming it. */
    private static String readFile(Path file) throws ScenarioException {
        String why = unreadable(file);
        if (why != null) {
            throw single(file.toString(), why);
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1); // a file that grew since it was looked at is not read whole
        } catch (NoSuchFileException e) {
            throw single(file.toString(), "file not found");
        } catch (IOException e) {
            throw single(file.toString(), cannotRead(e));
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw single(file.toString(), TOO_LARGE);
        }
        return decodeUtf8(bytes, file.toString());
    }

    /** The bytes as UTF-8 text; an invalid byte is one error at its line and column. */
    private static String decodeUtf8(byte[] bytes, String label) throws ScenarioException {
        if (ascii(bytes)) {
            // the common case, and UTF-8 as it stands: a copy, without the decoder's per-byte work at start-up
            return new String(bytes, StandardCharsets.US_ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        out.flip();
        if (result.isError()) {
            int line = 1;
            int column = 1;
            for (int i = 0; i < out.limit(); i++) {
                if (out.get(i) == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
            String bad = String.format(Locale.ROOT, "0x%02X", bytes[in.position()] & 0xff);
            throw new ScenarioException(List.of(new ValidationError(
                    label,
                    line,
                    column,
                    "",
                    "not UTF-8 text: invalid byte " + bad + " at line " + line + ", column " + column)));
        }
        return out.toString();
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Reads any YAML/JSON file gpusim defines (a study, calibration targets) into a type with the same strictness and
     * error reporting as scenarios; {@code locations} receives where each value was written.
     */
    public static <T> T loadFile(Path file, Class<T> type, Map<String, SourceLocation> locations)
            throws ScenarioException {
        String label = file.toString();
        String text = readFile(file);
        JsonNode tree = readDocument(text, label, locations);
        requireMapping(tree, label, "fields");
        return bindTree(tree, type, label, locations);
    }

    /**
     * A whole file's text as a tree, like {@link #readTree}; a file of nothing but blank lines, comments and the
     * {@code ---} and {@code ...} that start and end a document (which YAML reads as an empty text) is empty, like a
     * file with no text at all.
     */
    private static JsonNode readDocument(String text, String label, Map<String, SourceLocation> locations)
            throws ScenarioException {
        JsonNode tree = readTree(text, label, locations);
        boolean onlyMarkers = text.lines()
                .map(String::strip)
                .allMatch(line -> line.isEmpty()
                        || line.startsWith("#")
                        || DOCUMENT_MARKER.matcher(line).matches());
        return tree.isTextual() && tree.asText().isEmpty() && onlyMarkers ? MissingNode.getInstance() : tree;
    }

    /** A line that only starts or ends a YAML document, with perhaps a comment after it. */
    private static final java.util.regex.Pattern DOCUMENT_MARKER =
            java.util.regex.Pattern.compile("(---|\\.\\.\\.)(\\s+#.*)?");

    /** An empty document, or one that is a list or a single value rather than a mapping, is one error naming the file. */
    private static void requireMapping(JsonNode tree, String label, String fields) throws ScenarioException {
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw single(label, "the file is empty");
        }
        if (!tree.isObject()) {
            throw single(
                    label,
                    "the top level must be a mapping of " + fields + ", not "
                            + (tree.isArray() ? "a list" : "a single value"));
        }
    }

    /**
     * Binds a tree to a type with the scenario mapper's strict settings (unknown fields rejected); a binding error
     * names the file, line and column where known, and the field path.
     */
    public static <T> T bindTree(JsonNode tree, Class<T> type, String label, Map<String, SourceLocation> locations)
            throws ScenarioException {
        ValidationError otherKind = otherKind(tree, type, label);
        if (otherKind != null) {
            throw new ScenarioException(List.of(otherKind));
        }
        List<ValidationError> problems = TypeCheck.check(tree, type);
        if (!problems.isEmpty()) {
            throw located(problems, label, locations);
        }
        try {
            return YAML.treeToValue(tree, type);
        } catch (JsonMappingException e) {
            throw new ScenarioException(List.of(locate(mappingError(e, label), locations)));
        } catch (JsonProcessingException e) {
            throw single(label, plain(firstLine(e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            throw single(label, plain(firstLine(e.getMessage())));
        }
    }

    /**
     * Parses YAML/JSON text into a tree, recording the line and column of every field's value under its path
     * (for example {@code hyperscalers[1].budgetUsdPerYear}) in {@code locations}.
     */
    public static JsonNode readTree(String text, String label, Map<String, SourceLocation> locations)
            throws ScenarioException {
        try (JsonParser parser = new Locating(YAML.getFactory().createParser(text), label, locations)) {
            JsonNode tree = ONE_DOCUMENT.readTree(parser);
            if (parser.nextToken() != null) {
                throw new UnsupportedYaml(
                        parser, "a scenario file holds one YAML document; a second one starts here (after '---')");
            }
            return tree == null ? MissingNode.getInstance() : tree;
        } catch (JsonProcessingException e) {
            throw syntaxError(label, text, e);
        } catch (IOException e) {
            throw single(label, "cannot parse: " + e.getMessage());
        }
    }

    /** The tree reader; {@link #readTree} checks for a second document itself, to say so in the file's terms. */
    private static final com.fasterxml.jackson.databind.ObjectReader ONE_DOCUMENT =
            YAML.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /**
     * A whole number YAML reads in another base than the one it seems to be written in: a leading zero (octal, so
     * {@code 030} is 24), or a {@code 0x}, {@code 0o} or {@code 0b} prefix.
     */
    private static final java.util.regex.Pattern NOT_DECIMAL =
            java.util.regex.Pattern.compile("[-+]?0([0-9_]+|[xXoObB].*)");

    /** YAML the scenario files do not use, reported as it is (not as a syntax error). */
    private static final class UnsupportedYaml extends com.fasterxml.jackson.core.JsonParseException {
        private static final long serialVersionUID = 1L;

        /** At the start of the parser's current token (the value at fault, not the end of it). */
        UnsupportedYaml(JsonParser parser, String message) {
            super(parser, message, parser.currentTokenLocation());
        }
    }

    /**
     * A parser that records, as the tree is read from it, where each value starts: one pass over the text gives both
     * the tree and the locations. It refuses YAML aliases ({@code *name}), which the tree reader would take as the
     * text of the anchor's name rather than the anchored value.
     */
    private static final class Locating extends JsonParserDelegate {
        private final String label;
        private final Map<String, SourceLocation> locations;
        private JsonLocation key;

        Locating(JsonParser parser, String label, Map<String, SourceLocation> locations) {
            super(parser);
            this.label = label;
            this.locations = locations;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            JsonToken token = delegate.nextToken();
            if (delegate instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new UnsupportedYaml(
                        delegate,
                        "YAML aliases (*" + delegate.getText() + ") are not supported: write the value out, or use"
                                + " 'like:' for a list item or 'extends:' for a whole file");
            }
            if (token == JsonToken.VALUE_NUMBER_INT
                    && NOT_DECIMAL.matcher(delegate.getText()).matches()) {
                throw new UnsupportedYaml(
                        delegate,
                        "write whole numbers in decimal: YAML reads '" + delegate.getText() + "' as "
                                + delegate.getBigIntegerValue());
            }
            if (token == JsonToken.FIELD_NAME) {
                key = delegate.currentTokenLocation();
            } else if (token != null) {
                if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
                    JsonLocation loc = delegate.currentTokenLocation();
                    // A block mapping or list starts at its first entry, lines below its key: place it at the key.
                    if (key != null
                            && (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY)
                            && loc.getLineNr() > key.getLineNr()) {
                        loc = key;
                    }
                    locations.putIfAbsent(
                            pathOf(delegate), new SourceLocation(label, loc.getLineNr(), loc.getColumnNr()));
                }
                key = null;
            }
            return token;
        }

        @Override
        public JsonToken nextValue() throws IOException {
            JsonToken token = nextToken();
            return token == JsonToken.FIELD_NAME ? nextToken() : token;
        }
    }

    /**
     * A parser's complaint as one error at the place it names: the YAML parser's own problem and its place where it
     * gives them (a tab used for indentation, say, rather than the context it was scanning).
     */
    private static ScenarioException syntaxError(String label, String text, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        int line = loc == null ? 0 : loc.getLineNr();
        int column = loc == null ? 0 : loc.getColumnNr();
        String message = "syntax error: " + firstLine(e.getOriginalMessage());
        String field = "";
        if (e instanceof UnsupportedYaml) {
            message = e.getOriginalMessage();
        } else if (message.startsWith("syntax error: Expected a field name")) {
            // A list or mapping as a key (YAML's '? [a, b]'): the parser names its event class. It places a flow
            // list or mapping just after its '[' or '{'.
            message = "a field name must be plain text, not a list or a mapping";
            String at = line > 0 ? text.lines().skip(line - 1).findFirst().orElse("") : "";
            if (column >= 2 && column - 2 < at.length() && "[{".indexOf(at.charAt(column - 2)) >= 0) {
                column--;
            }
        } else if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException yaml
                && yaml.getProblem() != null
                && yaml.getProblemMark() != null) {
            line = yaml.getProblemMark().getLine() + 1;
            column = yaml.getProblemMark().getColumn() + 1;
            message =
                    "syntax error: " + plainProblem(firstLine(yaml.getProblem().replace("\\t(TAB)", "tab")));
        } else if (message.startsWith("syntax error: Malformed numeric value")) {
            // YAML's .nan and .inf, and numbers the parser cannot read: the value where it starts, and what is
            // wanted instead.
            if (e.getProcessor() instanceof JsonParser parser && parser.currentTokenLocation() != null) {
                line = parser.currentTokenLocation().getLineNr();
                column = parser.currentTokenLocation().getColumnNr();
                field = pathOf(parser);
            }
            int quote = message.indexOf('\'');
            message = "not a number gpusim can use" + (quote < 0 ? "" : ": " + message.substring(quote))
                    + "; write a finite decimal number";
        }
        return new ScenarioException(List.of(new ValidationError(label, line, column, field, message)));
    }

    private static String pathOf(JsonParser parser) {
        JsonToken token = parser.currentToken();
        var ctx = parser.getParsingContext();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            ctx = ctx.getParent();
        }
        List<String> parts = new ArrayList<>();
        for (var c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject()) {
                parts.add(0, "." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.add(0, "[" + c.getCurrentIndex() + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static ValidationError mappingError(JsonMappingException e, String label) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining());
        if (path.startsWith(".")) {
            path = path.substring(1);
        }
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null
                    ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).toList();
            message = TypeCheck.unknownField(u.getPropertyName(), known);
        } else {
            message = describe(e);
        }
        return new ValidationError(label, 0, 0, path, message);
    }

    /**
     * A binding error the type check let through, in the file's terms: what the field expects where the binder says
     * which type it wanted, else the binder's words unless they name program types.
     */
    private static String describe(JsonMappingException e) {
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            String expected = TypeCheck.expected(m.getTargetType());
            if (expected != null) {
                return expected;
            }
        }
        return plain(firstLine(e.getOriginalMessage()));
    }

    /** A message as it is unless it names program types or exceptions, which mean nothing in a scenario file. */
    private static String plain(String message) {
        if (message.contains("`")
                || message.contains("java.")
                || message.contains("Exception")
                || message.contains("Cannot deserialize")
                || message.contains("Cannot construct")) {
            return "invalid value";
        }
        return message;
    }

    /**
     * Places an error at the line and column of its path, or of the deepest ancestor of the path whose location is
     * known (a missing field is reported at its parent); an error already located is returned as it is.
     */
    public static ValidationError locate(ValidationError err, Map<String, SourceLocation> locations) {
        if (err.line() > 0 || err.path() == null) {
            return err;
        }
        // The deepest known ancestor of the path: a missing field is reported at its parent.
        String p = err.path();
        while (true) {
            SourceLocation loc = locations.get(p);
            if (loc != null) {
                return err.withFile(loc.file()).withLocation(loc.line(), loc.column());
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            if (cut <= 0) {
                return err;
            }
            p = p.substring(0, cut);
        }
    }

    private static ScenarioException single(String label, String message) {
        return new ScenarioException(List.of(new ValidationError(label, 0, 0, "", message)));
    }

    /** The YAML parser's own words for a character no value may start with. */
    private static final Pattern RESERVED_START =
            Pattern.compile("found character '(.)' that cannot start any token\\..*");

    /**
     * The YAML parser's problem in plain words: a value starting with a character YAML reserves ('@', a backtick) is
     * said as such, without the parser's hint about indentation, which is about tabs and misleads here.
     */
    private static String plainProblem(String problem) {
        java.util.regex.Matcher m = RESERVED_START.matcher(problem);
        if (!m.matches()) {
            return problem;
        }
        char c = m.group(1).charAt(0);
        String what = c == '`' ? "a backtick" : "'" + c + "'";
        return "a value cannot start with " + what + " (YAML reserves it); quote the value";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).trim();
    }
}
