package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** One row for everything funded: money over all agreements, people once per programme (see {@link People}). */
public final class OverallMetrics implements MetricTable {

    @Override
    public String name() {
        return "overall_metrics";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> money = AgreementFinancials.compute(in).agg(
                ExactSum.of("committed").as("_committed"), ExactSum.of("disbursed").as("_disbursed"),
                ExactSum.of("spent").as("_spent"),
                count(lit(1)).as("_agreements"), countDistinct("programme_id").as("_programmes"),
                countDistinct("partner_id").as("_partners"));
        Dataset<Row> delivery = DeliveryFacts.overall(in);
        Column committed = coalesce(col("_committed"), lit(0.0));
        Column disbursed = coalesce(col("_disbursed"), lit(0.0));
        Column spent = coalesce(col("_spent"), lit(0.0));
        Column beneficiaries = coalesce(col("_beneficiaries"), lit(0L));
        Column units = coalesce(col("_units"), lit(0.0));
        Column priority = coalesce(col("_priority"), lit(0L));
        return money.crossJoin(delivery).select(lit(in.asOf()).as("as_of"),
                committed.as("committed"), disbursed.as("disbursed"), spent.as("spent"),
                Ratios.ratio(disbursed, committed).as("disbursement_rate"),
                Ratios.ratio(spent, disbursed).as("absorption_rate"),
                beneficiaries.as("beneficiaries"), units.as("units"),
                Ratios.ratio(spent, beneficiaries).as("cost_per_beneficiary"),
                Ratios.ratio(spent, units).as("cost_per_unit"),
                Ratios.ratio(priority, beneficiaries).as("priority_share"),
                priority.as("priority_beneficiaries"),
                col("_agreements").as("agreements"), col("_programmes").as("programmes"),
                col("_partners").as("partners"),
                Ratios.notes(
                        Ratios.reason("disbursement_rate", disbursed, committed, "nothing committed"),
                        Ratios.reason("absorption_rate", spent, disbursed, "nothing disbursed"),
                        Ratios.reason("cost_per_beneficiary", spent, beneficiaries, "no beneficiaries served"),
                        Ratios.reason("priority_share", priority, beneficiaries, "no beneficiaries served"),
                        Ratios.reason("cost_per_unit", spent, units, "no units delivered"))
                        .as("notes"));
    }
}
