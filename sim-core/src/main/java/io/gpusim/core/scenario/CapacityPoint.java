package io.gpusim.core.scenario;

import java.time.LocalDate;

/** A point of a piecewise-linear capacity curve (units per month), held flat beyond the last point. */
public record CapacityPoint(
        @Param(description = "date of the point (dates increase along the curve)")
        LocalDate date,

        @Param(description = "cap on production starts at that date", unit = "units/month", min = 0, max = 1e8)
        Double unitsPerMonth)
        implements java.io.Serializable {}
