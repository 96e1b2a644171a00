package io.gpusim.core.scenario;

import java.util.List;
import java.util.Locale;

/** Suggestions for misspelt names: the known name within two edits of what was written. */
public final class Spelling {
    private static final int MAX_EDITS = 2;

    private Spelling() {}

    /**
     * The known name nearest to {@code written} (case ignored) when it is at most two insertions, deletions or
     * substitutions away and nearer than the written name is long; the first such name on a tie; null otherwise.
     */
    public static String closest(String written, List<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String w = written.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(w, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return bestDistance <= MAX_EDITS && bestDistance < written.length() ? best : null;
    }

    /** Levenshtein distance: the fewest single-character insertions, deletions and substitutions from a to b. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
