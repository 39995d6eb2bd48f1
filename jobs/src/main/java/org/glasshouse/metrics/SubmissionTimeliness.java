package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Days late of each monthly services file. The file for month M ({@code services-YYYY-MM.*}) is due on the
 * earliest reporting_due_day, in month M+1, of the partner's agreements active in M (a due day past the end of a
 * short month falls on its last day). days_late = submission date (UTC) − due date; negative = early. A file
 * whose name carries no month, or a month with no active agreement, has no due date and no days_late.
 */
public final class SubmissionTimeliness {

    private SubmissionTimeliness() {}

    /** partner_id, file_id, file_name, month (first day), due_date, submitted_at, days_late. */
    public static Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> files = in.quality().files().filter(col("dataset").equalTo("services"))
                .withColumn("month", to_date(concat(regexp_extract(col("file_name"),
                        "(\\d{4}-(0[1-9]|1[0-2]))[^/]*$", 1), lit("-01")), "yyyy-MM-dd"));
        Dataset<Row> ag = in.agreements().select(col("partner_id").as("_ag_partner"), col("start_date"),
                col("end_date"), col("reporting_due_day"));
        Dataset<Row> due = files.filter(col("month").isNotNull())
                .join(broadcast(ag), col("partner_id").equalTo(col("_ag_partner"))
                        .and(col("start_date").leq(last_day(col("month"))))
                        .and(col("end_date").geq(col("month"))))
                .groupBy(col("file_id").as("_due_file"))
                .agg(min(col("reporting_due_day")).as("_due_day"));
        Dataset<Row> joined = files.join(due, col("file_id").equalTo(col("_due_file")), "left");
        Column dueDate = dueDate(col("month"), col("_due_day"));
        return joined.select(col("partner_id"), col("file_id"), col("file_name"), col("month"),
                dueDate.as("due_date"), col("submitted_at"),
                datediff(to_date(col("submitted_at")), dueDate).as("days_late"));
    }

    /** The due day of the month after {@code month}, moved back to that month's last day if it has fewer days. */
    static Column dueDate(Column month, Column dueDay) {
        Column next = add_months(month, 1);
        return make_date(year(next), month(next), least(dueDay.cast("int"), dayofmonth(last_day(next))));
    }
}
