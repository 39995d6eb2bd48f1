package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Money and delivery per agreement (SPEC section 4): rates, elapsed share of the agreement period, pace, and
 * cost per beneficiary and per unit.
 */
public final class AgreementMetrics implements MetricTable {

    @Override
    public String name() {
        return "agreement_metrics";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        return in.derived().get(name(), () -> computeFresh(in));
    }

    private Dataset<Row> computeFresh(MetricInputs in) {
        Dataset<Row> delivery = DeliveryFacts.agreements(in);
        Dataset<Row> joined = AgreementFinancials.compute(in)
                .join(delivery, col("agreement_id").equalTo(col("_d_agreement")), "left")
                .withColumn("beneficiaries", coalesce(col("_beneficiaries"), lit(0L)))
                .withColumn("units", coalesce(col("_units"), lit(0.0)))
                .withColumn("priority_beneficiaries", coalesce(col("_priority"), lit(0L)))
                .withColumn("elapsed", elapsed(lit(in.asOf()), col("start_date"), col("end_date")));

        Column committed = col("committed");
        Column disbursed = col("disbursed");
        Column spent = col("spent");
        Column beneficiaries = col("beneficiaries");
        Column units = col("units");
        Column elapsed = col("elapsed");
        Column spentShare = Ratios.ratio(spent, committed);
        return joined.select(
                lit(in.asOf()).as("as_of"), col("agreement_id"), col("programme_id"), col("partner_id"),
                committed, disbursed, spent,
                Ratios.ratio(disbursed, committed).as("disbursement_rate"),
                Ratios.ratio(spent, disbursed).as("absorption_rate"),
                elapsed,
                Ratios.ratio(spentShare, elapsed).as("pace_index"),
                beneficiaries, units,
                Ratios.ratio(spent, beneficiaries).as("cost_per_beneficiary"),
                Ratios.ratio(spent, units).as("cost_per_unit"),
                Ratios.ratio(col("priority_beneficiaries"), beneficiaries).as("priority_share"),
                col("priority_beneficiaries"),
                col("unconverted_transactions"),
                Ratios.notes(
                        when(col("unconverted_transactions").gt(0), concat(lit("disbursed and spent: "),
                                col("unconverted_transactions").cast("string"),
                                lit(" transaction(s) without an FX rate for their month are not counted"))),
                        Ratios.reason("disbursement_rate", disbursed, committed, "nothing committed"),
                        Ratios.reason("absorption_rate", spent, disbursed, "nothing disbursed"),
                        when(committed.equalTo(0), lit("pace_index: nothing committed"))
                                .otherwise(Ratios.reason("pace_index", spentShare, elapsed,
                                        "the agreement has not started")),
                        Ratios.reason("cost_per_beneficiary", spent, beneficiaries, "no beneficiaries served"),
                        Ratios.reason("cost_per_unit", spent, units, "no units delivered"),
                        Ratios.reason("priority_share", col("priority_beneficiaries"), beneficiaries,
                                "no beneficiaries served"))
                        .as("notes"));
    }

    /** clamp((as_of − start) / (end − start), 0, 1); a one-day agreement is 0 before its day and 1 from it. */
    static Column elapsed(Column asOf, Column start, Column end) {
        Column span = datediff(end, start);
        return when(span.leq(0), when(asOf.geq(end), lit(1.0)).otherwise(lit(0.0)))
                .otherwise(least(lit(1.0), greatest(lit(0.0), datediff(asOf, start).cast("double").divide(span))));
    }
}
