package io.gpusim.experiment;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The CSV mapper every output uses, and atomic file writing. */
public final class Csv {
    /** Quotes a value only when it needs quoting (Jackson otherwise quotes every long string). */
    public static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
            .build();

    private Csv() {}

    /** A number for a field of a CSV row object: null (an empty cell) when it is NaN or infinite. */
    public static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /**
     * Moves a finished temporary file into place, readable by everyone like any ordinary file (temporary files are
     * created private).
     */
    public static void publish(Path tmp, Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException notPosix) {
            // the file system's defaults apply
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer w) throws IOException;
    }

    /**
     * Writes {@code file} under a temporary name in the same directory and renames it into place, so a reader never
     * sees half a file; on failure the temporary file is removed and {@code file} is untouched.
     */
    public static void writeAtomically(Path file, Content content) throws IOException {
        Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(tmp)) {
                content.writeTo(w);
            }
            publish(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
