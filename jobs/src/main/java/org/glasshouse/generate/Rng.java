package org.glasshouse.generate;

/**
 * Small deterministic pseudo-random generator (SplitMix64) with named, independent streams.
 * Implemented here rather than using {@code java.util} generators so the output is fixed by this code alone,
 * and using {@link StrictMath} so floating-point results are identical on every platform.
 */
final class Rng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private long state;
    private double spareGaussian = Double.NaN;

    Rng(long seed) {
        this.state = seed;
    }

    /** An independent stream for {@code seed} and a stable name (e.g. "services/P03/2025-06"). */
    static Rng stream(long seed, String name) {
        long h = mix(seed ^ 0x6A09E667F3BCC909L);
        for (int i = 0; i < name.length(); i++) {
            h = mix(h ^ (name.charAt(i) * GOLDEN));
        }
        return new Rng(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Uniform double in [0, 1) from a 64-bit hash. */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    double nextDouble() {
        return unit(nextLong());
    }

    /** Uniform int in [0, bound). */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) ((nextLong() >>> 1) % bound);
    }

    /** Uniform int in [from, to] inclusive. */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u1 = 1.0 - nextDouble(); // (0, 1]
        double u2 = nextDouble();
        double r = StrictMath.sqrt(-2.0 * StrictMath.log(u1));
        spareGaussian = r * StrictMath.sin(2.0 * StrictMath.PI * u2);
        return r * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** Index drawn from cumulative-free weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
