package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioTemplate;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/** A batch, sweep or comparison as a {@link StudyJob}: the cells of a {@link Study}, each replicated. */
public final class CellsJob extends CellStudyJob<StudyResult> {
    private final List<DesignPoint> points;

    /**
     * @param templates the scenario files the study read (for the manifest's file digests)
     * @param points the design points of a sweep (empty otherwise)
     */
    public CellsJob(Study study, List<ScenarioTemplate> templates, List<DesignPoint> points) {
        super(study, templates);
        this.points = List.copyOf(points);
    }

    @Override
    public String kind() {
        return study.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String describe() {
        return study.describe();
    }

    @Override
    public String fingerprint() {
        return study.fingerprint();
    }

    @Override
    public int journalGroup() {
        return study.kind() == StudyKind.COMPARE ? 2 : 1;
    }

    @Override
    public boolean series() {
        return study.seriesRuns() > 0;
    }

    @Override
    public List<DesignPoint> designPoints() {
        return points;
    }

    @Override
    public StudyResult run(StudyRunner runner, StudyOutput out, Journal journal)
            throws IOException, InterruptedException {
        return runner.run(study, out, journal);
    }

    @Override
    public List<StudyResult.Failure> failures(StudyResult result) {
        return result.failures();
    }

    @Override
    public long runsTotal(StudyResult result) {
        return result.totalRuns();
    }
}
