package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** An indicator a row reports on must exist and belong to the programme of the row's agreement. */
public final class IndicatorCheck implements CrossCheck {

    @Override
    public boolean appliesTo(String dataset) {
        return dataset.equals("results") || dataset.equals("outcome_measurements");
    }

    @Override
    public List<String> requires(String dataset) {
        return List.of("indicators", "agreements");
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        Dataset<Row> indicators = reference.get("indicators").orElseThrow()
                .select(col("indicator_id").as("_x_ind_id"), col("programme_id").as("_x_ind_programme"));
        return rows.join(broadcast(indicators), rows.col("indicator_id").equalTo(col("_x_ind_id")), "left");
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        Column ind = col("indicator_id");
        return List.of(
                new RowCheck(new RuleInfo("XIN-001", dataset, "indicator_id", Severity.ERROR, "indicator exists",
                        "Use an indicator_id from the programme's indicator list.",
                        "an indicator_id of the agency's indicator list"), "indicator_id",
                        ind.isNotNull().and(col("_x_ind_id").isNull()), ind,
                        ContractChecks.msg("indicator_id '", ind, "' is not a known indicator.")),
                new RowCheck(new RuleInfo("XIN-002", dataset, "indicator_id", Severity.ERROR,
                        "indicator belongs to the agreement's programme",
                        "Report only the indicators of the programme your agreement is under.",
                        "an indicator of the agreement's programme"), "indicator_id",
                        col("_x_ind_id").isNotNull().and(col("_x_ag_programme").isNotNull())
                                .and(col("_x_ind_programme").notEqual(col("_x_ag_programme"))), ind,
                        concat(lit("indicator_id '"), ind, lit("' belongs to programme "), col("_x_ind_programme"),
                                lit(", but the agreement is under "), col("_x_ag_programme"), lit("."))));
    }
}
