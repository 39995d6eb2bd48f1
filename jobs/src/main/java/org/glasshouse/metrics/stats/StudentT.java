package org.glasshouse.metrics.stats;

import org.apache.commons.math3.distribution.TDistribution;

/** Student t quantiles and tail probabilities, configured once for every interval and test here. */
final class StudentT {

    /*
     * Commons Math's default solver accuracy for inverse CDFs is 1e-9 absolute, which shows up in the
     * last published digit of a CI; the Brent solver reaches 1e-14 in a handful of extra iterations.
     */
    private static final double INVERSE_ABSOLUTE_ACCURACY = 1e-14;

    private StudentT() {
    }

    /** t such that P(|T| ≤ t) = level, i.e. the multiplier of a two-sided interval. */
    static double twoSidedCriticalValue(double level, double df) {
        return distribution(df).inverseCumulativeProbability(0.5 + level / 2.0);
    }

    /**
     * Two-sided p-value. Taken as 2·P(T ≤ −|t|) rather than 2·(1 − P(T ≤ |t|)) so small p-values keep
     * their precision instead of cancelling to 0.
     */
    static double twoSidedP(double t, double df) {
        return Math.min(1.0, 2.0 * distribution(df).cumulativeProbability(-Math.abs(t)));
    }

    static void checkLevel(double level) {
        if (!(level > 0.0 && level < 1.0)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
    }

    private static TDistribution distribution(double df) {
        // No sampling happens here, so no random generator is needed (the default seeds a Well19937c per call).
        return new TDistribution(null, df, INVERSE_ABSOLUTE_ACCURACY);
    }
}
