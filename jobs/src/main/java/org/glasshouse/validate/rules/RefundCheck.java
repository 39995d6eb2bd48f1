package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.glasshouse.contract.FieldType;

/**
 * Refunds under an agreement cannot add up to more than was disbursed under it: money cannot come back that never
 * went out. Every refund row of such an agreement is flagged. A warning by default, so the figures stay visible
 * (disbursed turns negative in the metrics) instead of disappearing with quarantined refunds; raise it to an error
 * with glasshouse.rules.severity.XTR-001 if refunds should be held back.
 */
public final class RefundCheck implements CrossCheck {

    public static final String RULE = "XTR-001";
    private static final String DISBURSED = "_x_trx_disbursed";
    private static final String REFUNDED = "_x_trx_refunded";

    @Override
    public boolean appliesTo(String dataset) {
        return dataset.equals("transactions");
    }

    /** What a row adds to its agreement's disbursed (or refunded) total. */
    private static Column part(String type) {
        // Only amounts that are themselves valid count; a broken amount is already quarantined by its own rule.
        Column amount = when(ContractChecks.readable().and(col("amount").rlike(FieldType.NUMBER.textPattern())),
                col("amount").try_cast("double"));
        return when(col("type").equalTo(type).and(amount.gt(0)), amount).otherwise(lit(0.0));
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        var byAgreement = Window.partitionBy(col("agreement_id"));
        return rows
                .withColumn(DISBURSED, sum(part("disbursement")).over(byAgreement))
                .withColumn(REFUNDED, sum(part("refund")).over(byAgreement));
    }

    /** Every file's rows of an agreement add to the totals a refund row is judged by. */
    @Override
    public List<String> contextFields(String dataset) {
        return List.of("agreement_id", "type", "amount");
    }

    /** A refund row's verdict (and message) reads its agreement's totals, which a later file can change. */
    @Override
    public java.util.Optional<GroupTotals> groupTotals(String dataset) {
        return java.util.Optional.of(new GroupTotals("agreement_id",
                col("agreement_id").isNotNull().and(col("type").equalTo("refund")),
                List.of(part("disbursement"), part("refund"))));
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        Column agreement = col("agreement_id");
        return List.of(new RowCheck(new RuleInfo(RULE, dataset, "amount", Severity.WARNING,
                "refunds not above disbursements",
                "Check the refunds and disbursements of the agreement; refunds return money that was disbursed.",
                "total refunds at most total disbursements of the agreement"),
                "amount", agreement.isNotNull().and(col("type").equalTo("refund"))
                        .and(col(REFUNDED).gt(col(DISBURSED).plus(0.005))), col("amount"),
                concat(lit("Refunds under agreement "), agreement, lit(" total "), format_number(col(REFUNDED), 2),
                        lit(", more than the "), format_number(col(DISBURSED), 2), lit(" disbursed."))));
    }
}
