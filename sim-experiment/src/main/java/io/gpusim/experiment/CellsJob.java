package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioTemplate;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A batch, sweep or comparison as a {@link StudyJob}: the cells of a {@link Study}, each replicated. */
public final class CellsJob implements StudyJob<StudyResult> {
    private final Study study;
    private final List<ScenarioTemplate> templates;
    private final List<DesignPoint> points;

    /**
     * @param templates the scenario files the study read (for the manifest's file digests)
     * @param points the design points of a sweep (empty otherwise)
     */
    public CellsJob(Study study, List<ScenarioTemplate> templates, List<DesignPoint> points) {
        this.study = study;
        this.templates = List.copyOf(templates);
        this.points = List.copyOf(points);
    }

    public Study study() {
        return study;
    }

    @Override
    public String name() {
        return study.name();
    }

    @Override
    public String kind() {
        return study.kind().name().toLowerCase(Locale.ROOT);
    }

    @Override
    public long seed() {
        return study.seed();
    }

    @Override
    public int runsPerCell() {
        return study.runs();
    }

    @Override
    public long plannedRuns() {
        return study.plannedRuns();
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
    public Map<String, Object> manifestScenarios() {
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (Cell c : study.cells()) {
            scenarios.put(
                    c.pointLabel().isEmpty() ? c.scenarioLabel() : c.scenarioLabel() + " point " + c.pointLabel(),
                    c.scenario());
        }
        return scenarios;
    }

    @Override
    public Map<String, String> scenarioFiles() {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (ScenarioTemplate t : templates) {
            hashes.putAll(t.fileHashes());
        }
        return hashes;
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
