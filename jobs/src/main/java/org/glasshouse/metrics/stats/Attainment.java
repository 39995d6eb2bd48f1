package org.glasshouse.metrics.stats;

import java.util.Optional;

/**
 * Share of the planned change achieved: (actual − baseline) / (target − baseline). Works for indicators
 * whose direction is "decrease" too, because the sign of the denominator follows the planned change.
 *
 * @param value  attainment (1 = target reached, may be negative or above 1); null when undefined
 * @param reason null when defined, otherwise why not
 */
public record Attainment(Double value, String reason) {

    public static final double DEFAULT_ON_TRACK_MARGIN = 0.10;
    public static final double DEFAULT_AT_RISK_MARGIN = 0.25;

    /*
     * Figures are reported in decimal, so an attainment exactly on a threshold (0.25 vs 0.35 − 0.10) must
     * count as meeting it even though the binary subtraction lands a hair above or below.
     */
    private static final double BOUNDARY_TOLERANCE = 1e-9;

    public static Attainment of(double baseline, double target, double actual) {
        if (!(Double.isFinite(baseline) && Double.isFinite(target) && Double.isFinite(actual))) {
            throw new IllegalArgumentException("baseline, target and actual must be finite");
        }
        if (target == baseline) {
            return new Attainment(null, "target equals baseline: no planned change to measure attainment against");
        }
        return new Attainment((actual - baseline) / (target - baseline), null);
    }

    public boolean isDefined() {
        return reason == null;
    }

    /** Status with the default margins (SPEC §4); empty when the attainment is undefined. */
    public Optional<AttainmentStatus> status(double elapsed) {
        return isDefined() ? Optional.of(status(value, elapsed)) : Optional.empty();
    }

    public static AttainmentStatus status(double attainment, double elapsed) {
        return status(attainment, elapsed, DEFAULT_ON_TRACK_MARGIN, DEFAULT_AT_RISK_MARGIN);
    }

    /**
     * on_track if attainment ≥ elapsed − onTrackMargin, at_risk if ≥ elapsed − atRiskMargin, else off_track.
     *
     * @param elapsed share of the agreement period gone, in [0, 1]
     */
    public static AttainmentStatus status(double attainment, double elapsed, double onTrackMargin,
                                          double atRiskMargin) {
        if (!Double.isFinite(attainment)) {
            throw new IllegalArgumentException("attainment must be finite, was " + attainment);
        }
        if (!(elapsed >= 0.0 && elapsed <= 1.0)) {
            throw new IllegalArgumentException("elapsed must be in [0, 1], was " + elapsed);
        }
        if (!(onTrackMargin >= 0.0 && atRiskMargin >= onTrackMargin && Double.isFinite(atRiskMargin))) {
            throw new IllegalArgumentException("need 0 <= onTrackMargin <= atRiskMargin, got "
                    + onTrackMargin + ", " + atRiskMargin);
        }
        if (attainment >= elapsed - onTrackMargin - BOUNDARY_TOLERANCE) {
            return AttainmentStatus.ON_TRACK;
        }
        if (attainment >= elapsed - atRiskMargin - BOUNDARY_TOLERANCE) {
            return AttainmentStatus.AT_RISK;
        }
        return AttainmentStatus.OFF_TRACK;
    }
}
