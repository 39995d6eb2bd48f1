package org.glasshouse.metrics.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.metrics.AgreementFinancials;
import org.glasshouse.metrics.MetricInputs;
import org.glasshouse.metrics.Money;
import org.glasshouse.metrics.TransactionFacts;

/** Judges the money of each agreement: spending after the end, over-disbursement, overspending, duplicates. */
public final class FinancialFlags {

    private FinancialFlags() {}

    public static Dataset<Row> afterEnd(MetricInputs in) {
        int grace = in.thresholds().expenditureGraceDays();
        Dataset<Row> late = TransactionFacts.of(in).filter(col("after_end_n").gt(0)).select(col("agreement_id"),
                col("end_date"), col("after_end_n").as("n"), col("after_end_total").as("total"),
                col("after_end_latest").as("latest"));
        return Flags.of(late, FlagRule.AFTER_END, in.asOf(), col("agreement_id"), null,
                format_string("%d expenditure(s) totalling %.2f %s dated after the end date %s (latest %s)",
                        col("n"), col("total"), lit(in.reportingCurrency()), col("end_date").cast("string"),
                        col("latest").cast("string")),
                lit("expenditures may be dated up to " + grace + " day(s) after the agreement end date"),
                col("n"), lit(0), null, col("total"));
    }

    public static Dataset<Row> overCommitted(MetricInputs in, Dataset<Row> financials) {
        double tol = in.thresholds().disbursedOverCommitted();
        Dataset<Row> over = financials.filter(col("disbursed").gt(col("committed").multiply(1.0 + tol)));
        Column ratio = col("disbursed").divide(col("committed"));
        return Flags.of(over, FlagRule.OVER_COMMITTED, in.asOf(), col("agreement_id"), null,
                format_string("disbursed %.2f > committed %.2f %s (%.1f%% of committed)", col("disbursed"),
                        col("committed"), lit(in.reportingCurrency()), ratio.multiply(100)),
                lit("flagged when disbursed exceeds committed by more than " + percent(tol)),
                ratio, lit(1.0 + tol), null, col("disbursed").minus(col("committed")));
    }

    public static Dataset<Row> overspent(MetricInputs in, Dataset<Row> financials) {
        double tol = in.thresholds().spentOverDisbursed();
        Dataset<Row> over = financials.filter(col("spent").gt(col("disbursed").multiply(1.0 + tol)));
        // With nothing disbursed any spending is over; the ratio is then undefined and left empty.
        Column ratio = org.glasshouse.metrics.Ratios.ratio(col("spent"), col("disbursed"));
        return Flags.of(over, FlagRule.OVERSPENT, in.asOf(), col("agreement_id"), null,
                format_string("spent %.2f > disbursed %.2f %s (%s)", col("spent"), col("disbursed"),
                        lit(in.reportingCurrency()),
                        org.apache.spark.sql.functions.coalesce(format_string("exceeds disbursed by %.1f%%",
                                ratio.minus(1).multiply(100)), lit("nothing disbursed"))),
                lit("flagged when spent exceeds disbursed by more than " + percent(tol)),
                ratio, lit(1.0 + tol), null, col("spent").minus(col("disbursed")));
    }

    public static Dataset<Row> duplicates(MetricInputs in) {
        // The amount concerned is the repeated part: every copy after the first, in the reporting currency.
        Dataset<Row> expenditures = Money.toReporting(in.transactions().filter(col("type").equalTo("expenditure")),
                "amount", "currency", col("date"), "amount_rc", in);
        Dataset<Row> groups = expenditures
                .groupBy(col("agreement_id"), col("date"), col("amount"), col("currency"))
                .agg(sort_array(collect_set(col("transaction_id"))).as("ids"), max("amount_rc").as("amount_rc"))
                .filter(size(col("ids")).gt(1));
        Column amountText = format_string("%.2f", col("amount"));
        return Flags.of(groups, FlagRule.DUPLICATE, in.asOf(), col("agreement_id"),
                concat_ws(":", col("date").cast("string"), amountText),
                format_string("%d expenditures of %s %s on %s: %s", size(col("ids")), amountText, col("currency"),
                        col("date").cast("string"), EvidenceList.of(col("ids"))),
                lit("same agreement, date, amount and currency with different transaction_id"),
                size(col("ids")), lit(1), null, col("amount_rc").multiply(size(col("ids")).minus(1)));
    }

    /** Agreement money once for the rules that need it. */
    public static Dataset<Row> financials(MetricInputs in) {
        return AgreementFinancials.compute(in);
    }

    static String percent(double share) {
        return java.math.BigDecimal.valueOf(share * 100).stripTrailingZeros().toPlainString() + "%";
    }
}
