package org.glasshouse.report;

import static org.glasshouse.reports.model.ColumnType.COUNT;
import static org.glasshouse.reports.model.ColumnType.DATE;
import static org.glasshouse.reports.model.ColumnType.ID;
import static org.glasshouse.reports.model.ColumnType.MONEY;
import static org.glasshouse.reports.model.ColumnType.NUMBER;
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
            c("p_value", NUMBER, "Two-sided p-value (paired t-test for pre_post, Welch t-test for did)."),
            c("effect_size", NUMBER, "Cohen's d_z (mean change / standard deviation of changes), pre_post only."),
            c("cost_per_improved", MONEY, "Programme spent / participants who improved."),
            c("notes", TEXT, "Why a figure is empty, when it is.")),
            List.of("n_participants", "n_comparison"),
            List.of("estimate", "ci_low", "ci_high", "p_value", "effect_size", "cost_per_improved"),
            List.of("programme_id", "indicator_id", "method"));

    /** Every public table; the report step loads each from the metric table of the same name. */
    public static List<PublicTable> all() {
        return List.of(AGREEMENT_METRICS, PROGRAMME_METRICS, IMPACT_ESTIMATES);
    }
}
