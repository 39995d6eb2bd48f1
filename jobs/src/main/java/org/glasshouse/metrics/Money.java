package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Conversion into the reporting currency with the monthly rate of the month the money moved (transactions) or of
 * the month the agreement started (commitments). A missing rate gives null, never a silent 1:1.
 */
public final class Money {

    private Money() {}

    /** Adds {@code target} = amount in the reporting currency. */
    public static Dataset<Row> toReporting(Dataset<Row> rows, String amount, String currency, Column date,
                                           String target, MetricInputs in) {
        Dataset<Row> rates = in.fxRates().select(col("currency").as("_fx_currency"), col("month").as("_fx_month"),
                col("rate_to_reporting_currency").as("_fx_rate")).dropDuplicates("_fx_currency", "_fx_month");
        Dataset<Row> joined = rows.join(broadcast(rates), col(currency).equalTo(col("_fx_currency"))
                .and(date_format(date, "yyyy-MM").equalTo(col("_fx_month"))), "left");
        Column converted = when(col(currency).equalTo(in.reportingCurrency()), col(amount))
                .otherwise(col(amount).multiply(col("_fx_rate")));
        return joined.withColumn(target, converted).drop("_fx_currency", "_fx_month", "_fx_rate");
    }
}
