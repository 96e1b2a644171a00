package io.gpusim.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A request the API refuses: an HTTP status and one or more problems, each naming the request field at fault (for
 * example {@code runs}, {@code set.regulator.graceDays} or {@code b.set.regulator.banDate}).
 */
public final class ApiException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One problem: the field it concerns ("" for the request as a whole) and what is wrong. */
    public record Problem(String field, String message) {
        @Override
        public String toString() {
            return field.isEmpty() ? message : field + ": " + message;
        }
    }

    private final int status;
    private final transient List<Problem> problems;

    public ApiException(int status, List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public ApiException(int status, String field, String message) {
        this(status, List.of(new Problem(field, message)));
    }

    /** A 400 Bad Request about one field. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    public int status() {
        return status;
    }

    public List<Problem> problems() {
        return problems;
    }
}
