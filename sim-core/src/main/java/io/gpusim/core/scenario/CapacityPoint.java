package io.gpusim.core.scenario;

import java.time.LocalDate;

/** A point of a piecewise-linear capacity curve (units per month), held flat beyond the last point. */
public record CapacityPoint(LocalDate date, Double unitsPerMonth) implements java.io.Serializable {
}
