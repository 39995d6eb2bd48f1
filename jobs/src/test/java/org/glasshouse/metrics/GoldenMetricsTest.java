package org.glasshouse.metrics;

import static org.glasshouse.metrics.GoldenFixture.byKey;
import static org.glasshouse.metrics.GoldenFixture.near;
import static org.glasshouse.metrics.GoldenFixture.same;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.junit.jupiter.api.Test;

/**
 * Every figure of every public table for the golden fixture (as_of 2026-06-30, reporting currency USD), derived by
 * hand below. Activity after as_of (T6, S4, results for 2026-07, p5's followup) must not count anywhere.
 *
 * <p>Money: A1 (USD) disbursed = T1 600 + T7 700 − T5 100 = 1200; spent = T2 200 + T3 150 + T4 150 = 500.
 * A2 (EUR; committed at its start month's rate 2026-01 = 1.5): committed 2000 × 1.5 = 3000; disbursed T8 1000 × 1.5
 * = 1500; spent T9 1000 × 1.2 (2026-02) + T10 500 × 1.0 (2026-05) = 1700; T11 (10 EUR in 2026-03, a month with no
 * EUR rate) cannot be converted and is left out, which A2's notes say. A3, A4: no transactions.
 * Elapsed: A1 (2026-01-01..2026-12-31, 364 days) 180/364; A2 ended 2026-04-30 → 1; A3 (2026-03-01..2027-02-28,
 * 364 days) 121/364; A4 starts 2026-07-01 → 0.
 * People: A1 {b1, b2} (S4's b3 is after as_of), A2 {b2, b4, b5}; b2 is served by both partners of P1 (overlap 1).
 */
class GoldenMetricsTest {

    private final MetricInputs in = GoldenFixture.inputs();

    @Test
    void agreementMetrics() {
        Map<String, Row> rows = byKey(new AgreementMetrics().compute(in), "agreement_id");
        assertEquals(4, rows.size());
        Row a1 = rows.get("A1");
        same("2026-06-30", a1, "as_of");
        same("P1", a1, "programme_id");
        same("PA", a1, "partner_id");
        near(1000.0, a1, "committed");
        near(1200.0, a1, "disbursed");
        near(500.0, a1, "spent");
        near(1200.0 / 1000, a1, "disbursement_rate");
        near(500.0 / 1200, a1, "absorption_rate");
        near(180.0 / 364, a1, "elapsed");
        near((500.0 / 1000) / (180.0 / 364), a1, "pace_index");
        same(2L, a1, "beneficiaries");
        near(2.0 + 1 + 3, a1, "units");
        near(500.0 / 2, a1, "cost_per_beneficiary");
        near(500.0 / 6, a1, "cost_per_unit");
        near(1.0 / 2, a1, "priority_share"); // b1 is in the priority group, b2 is not
        same(null, a1, "notes");

        Row a2 = rows.get("A2");
        near(3000.0, a2, "committed");
        near(1500.0, a2, "disbursed");
        near(1700.0, a2, "spent");
        near(0.5, a2, "disbursement_rate");
        near(1700.0 / 1500, a2, "absorption_rate");
        near(1.0, a2, "elapsed");
        near(1700.0 / 3000, a2, "pace_index");
        same(3L, a2, "beneficiaries");
        near(4 + 1.5 + 0.5, a2, "units");
        near(1700.0 / 3, a2, "cost_per_beneficiary");
        near(1700.0 / 6, a2, "cost_per_unit");
        near(1.0 / 3, a2, "priority_share"); // b5 only
        same(1L, a2, "unconverted_transactions");
        same("disbursed and spent: 1 transaction(s) without an FX rate for their month are not counted", a2, "notes");

        // An agreement with no services and nothing disbursed: zeros where they are true, empty where undefined.
        Row a3 = rows.get("A3");
        near(500.0, a3, "committed");
        near(0.0, a3, "disbursed");
        near(0.0, a3, "spent");
        near(0.0, a3, "disbursement_rate");
        near(null, a3, "absorption_rate");
        near(121.0 / 364, a3, "elapsed");
        near(0.0, a3, "pace_index");
        same(0L, a3, "beneficiaries");
        near(0.0, a3, "units");
        near(null, a3, "cost_per_beneficiary");
        near(null, a3, "cost_per_unit");
        near(null, a3, "priority_share");
        same("absorption_rate: nothing disbursed; cost_per_beneficiary: no beneficiaries served; "
                + "cost_per_unit: no units delivered; priority_share: no beneficiaries served", a3, "notes");

        // Division by zero everywhere: nothing committed, not started.
        Row a4 = rows.get("A4");
        near(0.0, a4, "committed");
        near(null, a4, "disbursement_rate");
        near(null, a4, "absorption_rate");
        near(0.0, a4, "elapsed");
        near(null, a4, "pace_index");
        same("disbursement_rate: nothing committed; absorption_rate: nothing disbursed; pace_index: nothing "
                + "committed; cost_per_beneficiary: no beneficiaries served; cost_per_unit: no units delivered; "
                + "priority_share: no beneficiaries served", a4, "notes");
    }

    @Test
    void programmeMetrics() {
        Map<String, Row> rows = byKey(new ProgrammeMetrics().compute(in), "programme_id");
        Row p1 = rows.get("P1");
        near(1000.0 + 3000, p1, "committed");
        near(1200.0 + 1500, p1, "disbursed");
        near(500.0 + 1700, p1, "spent");
        near(2700.0 / 4000, p1, "disbursement_rate");
        near(2200.0 / 2700, p1, "absorption_rate");
        same(4L, p1, "beneficiaries"); // {b1, b2} ∪ {b2, b4, b5}: b2 once
        near(6.0 + 6, p1, "units");
        near(2200.0 / 4, p1, "cost_per_beneficiary");
        near(2.0 / 4, p1, "priority_share"); // b1, b5
        same(1L, p1, "overlap"); // b2

        // A programme with one partner (PA holds A3 and A4): overlap is 0, not empty.
        Row p2 = rows.get("P2");
        near(500.0, p2, "committed");
        near(0.0, p2, "disbursed");
        near(0.0, p2, "spent");
        near(0.0, p2, "disbursement_rate");
        near(null, p2, "absorption_rate");
        same(0L, p2, "beneficiaries");
        near(0.0, p2, "units");
        near(null, p2, "cost_per_beneficiary");
        near(null, p2, "priority_share");
        same(0L, p2, "overlap");
        same(1L, p2, "partners");
        same("absorption_rate: nothing disbursed; cost_per_beneficiary: no beneficiaries served; "
                + "priority_share: no beneficiaries served", p2, "notes");
    }

    @Test
    void partnerMetrics() {
        Map<String, Row> rows = byKey(new PartnerMetrics().compute(in), "partner_id");
        Row pa = rows.get("PA"); // A1, A3, A4
        same("nonprofit", pa, "partner_type");
        near(1000.0 + 500 + 0, pa, "committed");
        near(1200.0, pa, "disbursed");
        near(500.0, pa, "spent");
        same(2L, pa, "beneficiaries");
        near(250.0, pa, "cost_per_beneficiary");
        Row pb = rows.get("PB"); // A2
        same("business", pb, "partner_type");
        near(3000.0, pb, "committed");
        near(1500.0, pb, "disbursed");
        near(1700.0, pb, "spent");
        same(3L, pb, "beneficiaries");
        near(1700.0 / 3, pb, "cost_per_beneficiary");
        Row pc = rows.get("PC"); // no agreements at all
        same("academic", pc, "partner_type");
        near(0.0, pc, "committed");
        near(0.0, pc, "disbursed");
        near(0.0, pc, "spent");
        same(0L, pc, "beneficiaries");
        near(null, pc, "cost_per_beneficiary");
    }

    @Test
    void overallMetrics() {
        List<Row> rows = new OverallMetrics().compute(in).collectAsList();
        assertEquals(1, rows.size());
        Row o = rows.get(0);
        near(4500.0, o, "committed");
        near(2700.0, o, "disbursed");
        near(2200.0, o, "spent");
        near(2700.0 / 4500, o, "disbursement_rate");
        near(2200.0 / 2700, o, "absorption_rate");
        same(4L, o, "beneficiaries");
        near(12.0, o, "units");
        near(2200.0 / 4, o, "cost_per_beneficiary");
        near(2200.0 / 12, o, "cost_per_unit");
        near(0.5, o, "priority_share");
    }

    @Test
    void reachBreakdown() {
        // P1 has 4 people. b1 was served in R1 (S1) and R2 (S2), so counts under both regions: R2's share is
        // 3/4 and the region shares add up to 1.25. P2 served nobody and has no rows.
        Map<String, Row> rows = byKey(new ReachBreakdown().compute(in), "programme_id", "dimension", "value");
        Object[][] expected = {
                {"P1|region|R1", 2L}, {"P1|region|R2", 3L},
                {"P1|age_band|18-24", 1L}, {"P1|age_band|25-44", 1L}, {"P1|age_band|45-64", 1L},
                {"P1|age_band|65+", 1L},
                {"P1|sex|female", 2L}, {"P1|sex|male", 1L}, {"P1|sex|other", 1L},
                {"P1|priority_group|true", 2L}, {"P1|priority_group|false", 2L}};
        assertEquals(expected.length, rows.size(), rows.keySet().toString());
        for (Object[] e : expected) {
            Row r = rows.get((String) e[0]);
            same(e[1], r, "beneficiaries");
            near(((Long) e[1]) / 4.0, r, "share");
            same("2026-06-30", r, "as_of");
        }
    }

    @Test
    void indicatorResults() {
        Map<String, Row> rows = byKey(new IndicatorResults().compute(in), "agreement_id", "indicator_id");
        assertEquals(4, rows.size());
        // A1/I1: periods 2026-01..03 (2026-07 ends after as_of). x = days from 2026-01-01 to period end = 30, 58,
        // 89; y = 11, 13, 15. Σx 177, Σy 39, Σx² 12185, Σxy 2419 → Sxx = 12185 − 177²/3 = 1742,
        // Sxy = 2419 − 177·39/3 = 118; slope 118/1742; line through (59, 13); end at x = 364.
        Row a1 = rows.get("A1|I1");
        same("2026-03", a1, "period");
        near(10.0, a1, "baseline");
        near(20.0, a1, "target");
        near(15.0, a1, "actual");
        near((15.0 - 10) / (20 - 10), a1, "attainment");
        same("on_track", a1, "status"); // 0.5 ≥ 180/364 − 0.10 = 0.3945
        near(13.0 + (364 - 59) * 118.0 / 1742, a1, "projected_at_end");
        same(3L, a1, "periods");

        // Target = baseline: no attainment, no status; a single period: no trend.
        Row a1i2 = rows.get("A1|I2");
        near(null, a1i2, "attainment");
        same(null, a1i2, "status");
        near(null, a1i2, "projected_at_end");
        same("attainment: target equals baseline: no planned change to measure attainment against; "
                + "projected_at_end: a trend needs at least two periods, got 1", a1i2, "notes");

        // A2/I1, quarterly: Q1 ends 2026-03-31 (x 89, y 40), Q2 2026-06-30 (x 180, y 90); slope 50/91; the
        // agreement ended 2026-04-30 (x 119). Attainment 0.9 against elapsed 1: exactly on the on-track line.
        Row a2 = rows.get("A2|I1");
        same("2026-Q2", a2, "period");
        near(0.9, a2, "attainment");
        same("on_track", a2, "status");
        near(40.0 + (119 - 89) * 50.0 / 91, a2, "projected_at_end");

        // A3/I3: 0.1 against elapsed 121/364 = 0.3324: below 0.2324 (on track) but above 0.0824 → at risk.
        Row a3 = rows.get("A3|I3");
        same("2026-05", a3, "period");
        near(0.1, a3, "attainment");
        same("at_risk", a3, "status");
        near(null, a3, "projected_at_end");
    }

    @Test
    void impactEstimates() {
        // Participants with both phases by as_of: p1 +4, p2 +2, p3 0 (p4 has no followup, p5's is after as_of).
        // n 3, mean 2, deviations 2, 0, −2 → variance 8/2 = 4, sd 2, se 2/√3, t = √3 with 2 df.
        // For 2 df the t distribution has closed forms: two-sided p = 1 − t/√(t² + 2) and the 97.5% quantile
        // = (2·0.975 − 1)/√(2·0.975·0.025). Improved (increase): p1, p2 → cost_per_improved = P1 spent 2200 / 2.
        Map<String, Row> rows = byKey(new ImpactEstimates().compute(in), "programme_id", "indicator_id", "method");
        assertEquals(2, rows.size());
        Row pp = rows.get("P1|I1|pre_post");
        double se = 2 / Math.sqrt(3);
        double q = 0.95 / Math.sqrt(2 * 0.975 * 0.025);
        near(2.0, pp, "estimate");
        near(2 - q * se, pp, "ci_low");
        near(2 + q * se, pp, "ci_high");
        same(3L, pp, "n_participants");
        same(3L, pp, "n_comparison");
        near(1 - Math.sqrt(3) / Math.sqrt(5), pp, "p_value");
        near(1.0, pp, "effect_size"); // d_z = 2 / 2
        near(1100.0, pp, "cost_per_improved");

        // Comparison c1 +1, c2 0, c3 +2: mean 1, variance 1. DiD = 2 − 1 = 1; Welch se = √(4/3 + 1/3) = √(5/3);
        // df = (5/3)² / ((4/3)²/2 + (1/3)²/2) = 50/17. The t quantile and p for 50/17 df come from Commons Math's
        // TDistribution (no closed form for fractional df); the statistics library tests check it against tables.
        Row did = rows.get("P1|I1|did");
        double seDid = Math.sqrt(5.0 / 3);
        TDistribution t = new TDistribution(50.0 / 17);
        double qDid = t.inverseCumulativeProbability(0.975);
        near(1.0, did, "estimate");
        assertTrue(Math.abs(((Double) did.getAs("ci_low")) - (1 - qDid * seDid)) < 1e-8);
        assertTrue(Math.abs(((Double) did.getAs("ci_high")) - (1 + qDid * seDid)) < 1e-8);
        near(2 * t.cumulativeProbability(-1 / seDid), did, "p_value");
        near(seDid, did, "standard_error");
        near(50.0 / 17, did, "df");
        same(3L, did, "n_participants");
        same(3L, did, "n_comparison");
        near(null, did, "effect_size");
        near(null, did, "cost_per_improved");
    }

    @Test
    void dataQuality() {
        Map<String, Row> rows = byKey(new DataQuality().compute(in), "partner_id", "dataset");
        assertEquals(4, rows.size(), "reference data is not a partner submission: " + rows.keySet());
        // PA services: F1 (2 read, 1 accepted, 1 error finding; due 2026-02-10, sent 02-09: −1) and F2 (2 read,
        // due 2026-03-10, sent 03-12: 2 days late). PA owes 2026-01..05 (A1 from January, A3 from March; June's
        // report is due in July) and sent January and February only: 3 missing.
        Row pas = rows.get("PA|services");
        same(4L, pas, "rows_read");
        same(3L, pas, "rows_accepted");
        same(1L, pas, "rows_quarantined");
        near(3.0 / 4, pas, "acceptance_rate");
        near(1 * 1000.0 / 4, pas, "errors_per_1000"); // the warning finding does not count
        same(2, pas, "days_late");
        same(3L, pas, "missing_months");
        Row pat = rows.get("PA|transactions");
        same(8L, pat, "rows_read");
        near(7.0 / 8, pat, "acceptance_rate");
        near(2 * 1000.0 / 8, pat, "errors_per_1000");
        same(null, pat, "days_late");
        same(null, pat, "missing_months");
        // PB services: due day 15. Jan sent 02-14 (−1), Mar sent 04-15 23:00 UTC (0), Apr sent 05-20 (5).
        // PB owes 2026-01..04 (A2 ended in April) and sent nothing for February.
        Row pbs = rows.get("PB|services");
        same(3L, pbs, "rows_read");
        near(1.0, pbs, "acceptance_rate");
        near(0.0, pbs, "errors_per_1000");
        same(5, pbs, "days_late");
        same(1L, pbs, "missing_months");
        Row pbt = rows.get("PB|transactions");
        same(5L, pbt, "rows_read");
        same(4L, pbt, "rows_accepted");
        same(1L, pbt, "rows_quarantined");
        near(4.0 / 5, pbt, "acceptance_rate");
        near(1 * 1000.0 / 5, pbt, "errors_per_1000");
    }

    @Test
    void integrityFlags() {
        Map<String, Row> rows = byKey(new IntegrityFlags().compute(in), "flag_id");
        List<String> expected = List.of(
                "INT-ACCEPT:PA/services", "INT-ACCEPT:PA/transactions", "INT-ACCEPT:PB/transactions",
                "INT-AFTER-END:A2",
                "INT-DUPLICATE:A1:2026-03-15:150.00",
                "INT-ERRORS:PA/services", "INT-ERRORS:PA/transactions", "INT-ERRORS:PB/transactions",
                "INT-LATE:PA:2026-02", "INT-LATE:PB:2026-04",
                "INT-MISSING:PA", "INT-MISSING:PB",
                "INT-OVER-COMMIT:A1",
                "INT-OVERSPEND:A2");
        assertEquals(expected, List.copyOf(rows.keySet()));
        flag(rows, "INT-LATE:PA:2026-02", "partner", "PA",
                "services file services-2026-02.csv for 2026-02 submitted 2026-03-12, 2 days after its due date 2026-03-10",
                "late when submitted more than 0 days after the due date");
        flag(rows, "INT-LATE:PB:2026-04", "partner", "PB",
                "services file services-2026-04.csv for 2026-04 submitted 2026-05-20, 5 days after its due date 2026-05-15",
                "late when submitted more than 0 days after the due date");
        flag(rows, "INT-MISSING:PA", "partner", "PA",
                "3 month(s) with no services submission: 2026-03, 2026-04, 2026-05",
                "flagged when more than 0 due month(s) have no submission");
        flag(rows, "INT-MISSING:PB", "partner", "PB", "1 month(s) with no services submission: 2026-02",
                "flagged when more than 0 due month(s) have no submission");
        flag(rows, "INT-ACCEPT:PA/services", "partner_dataset", "PA/services",
                "3 of 4 rows accepted (acceptance rate 0.7500)", "flagged when the acceptance rate is below 0.95");
        flag(rows, "INT-ERRORS:PB/transactions", "partner_dataset", "PB/transactions",
                "1 error finding(s) in 5 rows read (200.00 per 1,000 rows)",
                "flagged when there are more than 20.0 error findings per 1,000 rows");
        flag(rows, "INT-AFTER-END:A2", "agreement", "A2",
                "1 expenditure(s) totalling 500.00 USD dated after the end date 2026-04-30 (latest 2026-05-05)",
                "expenditures may be dated up to 0 day(s) after the agreement end date");
        flag(rows, "INT-OVER-COMMIT:A1", "agreement", "A1",
                "disbursed 1200.00 > committed 1000.00 USD (120.0% of committed)",
                "flagged when disbursed exceeds committed by more than 0%");
        flag(rows, "INT-OVERSPEND:A2", "agreement", "A2",
                "spent 1700.00 > disbursed 1500.00 USD (exceeds disbursed by 13.3%)",
                "flagged when spent exceeds disbursed by more than 10%");
        flag(rows, "INT-DUPLICATE:A1:2026-03-15:150.00", "agreement", "A1",
                "2 expenditures of 150.00 USD on 2026-03-15: T3, T4",
                "same agreement, date, amount and currency with different transaction_id");
        near(1700.0 / 1500, rows.get("INT-OVERSPEND:A2"), "observed");
        near(1.1, rows.get("INT-OVERSPEND:A2"), "limit_value");
    }

    @Test
    void benfordTestsBelowMinimumGiveProportionsOnly() {
        // PA's expenditures by as_of: 200, 150, 150 → first digits 2, 1, 1. PB: 1000, 500, 10 (as submitted, EUR:
        // the test reads the amounts as written, so T11 counts here although it has no rate).
        Map<String, Row> rows = byKey(new BenfordTests().compute(in), "partner_id");
        Row pa = rows.get("PA");
        same(3L, pa, "n");
        near(2.0 / 3, pa, "observed_1");
        near(1.0 / 3, pa, "observed_2");
        near(0.0, pa, "observed_3");
        near(null, pa, "mad");
        near(null, pa, "p_value");
        same("only 3 amounts: the Benford test is run from 100", pa, "notes");
        Row pb = rows.get("PB");
        same(3L, pb, "n");
        near(2.0 / 3, pb, "observed_1");
        near(1.0 / 3, pb, "observed_5");
    }

    @Test
    void costQuartilesNeedFourAgreements() {
        Map<String, Row> rows = byKey(new CostQuartiles().compute(in), "programme_id");
        assertEquals(List.of("P1"), List.copyOf(rows.keySet())); // P2 has no agreement with a cost per beneficiary
        Row p1 = rows.get("P1");
        same(2L, p1, "n");
        near(null, p1, "q1");
        near(null, p1, "upper_fence");
        same(2L, p1, "smallest_beneficiaries");
        same("only 2 agreements with a cost per beneficiary: fences are computed from 4", p1, "notes");
    }

    @Test
    void everyPublicColumnIsComputed() {
        for (PublicTable spec : PublicTables.all()) {
            MetricTable table = MetricCatalog.all().stream().filter(t -> t.name().equals(spec.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no metric table for public table " + spec.name()));
            Dataset<Row> computed = table.compute(in);
            List<String> columns = GoldenFixture.columns(computed);
            for (var c : spec.columns()) {
                assertTrue(columns.contains(c.name()), spec.name() + " lacks public column " + c.name());
            }
        }
    }

    private static void flag(Map<String, Row> rows, String id, String subjectType, String subjectId, String evidence,
                             String threshold) {
        Row r = rows.get(id);
        same("2026-06-30", r, "as_of");
        same(subjectType, r, "subject_type");
        same(subjectId, r, "subject_id");
        same(evidence, r, "evidence");
        same(threshold, r, "threshold");
    }
}
