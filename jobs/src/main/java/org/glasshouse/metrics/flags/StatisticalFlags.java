package org.glasshouse.metrics.flags;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.metrics.MetricInputs;
import org.glasshouse.metrics.Thresholds;

/** Judges the statistical screens: Benford conformity per partner and cost-per-beneficiary outliers. */
public final class StatisticalFlags {

    private StatisticalFlags() {}

    /** From the benford_tests table. */
    public static Dataset<Row> benford(MetricInputs in, Dataset<Row> benfordTests) {
        Thresholds t = in.thresholds();
        Dataset<Row> bad = benfordTests.filter(col("mad").isNotNull().and(col("mad").gt(t.benfordMaxMad())));
        Column p = when(col("p_value").lt(0.001), lit("< 0.001")).otherwise(format_string("%.4f", col("p_value")));
        return Flags.of(bad, FlagRule.BENFORD, in.asOf(), col("partner_id"), null,
                format_string("%d expenditures: MAD %.4f (%s), chi-square %.2f with 8 df, p %s", col("n"),
                        col("mad"), col("conformity"), col("chi_square"), p),
                lit("flagged when MAD > " + t.benfordMaxMad() + " (Nigrini: nonconformity), from "
                        + t.benfordMinimumN() + " expenditures"),
                col("mad"), lit(t.benfordMaxMad()), null);
    }

    /** From agreement_metrics and cost_quartiles. The people column carries the agreement's beneficiaries. */
    public static Dataset<Row> costOutliers(MetricInputs in, Dataset<Row> agreementMetrics, Dataset<Row> quartiles) {
        Dataset<Row> q = quartiles.select(col("programme_id").as("_q_programme"), col("n").as("_q_n"),
                col("q1"), col("median"), col("q3"), col("iqr"), col("upper_fence"), col("k"));
        Dataset<Row> out = agreementMetrics.join(q, col("programme_id").equalTo(col("_q_programme")))
                .filter(col("upper_fence").isNotNull().and(col("cost_per_beneficiary").gt(col("upper_fence"))));
        return Flags.of(out, FlagRule.COST_OUTLIER, in.asOf(), col("agreement_id"), null,
                format_string("cost per beneficiary %.2f above the upper fence %.2f of %s (%d agreements: "
                                + "Q1 %.2f, median %.2f, Q3 %.2f, IQR %.2f)", col("cost_per_beneficiary"),
                        col("upper_fence"), col("programme_id"), col("_q_n"), col("q1"), col("median"), col("q3"),
                        col("iqr")),
                format_string("flagged above Q3 + %s x IQR, from %d agreements in the programme",
                        col("k").cast("string"), lit(in.thresholds().outlierMinimumN())),
                col("cost_per_beneficiary"), col("upper_fence"), col("beneficiaries"));
    }
}
