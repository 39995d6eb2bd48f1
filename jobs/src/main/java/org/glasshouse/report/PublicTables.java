package org.glasshouse.report;

import static org.glasshouse.reports.model.ColumnType.COUNT;
import static org.glasshouse.reports.model.ColumnType.DATE;
import static org.glasshouse.reports.model.ColumnType.ID;
import static org.glasshouse.reports.model.ColumnType.MONEY;
import static org.glasshouse.reports.model.ColumnType.NUMBER;
import static org.glasshouse.reports.model.ColumnType.P_VALUE;
import static org.glasshouse.reports.model.ColumnType.RATE;
import static org.glasshouse.reports.model.ColumnType.TEXT;

import java.util.List;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;

/** The open-data tables of a release, each with its allow-listed columns and their public descriptions. */
public final class PublicTables {

    private PublicTables() {}

    private static Column c(String name, ColumnType type, String description) {
        return new Column(name, type, description);
    }

    private static final Column AS_OF = c("as_of", DATE, "Date the figures are computed for; activity dated later is not counted.");

    public static final PublicTable AGREEMENT_METRICS = new PublicTable("agreement_metrics",
            "Money and delivery per agreement", List.of(
            AS_OF,
            c("agreement_id", ID, "Agreement identifier."),
            c("programme_id", ID, "Programme the agreement belongs to."),
            c("partner_id", ID, "Partner holding the agreement."),
            c("committed", MONEY, "Amount committed under the agreement, reporting currency."),
            c("disbursed", MONEY, "Disbursements minus refunds dated on or before as_of."),
            c("spent", MONEY, "Expenditures dated on or before as_of."),
            c("disbursement_rate", RATE, "disbursed / committed."),
            c("absorption_rate", RATE, "spent / disbursed."),
            c("elapsed", RATE, "Share of the agreement period passed at as_of, between 0 and 1."),
            c("pace_index", NUMBER, "(spent / committed) / elapsed; 1 means spending in step with time."),
            c("beneficiaries", COUNT, "Distinct people served."),
            c("units", NUMBER, "Units of service delivered."),
            c("cost_per_beneficiary", MONEY, "spent / beneficiaries."),
            c("cost_per_unit", MONEY, "spent / units."),
            c("priority_share", RATE, "Share of beneficiaries in the priority group."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of("beneficiaries"), List.of("cost_per_beneficiary", "priority_share"), List.of("agreement_id"));

    public static final PublicTable PROGRAMME_METRICS = new PublicTable("programme_metrics",
            "Money and delivery per programme", List.of(
            AS_OF,
            c("programme_id", ID, "Programme identifier."),
            c("committed", MONEY, "Sum of committed amounts of the programme's agreements."),
            c("disbursed", MONEY, "Disbursements minus refunds dated on or before as_of."),
            c("spent", MONEY, "Expenditures dated on or before as_of."),
            c("disbursement_rate", RATE, "disbursed / committed."),
            c("absorption_rate", RATE, "spent / disbursed."),
            c("beneficiaries", COUNT, "Distinct people served, each counted once across partners."),
            c("units", NUMBER, "Units of service delivered."),
            c("cost_per_beneficiary", MONEY, "spent / beneficiaries."),
            c("priority_share", RATE, "Share of beneficiaries in the priority group."),
            c("overlap", COUNT, "People served by more than one partner of the programme."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of("beneficiaries", "overlap"), List.of("cost_per_beneficiary", "priority_share"),
            List.of("programme_id"));

    public static final PublicTable IMPACT_ESTIMATES = new PublicTable("impact_estimates",
            "Impact estimates per programme and indicator", List.of(
            AS_OF,
            c("programme_id", ID, "Programme identifier."),
            c("indicator_id", ID, "Indicator identifier."),
            c("method", ID, "pre_post: mean change of participants; did: difference in differences against the comparison group."),
            c("estimate", NUMBER, "Estimated change in the indicator's unit."),
            c("ci_low", NUMBER, "Lower end of the 95% confidence interval."),
            c("ci_high", NUMBER, "Upper end of the 95% confidence interval."),
            c("n_participants", COUNT, "Participants measured at baseline and follow-up."),
            c("n_comparison", COUNT, "Comparison-group members measured at baseline and follow-up."),
            c("p_value", P_VALUE, "Two-sided p-value (paired t-test for pre_post, Welch t-test for did)."),
            c("effect_size", NUMBER, "Cohen's d_z (mean change / standard deviation of changes), pre_post only."),
            c("cost_per_improved", MONEY, "Programme spent / participants who improved."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of("n_participants", "n_comparison"),
            List.of("estimate", "ci_low", "ci_high", "p_value", "effect_size", "cost_per_improved", "notes"),
            List.of("programme_id", "indicator_id", "method"));

    public static final PublicTable PARTNER_METRICS = new PublicTable("partner_metrics",
            "Money and delivery per partner", List.of(
            AS_OF,
            c("partner_id", ID, "Partner identifier."),
            c("partner_type", ID, "nonprofit, business, academic, community or government."),
            c("committed", MONEY, "Sum of committed amounts of the partner's agreements, reporting currency."),
            c("disbursed", MONEY, "Disbursements minus refunds dated on or before as_of."),
            c("spent", MONEY, "Expenditures dated on or before as_of."),
            c("beneficiaries", COUNT, "Distinct people served, counted once per programme."),
            c("cost_per_beneficiary", MONEY, "spent / beneficiaries."),
            c("disbursement_rate", RATE, "disbursed / committed."),
            c("absorption_rate", RATE, "spent / disbursed."),
            c("units", NUMBER, "Units of service delivered."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of("beneficiaries"), List.of("cost_per_beneficiary"), List.of("partner_id"));

    public static final PublicTable OVERALL_METRICS = new PublicTable("overall_metrics",
            "Money and delivery over all programmes", List.of(
            AS_OF,
            c("committed", MONEY, "Sum of committed amounts of all agreements, reporting currency."),
            c("disbursed", MONEY, "Disbursements minus refunds dated on or before as_of."),
            c("spent", MONEY, "Expenditures dated on or before as_of."),
            c("disbursement_rate", RATE, "disbursed / committed."),
            c("absorption_rate", RATE, "spent / disbursed."),
            c("beneficiaries", COUNT, "Distinct people served, counted once per programme."),
            c("units", NUMBER, "Units of service delivered."),
            c("cost_per_beneficiary", MONEY, "spent / beneficiaries."),
            c("cost_per_unit", MONEY, "spent / units."),
            c("priority_share", RATE, "Share of beneficiaries in the priority group."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of("beneficiaries"), List.of("cost_per_beneficiary", "priority_share"), List.of("as_of"));

    public static final PublicTable REACH_BREAKDOWN = new PublicTable("reach_breakdown",
            "Beneficiaries per programme by region, age band, sex and priority group", List.of(
            AS_OF,
            c("programme_id", ID, "Programme identifier."),
            c("dimension", ID, "region, age_band, sex or priority_group."),
            c("value", ID, "The region code, age band, sex or true/false for the priority group."),
            c("beneficiaries", COUNT, "Distinct people served with this value (a person served with two values counts in both)."),
            c("share", RATE, "beneficiaries / the programme's beneficiaries.")),
            List.of("beneficiaries"), List.of("share"), List.of("programme_id", "dimension", "value"));

    public static final PublicTable INDICATOR_RESULTS = new PublicTable("indicator_results",
            "Latest indicator results per agreement, attainment and status", List.of(
            AS_OF,
            c("agreement_id", ID, "Agreement identifier."),
            c("indicator_id", ID, "Indicator identifier."),
            c("period", ID, "Latest reported period (YYYY-MM or YYYY-Qn) ended on or before as_of."),
            c("baseline", NUMBER, "Baseline value reported for the latest period."),
            c("target", NUMBER, "Target value reported for the latest period."),
            c("actual", NUMBER, "Actual value reported for the latest period."),
            c("attainment", RATE, "(actual - baseline) / (target - baseline); empty when target = baseline."),
            c("status", ID, "on_track, at_risk or off_track: attainment against the share of the agreement period elapsed."),
            c("projected_at_end", NUMBER, "Least-squares trend of the period actuals, projected to the agreement end date."),
            c("elapsed", RATE, "Share of the agreement period passed at as_of."),
            c("periods", COUNT, "Number of periods reported up to as_of (not people)."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of(), List.of(), List.of("agreement_id", "indicator_id"));

    public static final PublicTable INTEGRITY_FLAGS = new PublicTable("integrity_flags",
            "Accountability and integrity flags", List.of(
            AS_OF,
            c("flag_id", ID, "Stable id: rule id, subject and (for repeated flags) what tells them apart."),
            c("subject_type", ID, "agreement, partner or partner_dataset."),
            c("subject_id", ID, "The agreement, partner or partner/dataset flagged."),
            c("evidence", TEXT, "The figures that raised the flag."),
            c("threshold", TEXT, "The threshold the figures were judged against."),
            c("rule_id", ID, "The check that raised the flag (see the methodology)."),
            c("people", COUNT, "People the evidence is computed from, when it is (cost per beneficiary)."),
            c("amount", MONEY, "Money the flag concerns, reporting currency: expenditure after the end date, the excess over committed or disbursed, or the repeated part of duplicate expenditures; empty for other checks.")),
            List.of("people"), List.of("evidence", "threshold"), List.of("rule_id", "flag_id"));

    public static final PublicTable DATA_QUALITY = new PublicTable("data_quality",
            "Data quality and timeliness per partner and dataset", List.of(
            AS_OF,
            c("partner_id", ID, "Partner identifier."),
            c("dataset", ID, "Dataset submitted (services, transactions, results, outcome_measurements)."),
            c("rows_read", NUMBER, "Rows read from the partner's files (rows, not people)."),
            c("rows_accepted", NUMBER, "Rows that passed validation."),
            c("rows_quarantined", NUMBER, "Rows rejected by at least one error rule."),
            c("acceptance_rate", RATE, "rows_accepted / rows_read."),
            c("errors_per_1000", NUMBER, "Error findings per 1,000 rows read."),
            c("days_late", NUMBER, "Services only: most days any monthly file came after its due date (0 = all on time)."),
            c("missing_months", NUMBER, "Services only: months due with no submission."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of(), List.of(), List.of("partner_id", "dataset"));

    public static final PublicTable BENFORD_DIGITS = new PublicTable("benford_digits",
            "First digits of each partner's expenditure amounts against Benford's law", List.of(
            AS_OF,
            c("partner_id", ID, "Partner identifier."),
            c("digit", ID, "First significant digit, 1 to 9."),
            c("count", NUMBER, "Expenditure amounts starting with the digit (amounts, not people)."),
            c("observed_share", RATE, "count / all expenditure amounts of the partner."),
            c("expected_share", RATE, "Benford's expected share, log10(1 + 1/digit).")),
            List.of(), List.of(), List.of("partner_id", "digit"));

    public static final PublicTable BENFORD_TESTS = new PublicTable("benford_tests",
            "Benford first-digit test of each partner's expenditure amounts", List.of(
            AS_OF,
            c("partner_id", ID, "Partner identifier."),
            c("n", NUMBER, "Expenditure amounts tested (amounts, not people)."),
            c("mad", NUMBER, "Mean absolute deviation of first-digit proportions from Benford's law."),
            c("conformity", ID, "Nigrini's band for the MAD."),
            c("chi_square", NUMBER, "Pearson chi-square against Benford's proportions, 8 degrees of freedom."),
            c("p_value", P_VALUE, "Upper-tail p-value of chi_square."),
            c("notes", TEXT, "Why the test is not given, when it is not.")),
            List.of(), List.of(), List.of("partner_id"));

    public static final PublicTable COST_QUARTILES = new PublicTable("cost_quartiles",
            "Quartiles of agreements' cost per beneficiary within each programme", List.of(
            AS_OF,
            c("programme_id", ID, "Programme identifier."),
            c("n", NUMBER, "Agreements with a cost per beneficiary."),
            c("q1", MONEY, "First quartile (R-7 / Excel PERCENTILE.INC)."),
            c("median", MONEY, "Median."),
            c("q3", MONEY, "Third quartile."),
            c("iqr", MONEY, "q3 - q1."),
            c("upper_fence", MONEY, "q3 + k x iqr: agreements above it are flagged."),
            c("k", NUMBER, "Fence multiplier."),
            c("smallest_beneficiaries", COUNT, "Fewest beneficiaries of any agreement in the quartiles."),
            c("notes", TEXT, "Why the quartiles are not given, when they are not.")),
            List.of(), List.of("q1", "median", "q3", "iqr", "upper_fence", "smallest_beneficiaries"),
            List.of("programme_id"));

    /** Every public table; the report step loads each from the metric table of the same name. */
    public static List<PublicTable> all() {
        return List.of(AGREEMENT_METRICS, PROGRAMME_METRICS, PARTNER_METRICS, OVERALL_METRICS, REACH_BREAKDOWN,
                INDICATOR_RESULTS, IMPACT_ESTIMATES, INTEGRITY_FLAGS, DATA_QUALITY, BENFORD_TESTS, BENFORD_DIGITS,
                COST_QUARTILES);
    }
}
