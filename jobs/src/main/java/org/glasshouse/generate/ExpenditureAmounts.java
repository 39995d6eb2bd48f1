package org.glasshouse.generate;

/** Expenditure amounts (cents) that add up to an agreement's target spend. */
final class ExpenditureAmounts {
    private ExpenditureAmounts() {
    }

    /** Amounts whose first digits follow Benford's law closely: stratified log-mantissas, spread over 4 decades. */
    static long[] benford(long count, long targetCents, Rng rng) {
        int k = (int) count;
        int[] perm = new int[k];
        for (int i = 0; i < k; i++) {
            perm[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        double[] raw = new double[k];
        double sum = 0;
        double[] decades = {0.20, 0.45, 0.30, 0.05};
        for (int i = 0; i < k; i++) {
            double mantissa = (perm[i] + rng.nextDouble()) / k;
            int decade = 1 + rng.weighted(decades);
            raw[i] = StrictMath.pow(10.0, decade + mantissa);
            sum += raw[i];
        }
        double scale = targetCents / sum;
        long[] cents = new long[k];
        for (int i = 0; i < k; i++) {
            cents[i] = Math.max(1, Math.round(raw[i] * scale));
        }
        return cents;
    }

    /** Suspicious amounts: uniform around the mean and rounded to 50.00 (first digits far from Benford). */
    static long[] rounded(long count, long targetCents, Rng rng) {
        double mean = (double) targetCents / count;
        long[] cents = new long[(int) count];
        for (int i = 0; i < count; i++) {
            double x = mean * (0.55 + 0.9 * rng.nextDouble());
            cents[i] = Math.max(5_000L, Math.round(x / 5_000.0) * 5_000L);
        }
        return cents;
    }
}
