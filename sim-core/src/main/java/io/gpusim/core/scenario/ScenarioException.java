package io.gpusim.core.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** A scenario could not be read or is invalid; carries every problem found, one line each. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ValidationError> errors;

    public ScenarioException(List<ValidationError> errors) {
        super(errors.stream().map(ValidationError::toString).collect(Collectors.joining(System.lineSeparator())));
        this.errors = List.copyOf(errors);
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
