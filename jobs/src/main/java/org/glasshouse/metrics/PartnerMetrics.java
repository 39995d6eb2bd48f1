package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per partner, over all its agreements: money summed; people counted once per programme (see {@link People}).
 * Every partner of the reference data has a row, with zeros when it has no agreements.
 */
public final class PartnerMetrics implements MetricTable {

    @Override
    public String name() {
        return "partner_metrics";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> money = AgreementFinancials.compute(in).groupBy(col("partner_id").as("_m_partner")).agg(
                ExactSum.of("committed").as("_committed"), ExactSum.of("disbursed").as("_disbursed"),
                ExactSum.of("spent").as("_spent"),
                count(lit(1)).as("_agreements"));
        Dataset<Row> delivery = DeliveryFacts.partners(in);
        Dataset<Row> joined = in.partners().select(col("partner_id"), col("partner_type"))
                .join(money, col("partner_id").equalTo(col("_m_partner")), "left")
                .join(delivery, col("partner_id").equalTo(col("_d_partner")), "left");
        Column committed = coalesce(col("_committed"), lit(0.0));
        Column disbursed = coalesce(col("_disbursed"), lit(0.0));
        Column spent = coalesce(col("_spent"), lit(0.0));
        Column beneficiaries = coalesce(col("_beneficiaries"), lit(0L));
        Column units = coalesce(col("_units"), lit(0.0));
        Column priority = coalesce(col("_priority"), lit(0L));
        return joined.select(lit(in.asOf()).as("as_of"), col("partner_id"), col("partner_type"),
                committed.as("committed"), disbursed.as("disbursed"), spent.as("spent"),
                beneficiaries.as("beneficiaries"),
                Ratios.ratio(spent, beneficiaries).as("cost_per_beneficiary"),
                Ratios.ratio(disbursed, committed).as("disbursement_rate"),
                Ratios.ratio(spent, disbursed).as("absorption_rate"),
                units.as("units"),
                Ratios.ratio(spent, units).as("cost_per_unit"),
                Ratios.ratio(priority, beneficiaries).as("priority_share"),
                priority.as("priority_beneficiaries"),
                coalesce(col("_agreements"), lit(0L)).as("agreements"),
                Ratios.notes(
                        Ratios.reason("cost_per_beneficiary", spent, beneficiaries, "no beneficiaries served"),
                        Ratios.reason("priority_share", priority, beneficiaries, "no beneficiaries served"),
                        Ratios.reason("disbursement_rate", disbursed, committed, "nothing committed"),
                        Ratios.reason("absorption_rate", spent, disbursed, "nothing disbursed"),
                        Ratios.reason("cost_per_unit", spent, units, "no units delivered"))
                        .as("notes"));
    }
}
