package org.glasshouse.metrics;

/**
 * The limits integrity flags and statuses are judged against (config {@code glasshouse.thresholds.*}). Computing a
 * metric never reads these; only the judging step does, and every flag publishes the limit it used.
 *
 * @param lateDays                    a monthly services file is late when submitted more than this many days after
 *                                    its due date
 * @param missingMonths               a partner is flagged when more than this many due months have no submission
 * @param minAcceptanceRate           flag a partner's dataset when fewer than this share of rows were accepted
 * @param maxErrorsPer1000            flag a partner's dataset when it has more error findings per 1,000 rows read
 * @param expenditureGraceDays        expenditures may be dated this many days after the agreement end date
 * @param disbursedOverCommitted      flag when disbursed exceeds committed by more than this share (0 = any excess)
 * @param spentOverDisbursed          flag when spent exceeds disbursed by more than this share (SPEC: 10%)
 * @param benfordMinimumN             the Benford test runs from this many expenditures per partner
 * @param benfordMaxMad               flag when the mean absolute deviation exceeds this (Nigrini: nonconformity)
 * @param outlierK                    fence multiplier: outlier above Q3 + k·IQR
 * @param outlierMinimumN             quartiles need this many agreements with a cost per beneficiary in a programme
 * @param onTrackMargin               on track if attainment ≥ elapsed − this
 * @param atRiskMargin                at risk if attainment ≥ elapsed − this (else off track)
 */
public record Thresholds(int lateDays, int missingMonths, double minAcceptanceRate, double maxErrorsPer1000,
                         int expenditureGraceDays, double disbursedOverCommitted, double spentOverDisbursed,
                         long benfordMinimumN, double benfordMaxMad, double outlierK, int outlierMinimumN,
                         double onTrackMargin, double atRiskMargin) {

    public static final Thresholds DEFAULTS = new Thresholds(0, 0, 0.95, 20.0, 0, 0.0, 0.10, 100, 0.015, 1.5, 4,
            0.10, 0.25);

    public Thresholds {
        if (lateDays < 0 || missingMonths < 0 || expenditureGraceDays < 0) {
            throw new IllegalArgumentException("day and month thresholds cannot be negative");
        }
        if (!(minAcceptanceRate >= 0 && minAcceptanceRate <= 1)) {
            throw new IllegalArgumentException("min-acceptance-rate must be in [0, 1], was " + minAcceptanceRate);
        }
        if (!(maxErrorsPer1000 >= 0 && disbursedOverCommitted >= 0 && spentOverDisbursed >= 0 && benfordMaxMad >= 0
                && outlierK >= 0)) {
            throw new IllegalArgumentException("ratio thresholds cannot be negative");
        }
        if (benfordMinimumN < 1 || outlierMinimumN < 4) {
            throw new IllegalArgumentException("benford-minimum-n must be >= 1 and outlier-minimum-n >= 4");
        }
        if (!(onTrackMargin >= 0 && atRiskMargin >= onTrackMargin)) {
            throw new IllegalArgumentException("need 0 <= on-track-margin <= at-risk-margin");
        }
    }
}
