package org.glasshouse.metrics.stats;

import java.util.OptionalDouble;

/**
 * Ordinary least-squares line y = intercept + slope·x from the five sums (n, Σx, Σy, Σxx, Σxy), used to
 * project period actuals to an agreement's end date.
 *
 * <p>The sums lose precision when x is far from zero relative to its spread (e.g. epoch milliseconds),
 * so callers should pass x as something small such as days or months since the agreement started.
 *
 * @param n         number of points
 * @param slope     change in y per unit of x; null when undefined
 * @param intercept y at x = 0; null when undefined
 * @param reason    null when the line is defined, otherwise why not
 */
public record LinearTrend(long n, Double slope, Double intercept, String reason) {

    public static LinearTrend fromSums(long n, double sumX, double sumY, double sumXX, double sumXY) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (!(Double.isFinite(sumX) && Double.isFinite(sumY) && Double.isFinite(sumXX) && Double.isFinite(sumXY))) {
            throw new IllegalArgumentException("sums must be finite");
        }
        if (n < 2) {
            return new LinearTrend(n, null, null, "a trend needs at least two periods, got " + n);
        }
        double sxx = OnePassSums.centredSumOfSquares(n, sumX, sumXX);
        if (sxx == 0.0) {
            return new LinearTrend(n, null, null, "all points are at the same x: the slope is undefined");
        }
        double slope = OnePassSums.centredCrossProduct(n, sumX, sumY, sumXY) / sxx;
        double intercept = (sumY - slope * sumX) / n;
        return new LinearTrend(n, slope, intercept, null);
    }

    /** Convenience for tests and small driver-side series. */
    public static LinearTrend fromPoints(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        double sumX = 0, sumY = 0, sumXX = 0, sumXY = 0;
        for (int i = 0; i < x.length; i++) {
            sumX += x[i];
            sumY += y[i];
            sumXX += x[i] * x[i];
            sumXY += x[i] * y[i];
        }
        return fromSums(x.length, sumX, sumY, sumXX, sumXY);
    }

    /** The fitted y at x; empty when the line is undefined. */
    public OptionalDouble predict(double x) {
        return isDefined() ? OptionalDouble.of(intercept + slope * x) : OptionalDouble.empty();
    }

    public boolean isDefined() {
        return reason == null;
    }
}
