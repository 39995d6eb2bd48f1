package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class QuartilesTest {

    @Test
    void r7OnSevenValuesByHand() {
        // Sorted 1 2 4 7 11 16 100; R-7 position h = (n − 1)p + 1:
        // Q1 h = 2.5 → 2 + 0.5·(4 − 2) = 3; median h = 4 → 7; Q3 h = 5.5 → 11 + 0.5·(16 − 11) = 13.5.
        // IQR 10.5, fences 3 − 15.75 = −12.75 and 13.5 + 15.75 = 29.25.  (NumPy percentile agrees.)
        double[] values = {16, 1, 100, 7, 4, 11, 2};
        Quartiles q = Quartiles.of(values);
        assertThat(q.isDefined()).isTrue();
        assertThat(q.n()).isEqualTo(7);
        assertThat(q.q1()).isCloseTo(3.0, within(1e-12));
        assertThat(q.median()).isCloseTo(7.0, within(1e-12));
        assertThat(q.q3()).isCloseTo(13.5, within(1e-12));
        assertThat(q.iqr()).isCloseTo(10.5, within(1e-12));
        assertThat(q.lowerFence()).isCloseTo(-12.75, within(1e-12));
        assertThat(q.upperFence()).isCloseTo(29.25, within(1e-12));
        assertThat(q.k()).isEqualTo(1.5);
        assertThat(q.isAboveUpperFence(100)).isTrue();
        assertThat(q.isAboveUpperFence(29.25)).isFalse();
        // Input is not reordered.
        assertThat(values).containsExactly(16, 1, 100, 7, 4, 11, 2);
    }

    @Test
    void r7OnFourValuesMatchesExcelQuartileInc() {
        // QUARTILE.INC({10,20,30,40}, 1..3) = 17.5, 25, 32.5; Commons Math's LEGACY default would give 12.5 and 37.5.
        Quartiles q = Quartiles.of(new double[] {40, 10, 30, 20});
        assertThat(q.q1()).isCloseTo(17.5, within(1e-12));
        assertThat(q.median()).isCloseTo(25.0, within(1e-12));
        assertThat(q.q3()).isCloseTo(32.5, within(1e-12));
        assertThat(q.upperFence()).isCloseTo(55.0, within(1e-12));
        assertThat(q.lowerFence()).isCloseTo(-5.0, within(1e-12));
    }

    @Test
    void customFenceMultiplier() {
        Quartiles q = Quartiles.of(new double[] {10, 20, 30, 40}, 3.0);
        assertThat(q.upperFence()).isCloseTo(32.5 + 3 * 15, within(1e-12));
        assertThat(q.k()).isEqualTo(3.0);
    }

    @Test
    void identicalValuesHaveZeroIqr() {
        Quartiles q = Quartiles.of(new double[] {5, 5, 5, 5});
        assertThat(q.iqr()).isEqualTo(0.0);
        assertThat(q.isAboveUpperFence(5)).isFalse();
        assertThat(q.isAboveUpperFence(5.01)).isTrue();
    }

    @Test
    void fewerThanFourValuesIsUndefined() {
        Quartiles q = Quartiles.of(new double[] {1, 2, 300});
        assertThat(q.isDefined()).isFalse();
        assertThat(q.reason()).contains("only 3 values");
        assertThat(q.q1()).isNull();
        assertThat(q.median()).isNull();
        assertThat(q.q3()).isNull();
        assertThat(q.iqr()).isNull();
        assertThat(q.upperFence()).isNull();
        assertThat(q.lowerFence()).isNull();
        assertThat(q.isAboveUpperFence(1e12)).isFalse();
        assertThat(Quartiles.of(new double[0]).isDefined()).isFalse();
    }

    @Test
    void rejectsNonFiniteValuesAndBadMultiplier() {
        assertThatThrownBy(() -> Quartiles.of(new double[] {1, 2, Double.NaN, 4}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quartiles.of(new double[] {1, 2, 3, 4}, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
