package org.glasshouse.metrics.stats;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Benford first-digit test from counts of first significant digits 1..9 (index 0 = digit 1).
 *
 * <p>Null fields plus {@link #reason()} stand in for NaN: below the minimum sample size the observed
 * proportions are still given but the test figures are not, because with few amounts the first digits
 * say nothing about manipulation.
 *
 * @param n          number of amounts counted
 * @param observed   observed proportion of each digit 1..9 (empty when n = 0)
 * @param expected   Benford proportions log10(1 + 1/d)
 * @param mad        mean absolute deviation over the nine digits
 * @param conformity Nigrini band of the MAD
 * @param chiSquare  Pearson chi-square statistic against Benford, 8 degrees of freedom
 * @param pValue     upper-tail p-value of chiSquare
 * @param reason     null when the test is defined, otherwise why not
 */
public record BenfordTest(long n, List<Double> observed, List<Double> expected, Double mad,
                          BenfordConformity conformity, Double chiSquare, Double pValue, String reason) {

    /** The pipeline runs the test on a partner's expenditures only from this many amounts (SPEC §4). */
    public static final long DEFAULT_MINIMUM_N = 100;

    public static final List<Double> EXPECTED = expectedProportions();

    private static final int DEGREES_OF_FREEDOM = 8;

    public BenfordTest {
        observed = List.copyOf(observed);
        expected = List.copyOf(expected);
    }

    public static BenfordTest of(long[] digitCounts) {
        return of(digitCounts, DEFAULT_MINIMUM_N);
    }

    public static BenfordTest of(long[] digitCounts, long minimumN) {
        if (digitCounts.length != 9) {
            throw new IllegalArgumentException("need counts for digits 1..9, got " + digitCounts.length);
        }
        long n = 0;
        for (long count : digitCounts) {
            if (count < 0) {
                throw new IllegalArgumentException("digit counts cannot be negative");
            }
            n += count;
        }
        if (n == 0) {
            return new BenfordTest(0, List.of(), EXPECTED, null, null, null, null, "no amounts to test");
        }
        List<Double> observed = new ArrayList<>(9);
        for (long count : digitCounts) {
            observed.add((double) count / n);
        }
        if (n < minimumN) {
            return new BenfordTest(n, observed, EXPECTED, null, null, null, null,
                    "only " + n + " amounts: the Benford test is run from " + minimumN);
        }
        double absoluteDeviations = 0.0;
        double chiSquare = 0.0;
        for (int i = 0; i < 9; i++) {
            double p = EXPECTED.get(i);
            absoluteDeviations += Math.abs(observed.get(i) - p);
            double expectedCount = n * p;
            double diff = digitCounts[i] - expectedCount;
            chiSquare += diff * diff / expectedCount;
        }
        double mad = absoluteDeviations / 9.0;
        // p below ~1e-16 comes out as exactly 0 (1 − CDF); the report prints such values as "< 0.001" anyway.
        double pValue = 1.0 - new ChiSquaredDistribution(null, DEGREES_OF_FREEDOM).cumulativeProbability(chiSquare);
        return new BenfordTest(n, observed, EXPECTED, mad, BenfordConformity.ofMad(mad), chiSquare,
                Math.max(0.0, pValue), null);
    }

    /**
     * First significant digit of |amount|, 0 for 0, NaN and infinities (they have none).
     *
     * <p>Goes through the shortest decimal representation ({@link BigDecimal#valueOf(double)}) because that
     * is the number the partner wrote: 0.3 is stored as 0.29999999999999998889…, and both the exact binary
     * expansion and floor(x / 10^floor(log10 x)) can land on the wrong digit for such values.
     */
    public static int firstDigit(double amount) {
        if (amount == 0.0 || !Double.isFinite(amount)) {
            return 0;
        }
        // The unscaled value of a non-zero decimal is a positive integer whose leading digit is the answer.
        String digits = BigDecimal.valueOf(Math.abs(amount)).unscaledValue().toString();
        return digits.charAt(0) - '0';
    }

    /** Counts first digits of raw amounts (index 0 = digit 1), skipping amounts without one. For tests and small samples. */
    public static long[] countFirstDigits(double... amounts) {
        long[] counts = new long[9];
        for (double amount : amounts) {
            int digit = firstDigit(amount);
            if (digit > 0) {
                counts[digit - 1]++;
            }
        }
        return counts;
    }

    public boolean isDefined() {
        return reason == null;
    }

    private static List<Double> expectedProportions() {
        List<Double> proportions = new ArrayList<>(9);
        for (int d = 1; d <= 9; d++) {
            proportions.add(Math.log10(1.0 + 1.0 / d));
        }
        return List.copyOf(proportions);
    }
}
