package org.glasshouse.metrics.stats;

/**
 * Pre/post paired t-test from the {@link Moments} of the per-participant changes (followup − baseline),
 * for participants measured in both phases.
 *
 * <p>Null fields plus {@link #reason()} stand in for NaN/Infinity. With n ≥ 1 the mean change is always
 * given; with n ≥ 2 the spread is given too, and if every change is identical (sd = 0) t, p, the interval
 * and d_z are null because they would be infinite or meaningless.
 *
 * @param n            participants with both phases
 * @param meanChange   mean of the changes
 * @param sd           sample standard deviation of the changes
 * @param se           standard error sd / √n
 * @param df           n − 1
 * @param t            meanChange / se
 * @param pValue       two-sided p-value against "no change"
 * @param ciLow        lower bound of the t interval for the mean change
 * @param ciHigh       upper bound
 * @param effectSizeDz Cohen's d_z = meanChange / sd (standardised by the sd of the changes, not of the levels)
 * @param level        confidence level of the interval
 * @param reason       null when everything is defined, otherwise why not
 */
public record PairedTTest(long n, Double meanChange, Double sd, Double se, Long df, Double t, Double pValue,
                          Double ciLow, Double ciHigh, Double effectSizeDz, double level, String reason) {

    public static PairedTTest of(Moments changes) {
        return of(changes, MeanConfidenceInterval.DEFAULT_LEVEL);
    }

    public static PairedTTest of(Moments changes, double level) {
        MeanConfidenceInterval ci = MeanConfidenceInterval.of(changes, level);
        if (!ci.isDefined()) {
            return new PairedTTest(ci.n(), ci.mean(), null, null, null, null, null, null, null, null, level,
                    ci.n() == 0 ? "no participants with both baseline and followup"
                            : "only one participant with both phases: a paired test needs at least two");
        }
        if (ci.sd() == 0.0) {
            return new PairedTTest(ci.n(), ci.mean(), 0.0, 0.0, ci.df(), null, null, null, null, null, level,
                    "every participant changed by the same amount (sd = 0): t and d_z are undefined");
        }
        double t = ci.mean() / ci.standardError();
        return new PairedTTest(ci.n(), ci.mean(), ci.sd(), ci.standardError(), ci.df(), t,
                StudentT.twoSidedP(t, ci.df()), ci.ciLow(), ci.ciHigh(), ci.mean() / ci.sd(), level, null);
    }

    public boolean isDefined() {
        return reason == null;
    }
}
