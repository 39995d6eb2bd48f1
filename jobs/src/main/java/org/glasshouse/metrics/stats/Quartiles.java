package org.glasshouse.metrics.stats;

import java.util.Arrays;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Quartiles and Tukey fences of a small set of values (one per partner or agreement in a programme), used
 * to flag cost-per-beneficiary outliers above Q3 + k·IQR.
 *
 * <p>Quartiles use estimation type R-7 (linear interpolation at (n − 1)·p + 1), the same as Excel's
 * QUARTILE.INC / PERCENTILE.INC, R's default {@code quantile(type = 7)} and NumPy's default
 * {@code percentile}, so anyone can reproduce the published quartiles from the open data. Commons Math's
 * own default ("LEGACY") gives different answers on small samples and is deliberately not used.
 *
 * <p>Below four values the pipeline does not flag outliers, so the result is undefined with a reason.
 *
 * @param n          number of values
 * @param q1         first quartile (25th percentile, R-7)
 * @param median     median
 * @param q3         third quartile (75th percentile, R-7)
 * @param iqr        q3 − q1
 * @param lowerFence q1 − k·iqr
 * @param upperFence q3 + k·iqr
 * @param k          fence multiplier
 * @param reason     null when defined, otherwise why not
 */
public record Quartiles(int n, Double q1, Double median, Double q3, Double iqr, Double lowerFence,
                        Double upperFence, double k, String reason) {

    public static final double DEFAULT_K = 1.5;
    public static final int MINIMUM_N = 4;

    public static Quartiles of(double[] values) {
        return of(values, DEFAULT_K);
    }

    public static Quartiles of(double[] values, double k) {
        if (!(k >= 0.0) || Double.isInfinite(k)) {
            throw new IllegalArgumentException("fence multiplier must be finite and >= 0, was " + k);
        }
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("values must be finite, got " + v);
            }
        }
        int n = values.length;
        if (n < MINIMUM_N) {
            return new Quartiles(n, null, null, null, null, null, null, k,
                    "only " + n + " values: quartiles and outlier fences are computed from " + MINIMUM_N);
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
        percentile.setData(Arrays.copyOf(values, n));
        double q1 = percentile.evaluate(25.0);
        double median = percentile.evaluate(50.0);
        double q3 = percentile.evaluate(75.0);
        double iqr = q3 - q1;
        return new Quartiles(n, q1, median, q3, iqr, q1 - k * iqr, q3 + k * iqr, k, null);
    }

    /** True when the value lies strictly above the upper fence; always false when undefined (no flagging). */
    public boolean isAboveUpperFence(double value) {
        return isDefined() && value > upperFence;
    }

    public boolean isDefined() {
        return reason == null;
    }
}
