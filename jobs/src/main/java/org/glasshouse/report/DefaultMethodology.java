package org.glasshouse.report;

import java.util.List;

/**
 * The metric definitions of SPEC section 4 for the methodology page, used until the metrics catalogue provides its
 * own entries (the report step takes whichever list it is given).
 */
public final class DefaultMethodology {

    private DefaultMethodology() {}

    private static MethodologyEntry e(String name, String definition, String formula, String unit, String edge,
                                      String threshold) {
        return new MethodologyEntry(name, definition, formula, unit, edge, threshold);
    }

    public static List<MethodologyEntry> entries() {
        return List.of(
                e("committed", "Money promised to the partner under the agreement.", "agreements.committed_amount",
                        "reporting currency", "Converted with the month's exchange rate when in another currency.", ""),
                e("disbursed", "Money paid to the partner so far, net of refunds.",
                        "Σ disbursements − Σ refunds dated on or before the as-of date", "reporting currency",
                        "No transactions: 0.", ""),
                e("spent", "Money the partner reports having spent.", "Σ expenditures dated on or before the as-of date",
                        "reporting currency", "No transactions: 0.", ""),
                e("disbursement_rate", "Share of the commitment paid out.", "disbursed / committed", "ratio",
                        "Committed is 0 or missing: empty, with the reason in notes.", ""),
                e("absorption_rate", "Share of the money paid out that has been spent.", "spent / disbursed", "ratio",
                        "Disbursed is 0: empty, with the reason in notes.", ""),
                e("elapsed", "Share of the agreement's time that has passed.",
                        "clamp((as_of − start_date) / (end_date − start_date), 0, 1)", "ratio", "", ""),
                e("pace_index", "Whether spending keeps step with time; 1 means exactly in step.",
                        "(spent / committed) / elapsed", "ratio", "Elapsed is 0 (not started): empty.", ""),
                e("beneficiaries", "Distinct people served; a person served by two partners of a programme counts "
                        + "once in the programme.", "count of distinct beneficiary_ref", "people",
                        "Subject to disclosure control (see below).", ""),
                e("cost_per_beneficiary", "Money spent per person served.", "spent / beneficiaries",
                        "reporting currency", "No people served: empty. Suppressed with the count it is derived from.",
                        ""),
                e("priority_share", "Share of people served who belong to a priority group.",
                        "distinct priority-group beneficiaries / beneficiaries", "ratio",
                        "Suppressed with the count it is derived from.", ""),
                e("attainment", "Progress from baseline towards target, latest period.",
                        "(actual − baseline) / (target − baseline)", "ratio", "Target equals baseline: empty.",
                        "on track ≥ elapsed − 0.10; at risk ≥ elapsed − 0.25; else off track"),
                e("pre_post estimate", "Mean change of participants measured before and after, with its 95% "
                        + "confidence interval, paired t-test p-value and effect size d_z.",
                        "mean(followup − baseline) ± t(0.975, n−1) · sd / √n", "indicator unit",
                        "Fewer than 2 participants: empty.", ""),
                e("did estimate", "Difference in differences: participants' mean change minus the comparison "
                        + "group's, with Welch standard error and 95% confidence interval.",
                        "mean change(participants) − mean change(comparison)", "indicator unit",
                        "A group with fewer than 2 members: empty.", ""),
                e("Benford test", "First digits of a partner's expenditures compared with Benford's law.",
                        "mean absolute deviation of first-digit shares; chi-square p-value", "ratio",
                        "Fewer than 100 expenditures: not tested.", "Nigrini's MAD bands"),
                e("cost_per_beneficiary outlier", "An agreement costing far more per person than the others of its "
                        + "programme.", "cost_per_beneficiary > Q3 + 1.5 · IQR", "reporting currency",
                        "Fewer than 4 agreements in the programme: not tested.", "Q3 + 1.5 · IQR"));
    }
}
