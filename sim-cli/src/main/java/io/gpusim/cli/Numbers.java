package io.gpusim.cli;

import java.math.BigDecimal;

/** Number formatting for command output. */
final class Numbers {
    private Numbers() {}

    /** Shortest exact decimal form, without exponent for ordinary magnitudes. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
