package org.glasshouse.report.sdc;

/** The values an attacker cannot rule out for a hidden count: [lower, upper]. */
public record Interval(double lower, double upper) {

    public double width() {
        return upper - lower;
    }

    @Override
    public String toString() {
        return "[" + plain(lower) + ", " + plain(upper) + "]";
    }

    private static String plain(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
