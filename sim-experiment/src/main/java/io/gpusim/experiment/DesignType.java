package io.gpusim.experiment;

/** How a sweep chooses its points. */
public enum DesignType {
    /** Every combination: the listed values, or evenly spaced levels of each range. */
    GRID,
    /** Independent uniform draws in each range. */
    MC,
    /** Latin hypercube: each range cut into as many strata as points, each stratum used once. */
    LHS,
    /** A Sobol low-discrepancy sequence (first point skipped). */
    SOBOL;

    /** The designs' names as written on the command line and in study files, for help and completion. */
    public static final class Names extends java.util.ArrayList<String> {
        private static final long serialVersionUID = 1L;

        public Names() {
            super(java.util.Arrays.stream(values())
                    .map(d -> d.name().toLowerCase(java.util.Locale.ROOT))
                    .toList());
        }
    }
}
