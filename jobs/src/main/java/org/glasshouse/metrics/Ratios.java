package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.Arrays;
import org.apache.spark.sql.Column;

/**
 * Division with a defined outcome: a zero or missing denominator gives null (never 0, NaN or Infinity), and a
 * reason that goes into the row's notes column.
 */
public final class Ratios {

    private Ratios() {}

    public static Column ratio(Column numerator, Column denominator) {
        return when(denominator.isNotNull().and(denominator.notEqual(0)).and(numerator.isNotNull()),
                numerator.divide(denominator));
    }

    /** The reason {@link #ratio} is empty, or null when it is not. */
    public static Column reason(String metric, Column numerator, Column denominator, String whyZero) {
        return when(denominator.isNull().or(numerator.isNull()), lit(metric + ": an input is missing"))
                .when(denominator.equalTo(0), lit(metric + ": " + whyZero));
    }

    /** Joins reasons into one notes text; null when there are none. */
    public static Column notes(Column... reasons) {
        Column joined = concat_ws("; ", reasons);
        return when(joined.equalTo(""), lit(null).cast("string")).otherwise(joined);
    }

    public static Column[] cols(String... names) {
        return Arrays.stream(names).map(n -> col(n)).toArray(Column[]::new);
    }
}
