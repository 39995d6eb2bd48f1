package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesWithClosedForms() {
        // df = 1 is the Cauchy distribution: t_p = tan(π(p − 1/2)).
        assertThat(StudentT.twoSidedCriticalValue(0.95, 1))
                .isCloseTo(Math.tan(Math.PI * 0.475), within(1e-9))
                .isCloseTo(12.7062047362, within(1e-9));
        // df = 2: t_p = (2p − 1) / √(2p(1 − p)).
        assertThat(StudentT.twoSidedCriticalValue(0.95, 2))
                .isCloseTo(0.95 / Math.sqrt(2 * 0.975 * 0.025), within(1e-9));
    }

    @Test
    void quantilesFromPublishedTables() {
        // R: qt(0.975, 9) = 2.262157162798205, qt(0.975, 30) = 2.042272456301238, qt(0.995, 9) = 3.249835541592126
        assertThat(StudentT.twoSidedCriticalValue(0.95, 9)).isCloseTo(2.2621571628, within(1e-9));
        assertThat(StudentT.twoSidedCriticalValue(0.95, 30)).isCloseTo(2.0422724563, within(1e-9));
        assertThat(StudentT.twoSidedCriticalValue(0.99, 9)).isCloseTo(3.2498355416, within(1e-9));
    }

    @Test
    void twoSidedPIsSymmetricAndCapped() {
        // df = 1 (Cauchy): P(|T| > 1) = 1/2 exactly.
        assertThat(StudentT.twoSidedP(1.0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(StudentT.twoSidedP(-1.0, 1)).isCloseTo(0.5, within(1e-12));
        assertThat(StudentT.twoSidedP(0.0, 5)).isEqualTo(1.0);
        // Far in the tail the p-value keeps relative precision instead of collapsing to 0
        // (SciPy: 2 * t.cdf(-40, 30) = 1.3726045194406417e-27).
        assertThat(StudentT.twoSidedP(40.0, 30)).isCloseTo(1.3726045194406417e-27, within(1e-33));
    }

    @Test
    void rejectsLevelsOutsideTheUnitInterval() {
        assertThatThrownBy(() -> StudentT.checkLevel(1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.checkLevel(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StudentT.checkLevel(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
