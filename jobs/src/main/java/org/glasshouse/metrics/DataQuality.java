package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per partner and submitted dataset: rows read, accepted and quarantined (the validate step's accounting),
 * acceptance rate, error findings per 1,000 rows read, and for services the worst lateness (days after the due
 * date, 0 when every file was on time) and the number of months with no submission. Agency reference data is not a partner submission and is left out.
 */
public final class DataQuality implements MetricTable {

    public static final String REFERENCE_PARTNER = "_reference";

    @Override
    public String name() {
        return "data_quality";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        return in.derived().get(name(), () -> computeFresh(in));
    }

    private Dataset<Row> computeFresh(MetricInputs in) {
        Dataset<Row> files = in.quality().files().filter(col("partner_id").notEqual(REFERENCE_PARTNER));
        // Errors and warnings per file from one pass over the findings.
        Dataset<Row> counts = in.quality().findings().groupBy(col("file_id").as("_f_file")).agg(
                count(when(col("severity").equalTo("error"), lit(1))).as("_errors"),
                count(when(col("severity").equalTo("warning"), lit(1))).as("_warnings"));
        Dataset<Row> late = SubmissionTimeliness.compute(in).select(col("file_id").as("_l_file"),
                col("days_late").as("_days_late"));
        Dataset<Row> perFile = files
                .join(counts, col("file_id").equalTo(col("_f_file")), "left")
                .join(late, col("file_id").equalTo(col("_l_file")), "left");
        Dataset<Row> grouped = perFile.groupBy(col("partner_id"), col("dataset")).agg(
                count(lit(1)).as("files"),
                sum("rows_read").as("rows_read"), sum("rows_accepted").as("rows_accepted"),
                sum("rows_quarantined").as("rows_quarantined"),
                sum(coalesce(col("_errors"), lit(0L))).as("error_findings"),
                sum(coalesce(col("_warnings"), lit(0L))).as("warning_findings"),
                max(col("_days_late")).as("_max_late"),
                sum(when(col("_days_late").gt(in.thresholds().lateDays()), lit(1L)).otherwise(lit(0L)))
                        .as("late_files"));
        Dataset<Row> missing = MissingMonths.compute(in).groupBy(col("partner_id").as("_m_partner"))
                .agg(count(lit(1)).as("_missing"));
        Column isServices = col("dataset").equalTo("services");
        Column read = col("rows_read");
        return grouped.join(missing, col("partner_id").equalTo(col("_m_partner")), "left")
                .select(lit(in.asOf()).as("as_of"), col("partner_id"), col("dataset"), read,
                        col("rows_accepted"), col("rows_quarantined"),
                        Ratios.ratio(col("rows_accepted"), read).as("acceptance_rate"),
                        Ratios.ratio(col("error_findings").multiply(1000.0), read).as("errors_per_1000"),
                        // Only monthly services files have a due date; elsewhere lateness does not apply.
                        when(isServices.and(col("_max_late").isNotNull()), greatest(lit(0), col("_max_late")))
                                .as("days_late"),
                        when(isServices, coalesce(col("_missing"), lit(0L))).as("missing_months"),
                        col("files"), col("error_findings"), col("warning_findings"),
                        when(isServices, col("late_files")).as("late_files"),
                        Ratios.notes(
                                Ratios.reason("acceptance_rate", col("rows_accepted"), read, "no rows read"),
                                Ratios.reason("errors_per_1000", col("error_findings"), read, "no rows read"))
                                .as("notes"))
                .orderBy("partner_id", "dataset");
    }
}
