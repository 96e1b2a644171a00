package io.gpusim.core.scenario;

/** Where a value was written: file, line and column (1-based; 0 when unknown). */
public record SourceLocation(String file, int line, int column) implements java.io.Serializable {}
