package org.glasshouse.metrics.stats;

/**
 * Nigrini's first-digit conformity bands for the mean absolute deviation (Nigrini, "Benford's Law",
 * Wiley 2012, table 7.1). MAD is used rather than the chi-square verdict because chi-square rejects
 * almost any real data set once n is in the thousands.
 */
public enum BenfordConformity {
    CLOSE("close conformity", 0.006),
    ACCEPTABLE("acceptable conformity", 0.012),
    MARGINAL("marginally acceptable conformity", 0.015),
    NONCONFORMITY("nonconformity", Double.POSITIVE_INFINITY);

    private final String label;
    private final double maxMad;

    BenfordConformity(String label, double maxMad) {
        this.label = label;
        this.maxMad = maxMad;
    }

    /** Text used in the report and open data, e.g. "close conformity". */
    public String label() {
        return label;
    }

    /** Upper bound of the band, inclusive; the threshold published next to each flag. */
    public double maxMad() {
        return maxMad;
    }

    public static BenfordConformity ofMad(double mad) {
        if (!(mad >= 0.0) || Double.isInfinite(mad)) {
            throw new IllegalArgumentException("MAD must be finite and >= 0, was " + mad);
        }
        for (BenfordConformity band : values()) {
            if (mad <= band.maxMad) {
                return band;
            }
        }
        throw new AssertionError("unreachable: last band is unbounded");
    }
}
