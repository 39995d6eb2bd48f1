package org.glasshouse.metrics.stats;

/**
 * Two-sided t-based confidence interval for a mean, from {@link Moments}.
 *
 * <p>Nullable fields rather than NaN: when a figure cannot be computed it is {@code null} and
 * {@link #reason()} says why, so the report can print the reason instead of "NaN". The mean is still
 * given for n = 1 because it is a real figure; only the spread and the interval are missing.
 *
 * @param n             number of observations
 * @param mean          sample mean; null when n = 0
 * @param sd            sample standard deviation (n − 1); null when n &lt; 2
 * @param standardError sd / √n; null when n &lt; 2
 * @param df            degrees of freedom n − 1; null when n &lt; 2
 * @param ciLow         lower bound; null when n &lt; 2
 * @param ciHigh        upper bound; null when n &lt; 2
 * @param level         confidence level, e.g. 0.95
 * @param reason        null when the interval is defined, otherwise why not
 */
public record MeanConfidenceInterval(long n, Double mean, Double sd, Double standardError, Long df,
                                     Double ciLow, Double ciHigh, double level, String reason) {

    public static final double DEFAULT_LEVEL = 0.95;

    public static MeanConfidenceInterval of(Moments moments) {
        return of(moments, DEFAULT_LEVEL);
    }

    public static MeanConfidenceInterval of(Moments moments, double level) {
        StudentT.checkLevel(level);
        long n = moments.n();
        if (n == 0) {
            return new MeanConfidenceInterval(0, null, null, null, null, null, null, level,
                    "no observations");
        }
        if (n == 1) {
            return new MeanConfidenceInterval(1, moments.mean(), null, null, null, null, null, level,
                    "only one observation: a confidence interval needs at least two");
        }
        double mean = moments.mean();
        double sd = moments.sd();
        double se = sd / Math.sqrt(n);
        long df = n - 1;
        // With sd = 0 the t interval has zero width; that is what the data say, so it is returned as is.
        double halfWidth = StudentT.twoSidedCriticalValue(level, df) * se;
        return new MeanConfidenceInterval(n, mean, sd, se, df, mean - halfWidth, mean + halfWidth, level, null);
    }

    public boolean isDefined() {
        return reason == null;
    }
}
