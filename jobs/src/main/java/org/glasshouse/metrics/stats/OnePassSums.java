package org.glasshouse.metrics.stats;

/**
 * Centred sums recovered from the raw sums Spark aggregates (Σx, Σx²), in one place so every
 * consumer agrees on what counts as "no spread".
 *
 * <p>Σx² − (Σx)²/n cancels catastrophically when the mean is large relative to the spread, and can
 * come out as a tiny positive or negative number for data with no spread at all. Anything below
 * the worst-case rounding error of summing n non-negative terms (about n·ε·Σx²) cannot be told apart
 * from zero, so it is reported as zero rather than as a spurious, enormous t statistic.
 */
final class OnePassSums {

    private OnePassSums() {
    }

    static double centredSumOfSquares(long n, double sum, double sumOfSquares) {
        if (n <= 0) {
            return 0.0;
        }
        double centred = sumOfSquares - sum * (sum / n);
        double roundingNoise = 2.0 * n * Math.ulp(1.0) * Math.abs(sumOfSquares);
        return centred <= roundingNoise ? 0.0 : centred;
    }

    static double centredCrossProduct(long n, double sumX, double sumY, double sumXY) {
        return sumXY - sumX * (sumY / n);
    }
}
