package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sequence;
import static org.apache.spark.sql.functions.trunc;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Completeness: months for which a partner owed a services submission and has none. A partner owes month M when
 * one of its agreements is active in M and M's report is due (earliest due day in M+1) on or before as-of. A month
 * counts as submitted when a services file is named for it or an accepted service row is dated in it (so a file
 * whose name carries no month counts for every month its rows cover).
 */
public final class MissingMonths {

    private MissingMonths() {}

    /** partner_id, month (first day), due_date: one row per missing month. */
    public static Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> owed = in.agreements().filter(col("start_date").leq(lit(in.asOf())))
                .withColumn("month", explode(sequence(trunc(col("start_date"), "month"),
                        trunc(least(col("end_date"), lit(in.asOf())), "month"), expr("interval 1 month"))))
                .groupBy(col("partner_id"), col("month"))
                .agg(min("reporting_due_day").as("_due_day"))
                .withColumn("due_date", SubmissionTimeliness.dueDate(col("month"), col("_due_day")))
                .filter(col("due_date").leq(lit(in.asOf())))
                .drop("_due_day");
        Dataset<Row> byName = in.quality().files().filter(col("dataset").equalTo("services"))
                .select(col("partner_id"), SubmissionTimeliness.monthInName(col("file_name")).as("month"))
                .filter(col("month").isNotNull());
        Dataset<Row> byRows = DeliveryFacts.months(in);
        Dataset<Row> submitted = byName.unionByName(byRows).distinct();
        return owed.join(submitted, owed.col("partner_id").equalTo(submitted.col("partner_id"))
                        .and(owed.col("month").equalTo(submitted.col("month"))), "left_anti")
                .select(col("partner_id"), col("month"), col("due_date"));
    }
}
