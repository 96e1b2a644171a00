package io.gpusim.core.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What is valid but probably not meant, said before anything runs: a buyer that is also named in the description of
 * another buyer (an aggregate such as "the rest of the market, Baidu included") whose demand then likely counts the
 * same purchases twice; a regulator field that its mode does not use (a {@code banDate} with mode {@code NONE} or
 * {@code HAZARD}, a {@code hazard} block without mode {@code HAZARD}), which the run ignores. Warnings never stop a
 * run.
 */
public final class ScenarioWarnings {
    private ScenarioWarnings() {}

    /** The warnings of a valid scenario, each with the path of the field it is about and no location yet. */
    public static List<ValidationError> of(Scenario s) {
        List<ValidationError> out = new ArrayList<>();
        if (s.regulator() != null) {
            unusedByMode(s.regulator(), out);
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

    private static ValidationError warning(String path, String message) {
        return new ValidationError(null, 0, 0, path, "warning: " + message);
    }
}
