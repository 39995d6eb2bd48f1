package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
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
        Dataset<Row> tx = Money.toReporting(in.transactions(), "amount", "currency", col("date"), "amount_rc", in);
        Dataset<Row> flows = tx.groupBy(col("agreement_id").as("_tx_agreement")).agg(
                ExactSum.of(amountOf("disbursement")).minus(ExactSum.of(amountOf("refund"))).as("_disbursed"),
                ExactSum.of(amountOf("expenditure")).as("_spent"),
                sum(when(col("amount_rc").isNull(), lit(1L)).otherwise(lit(0L))).as("_unconverted"));
        return agreements.join(flows, col("agreement_id").equalTo(col("_tx_agreement")), "left")
                .select(col("agreement_id"), col("programme_id"), col("partner_id"), col("start_date"),
                        col("end_date"), col("committed"),
                        coalesce(col("_disbursed"), lit(0.0)).as("disbursed"),
                        coalesce(col("_spent"), lit(0.0)).as("spent"),
                        coalesce(col("_unconverted"), lit(0L)).as("unconverted_transactions"));
    }

    private static Column amountOf(String type) {
        return when(col("type").equalTo(type), col("amount_rc")).otherwise(lit(0.0));
    }
}
