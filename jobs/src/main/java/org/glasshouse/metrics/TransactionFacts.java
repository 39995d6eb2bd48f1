package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.regexp_extract;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every per-agreement aggregate of the transactions the metrics need, from one pass: money in the reporting
 * currency (disbursed, spent, unconverted), expenditures dated after the agreement end (count, total, latest) and
 * the first-digit counts of expenditures as submitted (Benford). One row per agreement with transactions:
 * agreement_id, partner_id, end_date, disbursed, spent, unconverted, after_end_n, after_end_total,
 * after_end_latest, digit_1 … digit_9. Each figure uses the same expression as when it had its own query.
 */
public final class TransactionFacts {

    private TransactionFacts() {}

    public static Dataset<Row> of(MetricInputs in) {
        return in.derived().get("transaction_facts", () -> computeFresh(in));
    }

    /** partner_id, digit ("1".."9"), n: counts of first significant digits, digits with no amount left out. */
    public static Dataset<Row> digitCounts(MetricInputs in) {
        List<Column> cells = new ArrayList<>();
        for (int d = 1; d <= 9; d++) {
            cells.add(struct(lit(Integer.toString(d)).as("digit"), col("digit_" + d).as("n")));
        }
        return of(in).select(col("partner_id"), explode(array(cells.toArray(Column[]::new))).as("_c"))
                .groupBy(col("partner_id"), col("_c.digit").as("digit")).agg(sum(col("_c.n")).cast("long").as("n"))
                .filter(col("n").gt(0));
    }

    private static Dataset<Row> computeFresh(MetricInputs in) {
        int grace = in.thresholds().expenditureGraceDays();
        Dataset<Row> ag = in.agreements().select(col("agreement_id").as("_ag_id"), col("partner_id"),
                col("end_date"));
        Dataset<Row> tx = Money.toReporting(in.transactions(), "amount", "currency", col("date"), "amount_rc", in)
                .join(broadcast(ag), col("agreement_id").equalTo(col("_ag_id")), "inner");
        Column expenditure = col("type").equalTo("expenditure");
        Column afterEnd = expenditure.and(col("date").gt(date_add(col("end_date"), grace)));
        // The first significant digit as the partner wrote the amount (BenfordTest#firstDigit).
        Column digit = regexp_extract(abs(col("amount")).cast("string"), "^[0.]*([1-9])", 1);
        List<Column> aggs = new ArrayList<>(List.of(
                ExactSum.of(amountOf("disbursement")).minus(ExactSum.of(amountOf("refund"))).as("disbursed"),
                ExactSum.of(amountOf("expenditure")).as("spent"),
                sum(when(col("amount_rc").isNull(), lit(1L)).otherwise(lit(0L))).as("unconverted"),
                count(when(afterEnd, lit(1))).as("after_end_n"),
                ExactSum.of(when(afterEnd, col("amount_rc"))).as("after_end_total"),
                max(when(afterEnd, col("date"))).as("after_end_latest")));
        for (int d = 1; d <= 9; d++) {
            aggs.add(count(when(expenditure.and(digit.equalTo(Integer.toString(d))), lit(1))).as("digit_" + d));
        }
        return tx.groupBy(col("agreement_id"), col("partner_id"), col("end_date"))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
    }

    private static Column amountOf(String type) {
        return when(col("type").equalTo(type), col("amount_rc")).otherwise(lit(0.0));
    }
}
