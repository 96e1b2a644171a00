package io.gpusim.experiment;

/** What a study does with its cells. */
public enum StudyKind {
    /** Replicate each scenario. */
    BATCH,
    /** Replicate each scenario at each design point. */
    SWEEP,
    /** Replicate two variants with common random numbers and compare them pairwise. */
    COMPARE
}
