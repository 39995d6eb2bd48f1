package org.glasshouse.report.sdc;

/**
 * What the attacker's interval of one small count must reach: down to {@code lower} and up to {@code upper}.
 * Asked for: max(floor, value − p) and value + p. Where the release's structure alone keeps any attacker above the
 * first (a total over two programmes that each served someone is at least 2, whatever is hidden), the floor is what
 * hiding every cell linked to the count achieves, so a pattern that protects exists by construction
 * ({@link RequiredProtection}).
 *
 * @param reduced true when the structure raised {@code lower} (or lowered {@code upper}) from what was asked
 */
public record Protection(String cell, long value, long lower, long upper, boolean reduced) {

    private static final double EPS = 1e-6;

    public boolean met(Interval i) {
        return upperMet(i) && lowerMet(i);
    }

    public boolean upperMet(Interval i) {
        return i.upper() >= upper - EPS;
    }

    public boolean lowerMet(Interval i) {
        return i.lower() <= lower + EPS;
    }

    /** People below the value the interval must reach. */
    public long below() {
        return value - lower;
    }

    /** People above the value the interval must reach. */
    public long above() {
        return upper - value;
    }
}
