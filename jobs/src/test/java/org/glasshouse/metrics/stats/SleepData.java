package org.glasshouse.metrics.stats;

/**
 * Student's (1908) sleep data as shipped in R's {@code datasets::sleep}: extra hours of sleep of ten
 * patients under two drugs. Reference results below are R's {@code t.test} output, re-derived with SciPy
 * ({@code ttest_rel}, {@code ttest_ind(equal_var=False)}) to more digits.
 */
final class SleepData {

    static final double[] GROUP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] GROUP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    private SleepData() {
    }

    /** Group 1 − group 2 per patient, the sign R's {@code t.test(extra ~ group, paired = TRUE)} uses. */
    static double[] pairedDifferences() {
        double[] d = new double[GROUP_1.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = GROUP_1[i] - GROUP_2[i];
        }
        return d;
    }
}
