package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The curated tables metrics are computed from, already cut to the as-of date: activity dated after it does not
 * exist yet for this computation, so a past as-of date reproduces what was known then.
 */
public record MetricInputs(
        LocalDate asOf,
        String reportingCurrency,
        Dataset<Row> partners,
        Dataset<Row> programmes,
        Dataset<Row> agreements,
        Dataset<Row> indicators,
        Dataset<Row> fxRates,
        Dataset<Row> transactions,
        Dataset<Row> services,
        Dataset<Row> results,
        Dataset<Row> outcomeMeasurements) {

    /** Builds inputs from a loader of curated tables by dataset name, applying the as-of cut. */
    public static MetricInputs of(LocalDate asOf, String reportingCurrency, Function<String, Dataset<Row>> curated) {
        Dataset<Row> transactions = curated.apply("transactions").filter(col("date").leq(lit(asOf)));
        Dataset<Row> services = curated.apply("services").filter(col("service_date").leq(lit(asOf)));
        Dataset<Row> outcomes = curated.apply("outcome_measurements").filter(col("measured_on").leq(lit(asOf)));
        return new MetricInputs(asOf, reportingCurrency, curated.apply("partners"), curated.apply("programmes"),
                curated.apply("agreements"), curated.apply("indicators"), curated.apply("fx_rates"), transactions,
                services, curated.apply("results"), outcomes);
    }
}
