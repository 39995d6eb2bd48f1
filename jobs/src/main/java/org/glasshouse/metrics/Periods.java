package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.last_day;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lpad;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;

/** Reporting periods of results: {@code YYYY-MM} (a month) or {@code YYYY-Qn} (a quarter). */
public final class Periods {

    private Periods() {}

    /** Last day of the period; null for a period in neither form. */
    public static Column end(Column period) {
        Column year = regexp_extract(period, "^(\\d{4})-", 1);
        Column quarter = regexp_extract(period, "^\\d{4}-Q([1-4])$", 1);
        Column quarterEndMonth = lpad(quarter.cast("int").multiply(3).cast("string"), 2, "0");
        Column monthly = to_date(concat(period, lit("-01")), "yyyy-MM-dd");
        Column quarterly = to_date(concat(year, lit("-"), quarterEndMonth, lit("-01")), "yyyy-MM-dd");
        return last_day(when(quarter.notEqual(""), quarterly)
                .when(period.rlike("^\\d{4}-(0[1-9]|1[0-2])$"), monthly));
    }
}
