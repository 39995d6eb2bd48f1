package org.glasshouse.metrics.stats;

/**
 * Difference-in-differences of mean changes, participants minus comparison group, with a Welch
 * (unequal-variance) standard error and Welch–Satterthwaite degrees of freedom. Welch rather than a
 * pooled variance because the two groups are recruited differently and there is no reason to assume
 * equal spread.
 *
 * <p>Null fields plus {@link #reason()} stand in for NaN/Infinity. The point estimate is given whenever
 * both groups have at least one participant; inference needs at least two per group and some spread.
 *
 * @param nParticipants          participants with both phases
 * @param nComparison            comparison-group members with both phases
 * @param meanChangeParticipants mean change in the participant group
 * @param meanChangeComparison   mean change in the comparison group
 * @param estimate               meanChangeParticipants − meanChangeComparison
 * @param standardError          √(s₁²/n₁ + s₂²/n₂)
 * @param df                     Welch–Satterthwaite degrees of freedom (fractional)
 * @param t                      estimate / standardError
 * @param pValue                 two-sided p-value against "no difference"
 * @param ciLow                  lower bound of the t(df) interval
 * @param ciHigh                 upper bound
 * @param level                  confidence level of the interval
 * @param reason                 null when everything is defined, otherwise why not
 */
public record DifferenceInDifferences(long nParticipants, long nComparison, Double meanChangeParticipants,
                                      Double meanChangeComparison, Double estimate, Double standardError,
                                      Double df, Double t, Double pValue, Double ciLow, Double ciHigh,
                                      double level, String reason) {

    public static DifferenceInDifferences of(Moments participantChanges, Moments comparisonChanges) {
        return of(participantChanges, comparisonChanges, MeanConfidenceInterval.DEFAULT_LEVEL);
    }

    public static DifferenceInDifferences of(Moments participantChanges, Moments comparisonChanges,
                                             double level) {
        StudentT.checkLevel(level);
        long n1 = participantChanges.n();
        long n2 = comparisonChanges.n();
        Double mean1 = n1 > 0 ? participantChanges.mean() : null;
        Double mean2 = n2 > 0 ? comparisonChanges.mean() : null;
        Double estimate = mean1 != null && mean2 != null ? mean1 - mean2 : null;

        if (n1 < 2 || n2 < 2) {
            return undefined(n1, n2, mean1, mean2, estimate, null, level,
                    "each group needs at least two people with both phases for a Welch standard error"
                            + " (participants: " + n1 + ", comparison: " + n2 + ")");
        }
        double a = participantChanges.variance() / n1;
        double b = comparisonChanges.variance() / n2;
        double se = Math.sqrt(a + b);
        if (se == 0.0) {
            return undefined(n1, n2, mean1, mean2, estimate, 0.0, level,
                    "no spread in either group's changes: the Welch standard error is zero");
        }
        double df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1));
        double t = estimate / se;
        double halfWidth = StudentT.twoSidedCriticalValue(level, df) * se;
        return new DifferenceInDifferences(n1, n2, mean1, mean2, estimate, se, df, t, StudentT.twoSidedP(t, df),
                estimate - halfWidth, estimate + halfWidth, level, null);
    }

    private static DifferenceInDifferences undefined(long n1, long n2, Double mean1, Double mean2, Double estimate,
                                                     Double se, double level, String reason) {
        return new DifferenceInDifferences(n1, n2, mean1, mean2, estimate, se, null, null, null, null, null,
                level, reason);
    }

    public boolean isDefined() {
        return reason == null;
    }
}
