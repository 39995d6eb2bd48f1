package org.glasshouse.metrics.stats;

/**
 * Count, sum and sum of squares of a sample: the sufficient statistics Spark aggregates per group, so
 * the driver never needs the rows. Mergeable in any order, like the partial aggregates it comes from.
 *
 * <p>{@link #mean()} and {@link #variance()} throw instead of returning NaN when they are undefined, so a
 * NaN can never travel silently into a published table; the interval and test classes check {@code n}
 * first and report a reason instead.
 */
public record Moments(long n, double sum, double sumOfSquares) {

    public static final Moments EMPTY = new Moments(0, 0.0, 0.0);

    public Moments {
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (!Double.isFinite(sum) || !Double.isFinite(sumOfSquares)) {
            throw new IllegalArgumentException("sums must be finite, were " + sum + ", " + sumOfSquares);
        }
        if (sumOfSquares < 0.0) {
            throw new IllegalArgumentException("sum of squares cannot be negative, was " + sumOfSquares);
        }
        if (n == 0 && (sum != 0.0 || sumOfSquares != 0.0)) {
            throw new IllegalArgumentException("an empty sample has zero sums");
        }
    }

    /** Builds the sums from raw values; meant for tests and small driver-side samples. */
    public static Moments of(double... xs) {
        double sum = 0.0;
        double sumOfSquares = 0.0;
        for (double x : xs) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("values must be finite, got " + x);
            }
            sum += x;
            sumOfSquares += x * x;
        }
        return new Moments(xs.length, sum, sumOfSquares);
    }

    public Moments merge(Moments other) {
        return new Moments(n + other.n, sum + other.sum, sumOfSquares + other.sumOfSquares);
    }

    /** @throws IllegalStateException when n = 0 */
    public double mean() {
        if (n < 1) {
            throw new IllegalStateException("mean of an empty sample is undefined");
        }
        return sum / n;
    }

    /** Sample variance (divisor n − 1). @throws IllegalStateException when n &lt; 2 */
    public double variance() {
        if (n < 2) {
            throw new IllegalStateException("sample variance needs n >= 2, n = " + n);
        }
        return OnePassSums.centredSumOfSquares(n, sum, sumOfSquares) / (n - 1);
    }

    /** Sample standard deviation. @throws IllegalStateException when n &lt; 2 */
    public double sd() {
        return Math.sqrt(variance());
    }
}
