package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Money not in the reporting currency needs an exchange rate for its month, or it cannot be added up. */
public final class CurrencyCheck implements CrossCheck {

    @Override
    public boolean appliesTo(String dataset) {
        return dataset.equals("transactions");
    }

    @Override
    public List<String> requires(String dataset) {
        return List.of("fx_rates");
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        Dataset<Row> rates = reference.get("fx_rates").orElseGet(() -> rows.sparkSession()
                        .createDataFrame(List.of(), new StructType().add("currency", DataTypes.StringType)
                                .add("month", DataTypes.StringType)))
                .select(col("currency").as("_x_fx_currency"), col("month").as("_x_fx_month"))
                .dropDuplicates("_x_fx_currency", "_x_fx_month");
        Column month = substring(col("date"), 1, 7);
        return rows.join(broadcast(rates), col("currency").equalTo(col("_x_fx_currency"))
                        .and(month.equalTo(col("_x_fx_month"))), "left")
                .withColumn("_x_reporting_currency", lit(reference.reportingCurrency()));
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        Column cur = col("currency");
        return List.of(new RowCheck(new RuleInfo("XFX-001", dataset, "currency", Severity.ERROR,
                "currency has an exchange rate",
                "Report in the agreement currency; the agency publishes rates for the currencies it accepts.",
                "the reporting currency or a currency with an exchange rate for the month"),
                "currency", cur.isNotNull().and(col("date").isNotNull())
                        .and(cur.notEqual(col("_x_reporting_currency"))).and(col("_x_fx_currency").isNull()), cur,
                concat(lit("No exchange rate from "), cur, lit(" for month "), substring(col("date"), 1, 7),
                        lit("."))));
    }
}
