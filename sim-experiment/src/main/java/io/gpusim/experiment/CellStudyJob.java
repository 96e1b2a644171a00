package io.gpusim.experiment;

import io.gpusim.core.scenario.ScenarioTemplate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A job that runs the cells of a {@link Study}: what it is, how big, and what it ran, read from the study. */
abstract class CellStudyJob<R> implements StudyJob<R> {
    /** The study whose cells the job runs. */
    protected final Study study;

    private final List<ScenarioTemplate> templates;

    CellStudyJob(Study study, List<ScenarioTemplate> templates) {
        this.study = study;
        this.templates = List.copyOf(templates);
    }

    public Study study() {
        return study;
    }

    @Override
    public String name() {
        return study.name();
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
    public Map<String, Object> manifestScenarios() {
        Map<String, Object> scenarios = new LinkedHashMap<>();
        for (Cell c : study.cells()) {
            scenarios.put(c.displayLabel(), c.scenario());
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
}
