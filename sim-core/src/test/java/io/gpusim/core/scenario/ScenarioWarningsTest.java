package io.gpusim.core.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioWarningsTest {

    /** The warnings of a scenario that has only these buyers, each as {@code path: message}. */
    private static List<String> warnings(String buyers) throws Exception {
        var mapper = ScenarioLoader.yamlMapper();
        Scenario s = mapper.treeToValue(mapper.readTree("{hyperscalers: " + buyers + "}"), Scenario.class);
        return ScenarioWarnings.of(s).stream().map(ValidationError::toString).toList();
    }

    private static String twice(int named, String name, int aggregate, String aggregateName, String description) {
        return "hyperscalers[" + named + "].name: warning: '" + name + "' is also part of '" + aggregateName
                + "' (hyperscalers[" + aggregate + "].description: \"" + description + "\"); its demand is then "
                + "counted twice: take it out of '" + aggregateName + "' (lower its demandUnitsPerWeek and its "
                + "description) or leave '" + name + "' out";
    }

    @Test
    void aBuyerNamedInAnotherBuyersDescriptionIsWarnedOf() throws Exception {
        assertEquals(
                List.of(twice(1, "Baidu", 0, "Others", "the rest, baidu-owned clouds included")),
                warnings("[{name: Others, description: 'the rest, baidu-owned clouds included'}, {name: Baidu}]"));
    }

    @Test
    void everyPairIsWarnedOfInBuyerOrder() throws Exception {
        assertEquals(
                List.of(
                        twice(0, "A", 2, "Rest", "A and B"),
                        twice(1, "B", 2, "Rest", "A and B"),
                        twice(2, "Rest", 3, "Other", "not the Rest")),
                warnings("[{name: A}, {name: B, description: B alone}, {name: Rest, description: A and B},"
                        + " {name: Other, description: not the Rest}]"));
    }

    @Test
    void onlyTheWholeNameOfAnotherBuyerCounts() throws Exception {
        assertEquals(
                List.of(),
                warnings("[{name: Baidu, description: Baidu's own cloud}, {name: Rest, description: 'Baidus,"
                        + " XBaidu, Baidu2, A.B, a -  - b'}, {name: AxB, description: none}, {name: ' ', description: x},"
                        + " {description: x}]"));
        assertEquals(List.of(), warnings("null"));
    }

    /** The warnings of a scenario that has only this regulator. */
    private static List<String> regulatorWarnings(String regulator) throws Exception {
        var mapper = ScenarioLoader.yamlMapper();
        Scenario s = mapper.treeToValue(mapper.readTree("{regulator: " + regulator + "}"), Scenario.class);
        return ScenarioWarnings.of(s).stream().map(ValidationError::toString).toList();
    }

    @Test
    void aRegulatorFieldThatItsModeIgnoresIsWarnedOf() throws Exception {
        String hazard = "hazard: {baseHazardPerYear: 1}";
        assertEquals(
                List.of("regulator.banDate: warning: mode NONE never bans, so banDate is ignored (only DATE and "
                        + "THRESHOLD use it); leave it out"),
                regulatorWarnings("{mode: NONE, banDate: 2025-04-09}"));
        assertEquals(
                List.of("regulator.banDate: warning: mode HAZARD draws the ban's date, so banDate is ignored (only "
                        + "DATE and THRESHOLD use it); leave it out"),
                regulatorWarnings("{mode: HAZARD, banDate: 2025-04-09, " + hazard + "}"));
        assertEquals(
                List.of(
                        "regulator.hazard: warning: only mode HAZARD uses hazard and the mode is DATE, so it is "
                                + "ignored; leave it out",
                        "regulator.thresholds: warning: only mode THRESHOLD uses thresholds and the mode is DATE, so "
                                + "it is ignored; leave it out"),
                regulatorWarnings("{mode: DATE, banDate: 2025-04-09, " + hazard + ", thresholds: {maxTpp: 4800}}"));
        assertEquals(List.of(), regulatorWarnings("{mode: HAZARD, " + hazard + "}"));
        assertEquals(List.of(), regulatorWarnings("{mode: THRESHOLD, banDate: 2025-04-09, thresholds: {maxTpp: 1}}"));
    }

    /** The warnings of a scenario with this calendar and regulator. */
    private static List<String> timed(String simulation, String regulator) throws Exception {
        var mapper = ScenarioLoader.yamlMapper();
        Scenario s = mapper.treeToValue(
                mapper.readTree("{simulation: " + simulation + ", regulator: " + regulator + "}"), Scenario.class);
        return ScenarioWarnings.of(s).stream().map(ValidationError::toString).toList();
    }

    @Test
    void aBanThatTakesEffectAfterTheRunOrLeaksBeforeItIsWarnedOf() throws Exception {
        String calendar = "{startDate: 2024-04-01, endDate: 2026-06-28, stepDays: 7}";
        assertEquals(
                List.of(
                        "regulator.graceDays: warning: the ban announced on 2026-06-01 takes effect on 2026-07-01, after "
                                + "the last simulated day (2026-06-28), so no run sees it take effect (no ban day, no "
                                + "write-down); shorten the grace period or extend simulation.endDate"),
                timed(calendar, "{mode: DATE, banDate: 2026-06-01, graceDays: 30}"));
        assertEquals(
                List.of(
                        "regulator.leak.leadDays: warning: the leak would come on 2024-03-31, before the first simulated "
                                + "day (2024-04-01), so it is published on that first day instead; shorten the lead or start "
                                + "the simulation earlier"),
                timed(calendar, "{mode: DATE, banDate: 2024-05-01, leak: {probability: 0.5, leadDays: 31}}"));
        // in the run: no warning, and a leak that never happens cannot come too early
        assertEquals(List.of(), timed(calendar, "{mode: DATE, banDate: 2026-06-01, graceDays: 27}"));
        assertEquals(
                List.of(),
                timed(calendar, "{mode: DATE, banDate: 2024-05-01, leak: {probability: 0.5, leadDays: 30}}"));
        assertEquals(
                List.of(), timed(calendar, "{mode: DATE, banDate: 2024-05-01, leak: {probability: 0, leadDays: 90}}"));
    }
}
