package org.glasshouse.metrics.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sort_array;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.metrics.MetricInputs;
import org.glasshouse.metrics.MissingMonths;
import org.glasshouse.metrics.SubmissionTimeliness;
import org.glasshouse.metrics.Thresholds;

/** Judges the reporting metrics: late files, months with no submission, acceptance and error rates. */
public final class SubmissionFlags {

    private SubmissionFlags() {}

    public static Dataset<Row> late(MetricInputs in) {
        int limit = in.thresholds().lateDays();
        Dataset<Row> late = SubmissionTimeliness.compute(in).filter(col("days_late").gt(limit));
        return Flags.of(late, FlagRule.LATE, in.asOf(), col("partner_id"), date_format(col("month"), "yyyy-MM"),
                format_string("services file %s for %s submitted %s, %d days after its due date %s",
                        col("file_name"), date_format(col("month"), "yyyy-MM"),
                        date_format(col("submitted_at"), "yyyy-MM-dd"), col("days_late"), col("due_date").cast("string")),
                lit("late when submitted more than " + limit + " days after the due date"),
                col("days_late"), lit(limit), null);
    }

    public static Dataset<Row> missing(MetricInputs in) {
        int limit = in.thresholds().missingMonths();
        Dataset<Row> perPartner = MissingMonths.compute(in).groupBy("partner_id").agg(count(lit(1)).as("n"),
                        EvidenceList.of(sort_array(collect_list(date_format(col("month"), "yyyy-MM")))).as("months"))
                .filter(col("n").gt(limit));
        return Flags.of(perPartner, FlagRule.MISSING, in.asOf(), col("partner_id"), null,
                format_string("%d month(s) with no services submission: %s", col("n"), col("months")),
                lit("flagged when more than " + limit + " due month(s) have no submission"),
                col("n"), lit(limit), null);
    }

    /** From the data_quality table (already computed), so the flags and the table cannot disagree. */
    public static Dataset<Row> acceptance(MetricInputs in, Dataset<Row> dataQuality) {
        Thresholds t = in.thresholds();
        Dataset<Row> low = dataQuality.filter(col("acceptance_rate").lt(t.minAcceptanceRate()));
        return Flags.of(low, FlagRule.ACCEPTANCE, in.asOf(), concat(col("partner_id"), lit("/"), col("dataset")),
                null, format_string("%d of %d rows accepted (acceptance rate %.4f)", col("rows_accepted"),
                        col("rows_read"), col("acceptance_rate")),
                lit("flagged when the acceptance rate is below " + t.minAcceptanceRate()),
                col("acceptance_rate"), lit(t.minAcceptanceRate()), null);
    }

    public static Dataset<Row> errors(MetricInputs in, Dataset<Row> dataQuality) {
        Thresholds t = in.thresholds();
        Dataset<Row> high = dataQuality.filter(col("errors_per_1000").gt(t.maxErrorsPer1000()));
        return Flags.of(high, FlagRule.ERRORS, in.asOf(), concat(col("partner_id"), lit("/"), col("dataset")),
                null, format_string("%d error finding(s) in %d rows read (%.2f per 1,000 rows)",
                        col("error_findings"), col("rows_read"), col("errors_per_1000")),
                lit("flagged when there are more than " + t.maxErrorsPer1000() + " error findings per 1,000 rows"),
                col("errors_per_1000"), lit(t.maxErrorsPer1000()), null);
    }
}
