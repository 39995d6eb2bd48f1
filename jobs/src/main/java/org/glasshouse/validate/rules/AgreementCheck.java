package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.date_sub;
import static org.apache.spark.sql.functions.lit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.validate.read.RawRows;

/**
 * Rows that name an agreement: it must exist, belong to the partner who submitted the row, and (for dated
 * activity) the date must fall inside the agreement, give or take the configured grace days.
 */
public final class AgreementCheck implements CrossCheck {

    /** Dataset → its date field and the severity of a date outside the agreement. */
    private static final Map<String, DateRule> DATED = Map.of(
            "services", new DateRule("service_date", "XAG-003", Severity.ERROR),
            // Spending after the end date is an integrity flag, so those rows must be kept.
            "transactions", new DateRule("date", "XAG-004", Severity.WARNING));

    private record DateRule(String field, String ruleId, Severity severity) {}

    private final int graceDays;

    public AgreementCheck(int graceDays) {
        this.graceDays = graceDays;
    }

    @Override
    public boolean appliesTo(String dataset) {
        return List.of("services", "transactions", "results", "outcome_measurements").contains(dataset);
    }

    @Override
    public List<String> requires(String dataset) {
        return List.of("agreements");
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        Dataset<Row> agreements = reference.get("agreements").orElseThrow().select(
                col("agreement_id").as("_x_ag_id"), col("partner_id").as("_x_ag_partner"),
                col("programme_id").as("_x_ag_programme"), col("start_date").as("_x_ag_start"),
                col("end_date").as("_x_ag_end"));
        return rows.join(broadcast(agreements), rows.col("agreement_id").equalTo(col("_x_ag_id")), "left");
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        Column agreement = col("agreement_id");
        Column known = col("_x_ag_id").isNotNull();
        List<RowCheck> checks = new ArrayList<>();
        checks.add(new RowCheck(new RuleInfo("XAG-001", dataset, "agreement_id", Severity.ERROR,
                "agreement exists", "Use the agreement_id exactly as written in your agreement letter.",
                "an agreement_id of the agency's agreement list"),
                "agreement_id", agreement.isNotNull().and(known.unary_$bang()), agreement,
                ContractChecks.msg("agreement_id '", agreement, "' is not a known agreement.")));
        checks.add(new RowCheck(new RuleInfo("XAG-002", dataset, "agreement_id", Severity.ERROR,
                "agreement belongs to the submitting partner",
                "Report only under your own agreements; data for another partner's agreement must come from them.",
                "an agreement held by the submitting partner"),
                "agreement_id", known.and(col("_x_ag_partner").notEqual(col(RawRows.PARTNER_ID))), agreement,
                concat(lit("agreement_id '"), agreement, lit("' belongs to partner "), col("_x_ag_partner"),
                        lit(", not to "), col(RawRows.PARTNER_ID), lit("."))));
        DateRule d = DATED.get(dataset);
        if (d != null) {
            Column date = col(d.field()).try_cast("date");
            Column outside = date.lt(date_sub(col("_x_ag_start"), graceDays))
                    .or(date.gt(date_add(col("_x_ag_end"), graceDays)));
            checks.add(new RowCheck(new RuleInfo(d.ruleId(), dataset, d.field(), d.severity(),
                    d.field() + " inside the agreement period",
                    "Check the date; activity must fall between the agreement's start and end dates.",
                    "a date between the agreement's start and end dates"
                            + (graceDays > 0 ? " (give or take " + graceDays + " days)" : "")),
                    d.field(), known.and(date.isNotNull()).and(outside), col(d.field()),
                    concat(lit(d.field() + " "), col(d.field()), lit(" is outside agreement "), agreement,
                            lit(" ("), col("_x_ag_start").cast("string"), lit(" to "),
                            col("_x_ag_end").cast("string"), lit(")."))));
        }
        return checks;
    }
}
