package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class DifferenceInDifferencesTest {

    @Test
    void welchTestOnTheSleepDataMatchesR() {
        // R: t.test(extra ~ group, data = sleep)  (Welch by default)
        //   t = -1.8608, df = 17.776, p-value = 0.07939, 95% CI -3.3654832 0.2054832
        // More digits from SciPy ttest_ind(equal_var=False).
        DifferenceInDifferences did = DifferenceInDifferences.of(
                Moments.of(SleepData.GROUP_1), Moments.of(SleepData.GROUP_2));
        assertThat(did.isDefined()).isTrue();
        assertThat(did.nParticipants()).isEqualTo(10);
        assertThat(did.nComparison()).isEqualTo(10);
        assertThat(did.meanChangeParticipants()).isCloseTo(0.75, within(1e-12));
        assertThat(did.meanChangeComparison()).isCloseTo(2.33, within(1e-12));
        assertThat(did.estimate()).isCloseTo(-1.58, within(1e-12));
        assertThat(did.t()).isCloseTo(-1.8608134674868526, within(1e-9));
        assertThat(did.df()).isCloseTo(17.776473516178488, within(1e-9));
        assertThat(did.pValue()).isCloseTo(0.0793941401873583, within(1e-10));
        assertThat(did.ciLow()).isCloseTo(-3.3654832307117104, within(1e-9));
        assertThat(did.ciHigh()).isCloseTo(0.20548323071171137, within(1e-9));
    }

    @Test
    void handComputedWelch() {
        // Participants 1..5: mean 3, s² 2.5 → a = 0.5.  Comparison 0,0,1,1: mean 0.5, s² 1/3 → b = 1/12.
        // se = √(7/12); df = (7/12)² / (0.5²/4 + (1/12)²/3) = 5.25 exactly.
        DifferenceInDifferences did = DifferenceInDifferences.of(Moments.of(1, 2, 3, 4, 5), Moments.of(0, 0, 1, 1));
        assertThat(did.estimate()).isCloseTo(2.5, within(1e-12));
        assertThat(did.standardError()).isCloseTo(Math.sqrt(7.0 / 12.0), within(1e-12));
        assertThat(did.df()).isCloseTo(5.25, within(1e-12));
        assertThat(did.t()).isCloseTo(2.5 / Math.sqrt(7.0 / 12.0), within(1e-12));
        // SciPy ttest_ind(..., equal_var=False): p = 0.020595190623746318, CI 0.5644752226581138 .. 4.435524777341886
        assertThat(did.pValue()).isCloseTo(0.020595190623746318, within(1e-10));
        assertThat(did.ciLow()).isCloseTo(0.5644752226581138, within(1e-9));
        assertThat(did.ciHigh()).isCloseTo(4.435524777341886, within(1e-9));
    }

    @Test
    void oneGroupWithoutSpreadStillHasAStandardError() {
        // Comparison all 1: only the participants' variance counts, df = n1 − 1 = 4.
        DifferenceInDifferences did = DifferenceInDifferences.of(Moments.of(1, 2, 3, 4, 5), Moments.of(1, 1, 1));
        assertThat(did.isDefined()).isTrue();
        assertThat(did.standardError()).isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(did.df()).isCloseTo(4.0, within(1e-12));
        assertThat(did.ciLow()).isCloseTo(0.036756838522442825, within(1e-9));
    }

    @Test
    void noSpreadInEitherGroup() {
        DifferenceInDifferences did = DifferenceInDifferences.of(Moments.of(2, 2, 2), Moments.of(1, 1));
        assertThat(did.isDefined()).isFalse();
        assertThat(did.reason()).contains("standard error is zero");
        assertThat(did.estimate()).isEqualTo(1.0);
        assertThat(did.standardError()).isEqualTo(0.0);
        assertThat(did.df()).isNull();
        assertThat(did.t()).isNull();
        assertThat(did.pValue()).isNull();
        assertThat(did.ciLow()).isNull();
        assertThat(did.ciHigh()).isNull();
    }

    @Test
    void tooFewInAGroupKeepsThePointEstimateOnly() {
        DifferenceInDifferences did = DifferenceInDifferences.of(Moments.of(1, 2, 3), Moments.of(5));
        assertThat(did.isDefined()).isFalse();
        assertThat(did.reason()).contains("at least two").contains("comparison: 1");
        assertThat(did.nParticipants()).isEqualTo(3);
        assertThat(did.nComparison()).isEqualTo(1);
        assertThat(did.estimate()).isEqualTo(-3.0);
        assertThat(did.standardError()).isNull();
        assertThat(did.pValue()).isNull();
    }

    @Test
    void emptyGroupHasNoEstimate() {
        DifferenceInDifferences did = DifferenceInDifferences.of(Moments.of(1, 2, 3), Moments.EMPTY);
        assertThat(did.isDefined()).isFalse();
        assertThat(did.meanChangeParticipants()).isEqualTo(2.0);
        assertThat(did.meanChangeComparison()).isNull();
        assertThat(did.estimate()).isNull();
    }
}
