package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MeanConfidenceIntervalTest {

    @Test
    void tIntervalOfTheSleepDifferences() {
        // Same interval R prints for t.test(extra ~ group, data = sleep, paired = TRUE).
        MeanConfidenceInterval ci = MeanConfidenceInterval.of(Moments.of(SleepData.pairedDifferences()));
        assertThat(ci.isDefined()).isTrue();
        assertThat(ci.reason()).isNull();
        assertThat(ci.n()).isEqualTo(10);
        assertThat(ci.df()).isEqualTo(9);
        assertThat(ci.level()).isEqualTo(0.95);
        assertThat(ci.mean()).isCloseTo(-1.58, within(1e-12));
        // Σ(d − d̄)² = 13.616 by hand, so sd = √(13.616 / 9).
        assertThat(ci.sd()).isCloseTo(Math.sqrt(13.616 / 9), within(1e-12));
        assertThat(ci.standardError()).isCloseTo(Math.sqrt(13.616 / 90), within(1e-12));
        assertThat(ci.ciLow()).isCloseTo(-2.459885763276983, within(1e-9));
        assertThat(ci.ciHigh()).isCloseTo(-0.7001142367230175, within(1e-9));
    }

    @Test
    void handComputedIntervalAtAnotherLevel() {
        // 1..5: mean 3, sd √2.5, se √0.5; t(0.95, 4) = 2.1318467863266495 (R qt(0.95, 4)).
        MeanConfidenceInterval ci = MeanConfidenceInterval.of(Moments.of(1, 2, 3, 4, 5), 0.90);
        double half = 2.1318467863266495 * Math.sqrt(0.5);
        assertThat(ci.ciLow()).isCloseTo(3 - half, within(1e-9));
        assertThat(ci.ciHigh()).isCloseTo(3 + half, within(1e-9));
        assertThat(ci.level()).isEqualTo(0.90);
    }

    @Test
    void noSpreadGivesAZeroWidthInterval() {
        MeanConfidenceInterval ci = MeanConfidenceInterval.of(Moments.of(4, 4, 4));
        assertThat(ci.isDefined()).isTrue();
        assertThat(ci.ciLow()).isEqualTo(4.0);
        assertThat(ci.ciHigh()).isEqualTo(4.0);
    }

    @Test
    void oneObservationKeepsTheMeanButNoInterval() {
        MeanConfidenceInterval ci = MeanConfidenceInterval.of(Moments.of(2.5));
        assertThat(ci.isDefined()).isFalse();
        assertThat(ci.reason()).contains("one observation");
        assertThat(ci.n()).isEqualTo(1);
        assertThat(ci.mean()).isEqualTo(2.5);
        assertThat(ci.sd()).isNull();
        assertThat(ci.standardError()).isNull();
        assertThat(ci.df()).isNull();
        assertThat(ci.ciLow()).isNull();
        assertThat(ci.ciHigh()).isNull();
    }

    @Test
    void noObservations() {
        MeanConfidenceInterval ci = MeanConfidenceInterval.of(Moments.EMPTY);
        assertThat(ci.isDefined()).isFalse();
        assertThat(ci.reason()).isEqualTo("no observations");
        assertThat(ci.mean()).isNull();
        assertThat(ci.ciLow()).isNull();
    }

    @Test
    void rejectsBadLevel() {
        assertThatThrownBy(() -> MeanConfidenceInterval.of(Moments.of(1, 2), 95))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
