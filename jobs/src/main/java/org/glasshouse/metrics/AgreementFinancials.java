package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per agreement, in the reporting currency: committed, disbursed (disbursements − refunds) and spent
 * (expenditures), from transactions dated on or before as-of. Agreements with no transactions have 0, not null.
 * A transaction in a currency with no rate for its month cannot be converted: it is left out of the sums and
 * counted in unconverted_transactions, which the agreement's notes report.
 */
public final class AgreementFinancials {

    private AgreementFinancials() {}

    public static Dataset<Row> compute(MetricInputs in) {
        return in.derived().get("agreement_financials", () -> computeFresh(in));
    }

    private static Dataset<Row> computeFresh(MetricInputs in) {
        Dataset<Row> agreements = Money.toReporting(in.agreements(), "committed_amount", "currency",
                col("start_date"), "committed", in);
        Dataset<Row> flows = TransactionFacts.of(in).select(col("agreement_id").as("_tx_agreement"),
                col("disbursed").as("_disbursed"), col("spent").as("_spent"), col("unconverted").as("_unconverted"));
        return agreements.join(flows, col("agreement_id").equalTo(col("_tx_agreement")), "left")
                .select(col("agreement_id"), col("programme_id"), col("partner_id"), col("start_date"),
                        col("end_date"), col("committed"),
                        coalesce(col("_disbursed"), lit(0.0)).as("disbursed"),
                        coalesce(col("_spent"), lit(0.0)).as("spent"),
                        coalesce(col("_unconverted"), lit(0L)).as("unconverted_transactions"));
    }
}
