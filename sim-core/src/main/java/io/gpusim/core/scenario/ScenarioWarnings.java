package io.gpusim.core.scenario;

import io.gpusim.core.scenario.RegulatorSpec.LeakSpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What is valid but probably not meant, said before anything runs: a buyer that is also named in the description of
 * another buyer (an aggregate such as "the rest of the market, Baidu included") whose demand then likely counts the
 * same purchases twice; a regulator field that its mode does not use (a {@code banDate} with mode {@code NONE} or
 * {@code HAZARD}, a {@code hazard} block without mode {@code HAZARD}), which the run ignores; a ban whose grace period
 * ends after the run, or whose leak would come before it. Warnings never stop a run.
 */
public final class ScenarioWarnings {
    private ScenarioWarnings() {}

    /** The warnings of a valid scenario, each with the path of the field it is about and no location yet. */
    public static List<ValidationError> of(Scenario s) {
        List<ValidationError> out = new ArrayList<>();
        if (s.regulator() != null) {
            unusedByMode(s.regulator(), out);
            if (s.simulation() != null) {
                outsideTheRun(s.regulator(), s.simulation(), out);
            }
        }
        List<HyperscalerSpec> buyers = s.hyperscalers() == null ? List.of() : s.hyperscalers();
        for (int i = 0; i < buyers.size(); i++) {
            HyperscalerSpec named = buyers.get(i);
            if (named == null || named.name() == null || named.name().isBlank()) {
                continue;
            }
            Pattern word = Pattern.compile(
                    "(?<![\\p{L}\\p{N}])" + Pattern.quote(named.name()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            for (int j = 0; j < buyers.size(); j++) {
                HyperscalerSpec aggregate = buyers.get(j);
                if (j == i || aggregate == null || aggregate.description() == null) {
                    continue;
                }
                if (word.matcher(aggregate.description()).find()) {
                    out.add(new ValidationError(
                            null,
                            0,
                            0,
                            "hyperscalers[" + i + "].name",
                            String.format(
                                    Locale.ROOT,
                                    "warning: '%s' is also part of '%s' (hyperscalers[%d].description: \"%s\"); its "
                                            + "demand is then counted twice: take it out of '%s' (lower its "
                                            + "demandUnitsPerWeek and its description) or leave '%s' out",
                                    named.name(),
                                    aggregate.name(),
                                    j,
                                    aggregate.description(),
                                    aggregate.name(),
                                    named.name())));
                }
            }
        }
        return out;
    }

    /** The regulator's fields that its mode ignores, each a warning at the field. */
    private static void unusedByMode(RegulatorSpec r, List<ValidationError> out) {
        if (r.banDate() != null && (r.mode() == BanMode.NONE || r.mode() == BanMode.HAZARD)) {
            out.add(warning(
                    "regulator.banDate",
                    (r.mode() == BanMode.NONE ? "mode NONE never bans" : "mode HAZARD draws the ban's date")
                            + ", so banDate is ignored (only DATE and THRESHOLD use it); leave it out"));
        }
        for (RecordField c : RecordField.of(RegulatorSpec.class)) {
            BanMode only = ScenarioValidator.onlyInMode(RegulatorSpec.class, c.name());
            if (only != null && only != r.mode() && c.read(r) != null) {
                out.add(warning(
                        "regulator." + c.name(),
                        "only mode " + only + " uses " + c.name() + " and the mode is " + r.mode()
                                + ", so it is ignored; leave it out"));
            }
        }
    }

    /**
     * A dated ban whose effect or leak the run cannot hold: a grace period that carries the effect past the last
     * simulated day (no run then sees the ban take effect: no ban day, no write-down), and a leak lead that puts the
     * leak before day 0 (it is then published on the first day, not when the file says).
     */
    private static void outsideTheRun(RegulatorSpec r, SimulationSpec sim, List<ValidationError> out) {
        boolean dated = r.mode() == BanMode.DATE || r.mode() == BanMode.THRESHOLD;
        if (!dated || r.banDate() == null || sim.startDate() == null || sim.endDate() == null) {
            return;
        }
        int grace = r.graceDays() == null ? 0 : r.graceDays();
        LocalDate effective = r.banDate().plusDays(grace);
        if (grace > 0 && effective.isAfter(sim.endDate())) {
            out.add(warning(
                    "regulator.graceDays",
                    "the ban announced on " + r.banDate() + " takes effect on " + effective + ", after the last "
                            + "simulated day (" + sim.endDate() + "), so no run sees it take effect (no ban day, no "
                            + "write-down); shorten the grace period or extend simulation.endDate"));
        }
        LeakSpec leak = r.leak();
        if (leak != null && leak.leadDays() != null && leak.probability() != null && leak.probability() > 0) {
            LocalDate leakDate = r.banDate().minusDays(leak.leadDays());
            if (leakDate.isBefore(sim.startDate())) {
                out.add(warning(
                        "regulator.leak.leadDays",
                        "the leak would come on " + leakDate + ", before the first simulated day ("
                                + sim.startDate() + "), so it is published on that first day instead; shorten the "
                                + "lead or start the simulation earlier"));
            }
        }
    }

    private static ValidationError warning(String path, String message) {
        return new ValidationError(null, 0, 0, path, "warning: " + message);
    }
}
