package org.glasshouse.generate;

import java.util.Arrays;
import java.util.Comparator;

/** Splits a whole number of rows over weighted cells. */
final class Allocation {
    private Allocation() {
    }

    /** Largest-remainder allocation of {@code total} over weights, every cell getting at least one. */
    static long[] allocate(long total, double[] weights) {
        int k = weights.length;
        long[] result = new long[k];
        if (total < k) {
            throw new IllegalArgumentException("cannot give " + k + " cells at least one of " + total);
        }
        Arrays.fill(result, 1);
        long rest = total - k;
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double[] remainder = new double[k];
        long given = 0;
        for (int i = 0; i < k; i++) {
            double exact = rest * weights[i] / sum;
            long floor = (long) Math.floor(exact);
            result[i] += floor;
            given += floor;
            remainder[i] = exact - floor;
        }
        Integer[] order = new Integer[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -remainder[i]).thenComparingInt(i -> i));
        for (int i = 0; given < rest; i++) {
            result[order[i % k]]++;
            given++;
        }
        return result;
    }

    /** k equal weights. */
    static double[] equal(int k) {
        double[] w = new double[k];
        Arrays.fill(w, 1.0);
        return w;
    }
}
