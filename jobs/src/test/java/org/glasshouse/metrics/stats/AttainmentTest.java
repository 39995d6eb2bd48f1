package org.glasshouse.metrics.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AttainmentTest {

    @Test
    void shareOfThePlannedChange() {
        assertThat(Attainment.of(20, 120, 70).value()).isCloseTo(0.5, within(1e-12));
        assertThat(Attainment.of(20, 120, 150).value()).isCloseTo(1.3, within(1e-12));
        assertThat(Attainment.of(20, 120, 10).value()).isCloseTo(-0.1, within(1e-12));
    }

    @Test
    void decreasingIndicatorsWorkThroughTheSignOfTheDenominator() {
        // Reduce waiting time from 40 to 20 days; now 30 → half way.
        Attainment a = Attainment.of(40, 20, 30);
        assertThat(a.value()).isCloseTo(0.5, within(1e-12));
        assertThat(a.isDefined()).isTrue();
    }

    @Test
    void targetEqualToBaselineIsUndefined() {
        Attainment a = Attainment.of(50, 50, 60);
        assertThat(a.isDefined()).isFalse();
        assertThat(a.value()).isNull();
        assertThat(a.reason()).contains("target equals baseline");
        assertThat(a.status(0.5)).isEmpty();
    }

    @Test
    void statusBands() {
        // elapsed 0.6: on track from 0.5, at risk from 0.35, off track below.
        assertThat(Attainment.status(0.55, 0.6)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(Attainment.status(0.45, 0.6)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(Attainment.status(0.30, 0.6)).isEqualTo(AttainmentStatus.OFF_TRACK);
        assertThat(Attainment.status(-0.5, 0.0)).isEqualTo(AttainmentStatus.OFF_TRACK);
        assertThat(Attainment.status(0.0, 0.0)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(Attainment.of(0, 100, 80).status(0.6)).contains(AttainmentStatus.ON_TRACK);
        assertThat(AttainmentStatus.ON_TRACK.code()).isEqualTo("on_track");
        assertThat(AttainmentStatus.AT_RISK.code()).isEqualTo("at_risk");
        assertThat(AttainmentStatus.OFF_TRACK.code()).isEqualTo("off_track");
    }

    @Test
    void thresholdsAreInclusiveEvenWhenBinarySubtractionMissesThem() {
        // 0.35 − 0.10 = 0.24999999999999997 and 0.3 − 0.10 = 0.19999999999999998 in binary; both boundaries still count.
        assertThat(Attainment.status(0.25, 0.35)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(Attainment.status(0.10, 0.35)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(Attainment.status(0.2, 0.3)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(Attainment.status(0.05, 0.3)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(Attainment.status(0.0499, 0.3)).isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void customMargins() {
        assertThat(Attainment.status(0.45, 0.6, 0.2, 0.4)).isEqualTo(AttainmentStatus.ON_TRACK);
        assertThat(Attainment.status(0.25, 0.6, 0.2, 0.4)).isEqualTo(AttainmentStatus.AT_RISK);
        assertThat(Attainment.status(0.15, 0.6, 0.2, 0.4)).isEqualTo(AttainmentStatus.OFF_TRACK);
    }

    @Test
    void rejectsInvalidInput() {
        assertThatThrownBy(() -> Attainment.of(Double.NaN, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attainment.status(0.5, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attainment.status(Double.NaN, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attainment.status(0.5, 0.5, 0.3, 0.2)).isInstanceOf(IllegalArgumentException.class);
    }
}
