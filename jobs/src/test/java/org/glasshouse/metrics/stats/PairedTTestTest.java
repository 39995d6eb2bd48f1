package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedTTestTest {

    @Test
    void studentsSleepDataMatchesR() {
        // R: t.test(extra ~ group, data = sleep, paired = TRUE)
        //   t = -4.0621, df = 9, p-value = 0.002833, 95% CI -2.4598858 -0.7001142, mean difference -1.58
        // More digits from SciPy ttest_rel: t = -4.062127683382037, p = 0.002832890197384273.
        PairedTTest test = PairedTTest.of(Moments.of(SleepData.pairedDifferences()));
        assertThat(test.isDefined()).isTrue();
        assertThat(test.n()).isEqualTo(10);
        assertThat(test.df()).isEqualTo(9);
        assertThat(test.meanChange()).isCloseTo(-1.58, within(1e-12));
        assertThat(test.sd()).isCloseTo(Math.sqrt(13.616 / 9), within(1e-12));
        assertThat(test.se()).isCloseTo(Math.sqrt(13.616 / 90), within(1e-12));
        assertThat(test.t()).isCloseTo(-1.58 / Math.sqrt(13.616 / 90), within(1e-9))
                .isCloseTo(-4.062127683382037, within(1e-9));
        assertThat(test.pValue()).isCloseTo(0.002832890197384273, within(1e-12));
        assertThat(test.ciLow()).isCloseTo(-2.459885763276983, within(1e-9));
        assertThat(test.ciHigh()).isCloseTo(-0.7001142367230175, within(1e-9));
        assertThat(test.effectSizeDz()).isCloseTo(-1.58 / Math.sqrt(13.616 / 9), within(1e-12))
                .isCloseTo(-1.2845575625910546, within(1e-9));
    }

    @Test
    void handComputedExample() {
        // Changes 1..5: mean 3, sd √2.5, se √0.5, t = 3/√0.5, d_z = 3/√2.5; p from SciPy ttest_1samp.
        PairedTTest test = PairedTTest.of(Moments.of(1, 2, 3, 4, 5));
        assertThat(test.t()).isCloseTo(3 / Math.sqrt(0.5), within(1e-12));
        assertThat(test.effectSizeDz()).isCloseTo(3 / Math.sqrt(2.5), within(1e-12));
        assertThat(test.pValue()).isCloseTo(0.01323559956368269, within(1e-12));
    }

    @Test
    void noChangeAtAllIsNotSignificant() {
        PairedTTest test = PairedTTest.of(Moments.of(-1, 1, -2, 2));
        assertThat(test.t()).isEqualTo(0.0);
        assertThat(test.pValue()).isEqualTo(1.0);
        assertThat(test.effectSizeDz()).isEqualTo(0.0);
    }

    @Test
    void identicalChangesAreDegenerateNotInfinite() {
        PairedTTest test = PairedTTest.of(Moments.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1));
        assertThat(test.isDefined()).isFalse();
        assertThat(test.reason()).contains("sd = 0");
        assertThat(test.meanChange()).isCloseTo(0.1, within(1e-15));
        assertThat(test.sd()).isEqualTo(0.0);
        assertThat(test.df()).isEqualTo(9);
        assertThat(test.t()).isNull();
        assertThat(test.pValue()).isNull();
        assertThat(test.ciLow()).isNull();
        assertThat(test.ciHigh()).isNull();
        assertThat(test.effectSizeDz()).isNull();
    }

    @Test
    void oneParticipant() {
        PairedTTest test = PairedTTest.of(Moments.of(2.0));
        assertThat(test.isDefined()).isFalse();
        assertThat(test.reason()).contains("only one participant");
        assertThat(test.meanChange()).isEqualTo(2.0);
        assertThat(test.sd()).isNull();
        assertThat(test.t()).isNull();
        assertThat(test.pValue()).isNull();
    }

    @Test
    void noParticipants() {
        PairedTTest test = PairedTTest.of(Moments.EMPTY);
        assertThat(test.isDefined()).isFalse();
        assertThat(test.reason()).contains("no participants");
        assertThat(test.n()).isZero();
        assertThat(test.meanChange()).isNull();
    }
}
