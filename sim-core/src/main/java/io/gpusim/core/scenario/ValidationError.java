package io.gpusim.core.scenario;

/**
 * One problem found in a scenario: where it is (file, line and column when known, and the field path) and what is
 * wrong. {@link #toString()} gives the one-line form {@code FILE:LINE:COL: PATH: message}.
 */
public record ValidationError(String file, int line, int column, String path, String message)
        implements java.io.Serializable {

    public ValidationError withFile(String newFile) {
        return new ValidationError(newFile, line, column, path, message);
    }

    public ValidationError withLocation(int newLine, int newColumn) {
        return new ValidationError(file, newLine, newColumn, path, message);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
                if (column > 0) {
                    sb.append(':').append(column);
                }
            }
            sb.append(": ");
        }
        if (path != null && !path.isEmpty()) {
            sb.append(path).append(": ");
        }
        return sb.append(message).toString();
    }
}
