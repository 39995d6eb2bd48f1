package org.glasshouse.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a reader sees for each published column: a plain label and a one-line explanation, beside the metric
 * definitions ({@link MetricDefinitions}) that the methodology states in full. Pages and the PDF show these; the
 * open-data files keep their exact machine column names. A label is looked up for a table's column first
 * ("reach_breakdown.beneficiaries"), then for the column name alone, so a column means the same everywhere unless a
 * table says otherwise. Adding a published column means adding one row here (a test checks every one has a label).
 */
public final class ColumnLabels {

    /** A plain label and its one-line explanation. */
    public record Label(String key, String label, String explanation) {}

    private static final List<Label> ALL = List.of(
            // Identifiers and names
            l("as_of", "As of", "The date the figures are computed for; activity dated later is not counted."),
            l("agreement_id", "Agreement", "The agreement's identifier."),
            l("agreement", "Partner (agreement)", "The partner holding the agreement, and the agreement's identifier."),
            l("programme_id", "Programme", "The programme's identifier."),
            l("partner_id", "Partner", "The partner's identifier."),
            l("indicator_id", "Indicator", "The indicator's identifier."),
            l("name", "Name", "The name the agency has on record."),
            l("partner_type", "Type of partner", "Non-profit, business, academic, community group or government body."),
            l("region_code", "Region", "The region's code."),
            l("agency", "Run by", "The agency running the programme."),
            l("sector", "Sector", "The policy area the programme belongs to."),
            l("start_date", "Start", "The first day."),
            l("end_date", "End", "The last day."),
            l("budget", "Budget", "The programme's budget, in its own currency."),
            l("currency", "Currency", "The currency code (ISO 4217)."),
            l("committed_amount", "Committed (own currency)", "The amount committed, in the agreement's own currency."),
            l("payment_model", "Payment model", "Grant, contract, or payment by results (outcomes-based)."),
            l("unit", "Unit", "What the indicator is counted in: a count, a percentage, money or a score."),
            l("direction", "Better when", "Whether a rise or a fall in the indicator counts as improvement."),
            // Money and delivery
            l("committed", "Committed", "Money the agency committed under the agreements."),
            l("disbursed", "Paid out", "Money paid out to partners, minus money paid back, up to the as-of date."),
            l("spent", "Spent", "Money partners report having spent up to the as-of date."),
            l("disbursement_rate", "Paid out of committed", "How much of the commitment has been paid out."),
            l("absorption_rate", "Spent of paid out", "How much of the money paid out has been spent."),
            l("elapsed", "Time elapsed", "How far through its period the agreement is."),
            l("pace_index", "Spending pace", "1 means spending keeps step with time; below 1 slower, above 1 faster."),
            l("beneficiaries", "People served", "Distinct people who received a service."),
            l("units", "Units of service", "Sessions, hours or items delivered, as the partner counts them."),
            l("cost_per_beneficiary", "Cost per person", "Money spent per person served."),
            l("cost_per_unit", "Cost per unit", "Money spent per unit of service."),
            l("priority_share", "Priority group", "Share of the people served who belong to the priority group."),
            l("overlap", "Served by two or more partners", "People served by more than one partner of the programme."),
            l("notes", "Notes", "Why a figure is empty, when it is."),
            // Who was served
            l("dimension", "Breakdown", "What the people served are grouped by: region, age band, sex or priority group."),
            l("value", "Group", "The region, age band, sex, or membership of the priority group."),
            l("reach_breakdown.beneficiaries", "People", "People served in this group; someone served in two groups counts in both."),
            l("share", "Share of people served", "People in this group as a share of all people the programme served."),
            // Outcomes
            l("period", "Period", "The latest reporting period (month or quarter) ended by the as-of date."),
            l("baseline", "Baseline", "Where the indicator started."),
            l("target", "Target", "Where the indicator should get to."),
            l("actual", "Latest actual", "The value reported for the latest period."),
            l("attainment", "Progress to target", "How much of the planned change has been achieved: 100% means the target is reached."),
            l("status", "Status", "On track, at risk or off track: progress against the share of the agreement's time gone."),
            l("projected_at_end", "Projected at end", "Where the indicator is heading by the end date if the trend so far continues."),
            l("periods", "Periods reported", "How many periods have been reported so far."),
            // Impact
            l("method", "Method", "Before and after (participants' change), or against a comparison group of people not served."),
            l("estimate", "Estimated change", "The average change the estimate attributes to the programme, in the indicator's unit."),
            l("ci_low", "95% interval, low", "The lower end of the range the true change plausibly lies in."),
            l("ci_high", "95% interval, high", "The upper end of the range the true change plausibly lies in."),
            l("interval", "95% interval", "The range the true change plausibly lies in."),
            l("n_participants", "Participants", "Participants measured both before and after."),
            l("n_comparison", "Comparison group", "People not served who were measured both before and after."),
            l("p_value", "p-value", "How likely a change this large would be by chance alone; below 0.05 is usually called significant."),
            l("effect_size", "Effect size", "The change measured in standard deviations of the individual changes."),
            l("cost_per_improved", "Cost per participant who improved", "Programme spending per participant whose indicator moved the right way."),
            // Integrity flags
            l("flag_id", "Flag", "The flag's stable identifier: check, subject and what tells two flags apart."),
            l("subject_type", "About", "Whether the flag is about an agreement, a partner, or one dataset of a partner."),
            l("subject_id", "Subject", "The agreement, partner or partner's dataset the flag is about."),
            l("subject", "Subject", "The agreement, partner or partner's dataset the flags are about."),
            l("evidence", "Evidence", "The figures that raised the flag."),
            l("threshold", "Threshold", "The limit the figures were judged against."),
            l("rule_id", "Check", "The integrity check that raised the flag (see the methodology)."),
            l("check", "Check", "The integrity check that raised the flags (see the methodology)."),
            l("checks", "Checks", "The integrity checks that raised the flags."),
            l("flags", "Flags", "How many flags the checks raised."),
            l("subjects", "Subjects", "How many agreements, partners or datasets the flags are about."),
            l("people", "People", "People the evidence is computed from, when it is."),
            l("amount", "Amount concerned", "Money the flags concern: spending after the end date, money over the committed or paid-out amount, or repeated payments."),
            l("example", "Strongest example", "The evidence of the flag concerning the most money (or the first one)."),
            // Data quality
            l("dataset", "Dataset", "What was submitted: services, transactions, results or outcome measurements."),
            l("rows_read", "Rows sent", "Rows read from the partner's files."),
            l("rows_accepted", "Rows accepted", "Rows that passed validation."),
            l("rows_quarantined", "Rows rejected", "Rows rejected by at least one validation rule."),
            l("acceptance_rate", "Accepted", "Share of the rows sent that passed validation."),
            l("errors_per_1000", "Errors per 1,000 rows", "Validation errors found per 1,000 rows sent."),
            l("days_late", "Days late", "Most days any monthly services file arrived after its due date (0 = all on time)."),
            l("missing_months", "Months missing", "Monthly services reports that were due and never sent."),
            // Benford and cost quartiles
            l("digit", "First digit", "The first significant digit of an amount, 1 to 9."),
            l("count", "Amounts", "Expenditure amounts starting with the digit."),
            l("observed_share", "Observed", "Share of the partner's expenditure amounts starting with the digit."),
            l("expected_share", "Expected by Benford's law", "The share Benford's law expects for the digit."),
            l("benford_tests.n", "Amounts tested", "Expenditure amounts in the test."),
            l("mad", "Mean absolute deviation", "How far the first digits are from Benford's law on average; above 0.015 is nonconformity."),
            l("conformity", "Conformity", "Nigrini's band for the mean absolute deviation."),
            l("chi_square", "Chi-square", "The chi-square statistic against Benford's law (8 degrees of freedom)."),
            l("cost_quartiles.n", "Agreements", "Agreements with a cost per person in the programme."),
            l("q1", "Lower quartile", "A quarter of the agreements cost less per person than this."),
            l("median", "Median", "Half of the agreements cost less per person than this."),
            l("q3", "Upper quartile", "Three quarters of the agreements cost less per person than this."),
            l("iqr", "Interquartile range", "Upper quartile minus lower quartile."),
            l("upper_fence", "Outlier fence", "Agreements costing more per person than this are flagged."),
            l("k", "Fence multiplier", "How many interquartile ranges above the upper quartile the fence lies."),
            l("smallest_beneficiaries", "Fewest people", "The fewest people served by any agreement in the quartiles."),
            // Methodology
            l("methodology.metric", "Figure", "The figure's plain name, with its column name in the open data."),
            l("methodology.definition", "What it means", "The figure in plain words."),
            l("methodology.formula", "How it is computed", "The formula over the published inputs."),
            l("methodology.unit", "Unit", "What the figure is counted in."),
            l("methodology.edge_cases", "Special cases", "What is published when the formula cannot be applied."),
            l("methodology.threshold", "Threshold", "The limit a flag or status is judged against, and its setting."),
            // Corrections log
            l("release", "Release", "The release the change was published in."),
            l("previous_release", "Compared with", "The release the figure was compared with."),
            l("table", "Table", "The open-data table the figure is in."),
            l("row", "Row", "Which row of the table: its key columns."),
            l("column", "Figure", "The figure that changed, or (row) when a row came or went."),
            l("previous", "Was", "The figure as published in the previous release."),
            l("current", "Now", "The figure as published in this release."),
            l("reason", "Why", "What changed in the inputs, the rules or the as-of date that explains the change."));

    private static final Map<String, Label> BY_KEY = index();

    private ColumnLabels() {}

    private static Label l(String key, String label, String explanation) {
        return new Label(key, label, explanation);
    }

    private static Map<String, Label> index() {
        Map<String, Label> m = new HashMap<>();
        for (Label l : ALL) {
            if (m.put(l.key(), l) != null) throw new IllegalStateException("column label listed twice: " + l.key());
        }
        return Map.copyOf(m);
    }

    /** The label of a table's column, or null when the catalogue has none. */
    public static Label of(String table, String column) {
        Label specific = table == null ? null : BY_KEY.get(table + "." + column);
        return specific != null ? specific : BY_KEY.get(column);
    }

    public static List<Label> all() {
        return ALL;
    }
}
