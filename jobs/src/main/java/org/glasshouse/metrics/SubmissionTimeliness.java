package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.dayofmonth;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.month;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.trunc;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Days late of each monthly services file. The file for month M is due on the earliest reporting_due_day, in month
 * M+1, of the partner's agreements active in M (a due day past the end of a short month falls on its last day).
 * days_late = date the agency received the file (UTC) − due date; negative = early.
 *
 * <p>File names are labels: a month in the name ({@code services-2026-06.csv}, years 1900–2099) is only a hint of
 * the month the file reports. A file whose name carries no month reports the latest month of its accepted service
 * rows; a file with neither, or a month with no active agreement, has no due date and no days_late.
 */
public final class SubmissionTimeliness {

    /** The curated rows' source file column (validate/read/RawRows.FILE_ID). */
    static final String FILE_COLUMN = "_file_id";

    private SubmissionTimeliness() {}

    /** partner_id, file_id, file_name, month (first day), due_date, submitted_at, days_late. */
    public static Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> files = withRowMonth(in, in.quality().files().filter(col("dataset").equalTo("services"))
                .withColumn("month", monthInName(col("file_name"))));
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

    /**
     * The first day of the month a file name carries (its first YYYY-MM, years 1900–2099, not inside a longer
     * number), or null: never an error, whatever the name.
     */
    public static Column monthInName(Column fileName) {
        Column ym = regexp_extract(fileName, "(?<!\\d)((19|20)\\d{2}-(0[1-9]|1[0-2]))(?!\\d)", 1);
        return to_date(when(ym.notEqual(""), ym), "yyyy-MM");
    }

    /**
     * Files whose name carries no month get the latest month of their accepted service rows. Only those files'
     * rows are scanned (none in a monthly layout), and only when the curated rows say which file they came from.
     */
    private static Dataset<Row> withRowMonth(MetricInputs in, Dataset<Row> files) {
        List<String> unnamed = files.filter(col("month").isNull()).select("file_id").as(Encoders.STRING())
                .collectAsList();
        if (unnamed.isEmpty() || !Arrays.asList(in.services().columns()).contains(FILE_COLUMN)) return files;
        Dataset<Row> rowMonths = in.services().filter(col(FILE_COLUMN).isin(unnamed.toArray()))
                .groupBy(col(FILE_COLUMN).as("_r_file"))
                .agg(max(trunc(col("service_date"), "month")).as("_row_month"));
        return files.join(rowMonths, col("file_id").equalTo(col("_r_file")), "left")
                .withColumn("month", coalesce(col("month"), col("_row_month")))
                .drop("_r_file", "_row_month");
    }

    /** The due day of the month after {@code month}, moved back to that month's last day if it has fewer days. */
    static Column dueDate(Column month, Column dueDay) {
        Column next = add_months(month, 1);
        return make_date(year(next), month(next), least(dueDay.cast("int"), dayofmonth(last_day(next))));
    }
}
