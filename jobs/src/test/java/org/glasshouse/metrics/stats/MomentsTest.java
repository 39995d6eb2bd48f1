package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MomentsTest {

    @Test
    void meanVarianceAndSdOfASmallSample() {
        // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squared deviations sum to 32, sample variance 32/7.
        Moments m = Moments.of(2, 4, 4, 4, 5, 5, 7, 9);
        assertThat(m.n()).isEqualTo(8);
        assertThat(m.sum()).isEqualTo(40.0);
        assertThat(m.sumOfSquares()).isEqualTo(232.0);
        assertThat(m.mean()).isEqualTo(5.0);
        assertThat(m.variance()).isCloseTo(32.0 / 7.0, within(1e-12));
        assertThat(m.sd()).isCloseTo(Math.sqrt(32.0 / 7.0), within(1e-12));
    }

    @Test
    void mergingPartialsEqualsTheWhole() {
        Moments whole = Moments.of(1, 2, 3, 4, 5, 6);
        Moments merged = Moments.of(1, 2).merge(Moments.of(3, 4, 5)).merge(Moments.of(6)).merge(Moments.EMPTY);
        assertThat(merged).isEqualTo(whole);
    }

    @Test
    void identicalValuesHaveExactlyZeroVarianceDespiteRounding() {
        // Ten times 0.1 does not sum exactly in binary; the one-pass formula must still see no spread.
        Moments m = Moments.of(0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(m.variance()).isEqualTo(0.0);
        assertThat(Moments.of(1e6 + 0.3, 1e6 + 0.3, 1e6 + 0.3).variance()).isEqualTo(0.0);
    }

    @Test
    void smallSpreadOnALargeOffsetIsKept() {
        // 1e6 + {0, 1, 2}: variance 1, recoverable exactly from the sums.
        assertThat(Moments.of(1e6, 1e6 + 1, 1e6 + 2).variance()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void undefinedStatisticsThrowInsteadOfReturningNaN() {
        assertThatThrownBy(Moments.EMPTY::mean).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Moments.of(3).variance()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Moments.of(3).sd()).isInstanceOf(IllegalStateException.class);
        assertThat(Moments.of(3).mean()).isEqualTo(3.0);
    }

    @Test
    void rejectsImpossibleSums() {
        assertThatThrownBy(() -> new Moments(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Moments(2, Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Moments(2, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Moments(2, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Moments(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Moments.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
