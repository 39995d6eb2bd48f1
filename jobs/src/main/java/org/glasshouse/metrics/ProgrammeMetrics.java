package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Per programme: money summed over its agreements; people counted once across partners (refs are programme-wide),
 * and overlap = people served by more than one partner of the programme.
 */
public final class ProgrammeMetrics implements MetricTable {

    @Override
    public String name() {
        return "programme_metrics";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> money = AgreementFinancials.compute(in).groupBy(col("programme_id").as("_m_programme")).agg(
                ExactSum.of("committed").as("committed"), ExactSum.of("disbursed").as("disbursed"),
                ExactSum.of("spent").as("spent"),
                countDistinct("partner_id").as("partners"), count(lit(1)).as("agreements"));
        Dataset<Row> delivery = DeliveryFacts.programmes(in);
        Dataset<Row> joined = in.programmes().select(col("programme_id"))
                .join(money, col("programme_id").equalTo(col("_m_programme")), "left")
                .join(delivery, col("programme_id").equalTo(col("_p_programme")), "left");

        Column committed = coalesce(col("committed"), lit(0.0));
        Column disbursed = coalesce(col("disbursed"), lit(0.0));
        Column spent = coalesce(col("spent"), lit(0.0));
        Column beneficiaries = coalesce(col("_beneficiaries"), lit(0L));
        Column priority = coalesce(col("_priority_beneficiaries"), lit(0L));
        return joined.select(lit(in.asOf()).as("as_of"), col("programme_id"),
                committed.as("committed"), disbursed.as("disbursed"), spent.as("spent"),
                Ratios.ratio(disbursed, committed).as("disbursement_rate"),
                Ratios.ratio(spent, disbursed).as("absorption_rate"),
                beneficiaries.as("beneficiaries"),
                coalesce(col("_units"), lit(0.0)).as("units"),
                Ratios.ratio(spent, beneficiaries).as("cost_per_beneficiary"),
                Ratios.ratio(priority, beneficiaries).as("priority_share"),
                coalesce(col("_overlap"), lit(0L)).as("overlap"),
                priority.as("priority_beneficiaries"),
                coalesce(col("partners"), lit(0L)).as("partners"),
                coalesce(col("agreements"), lit(0L)).as("agreements"),
                Ratios.notes(
                        Ratios.reason("disbursement_rate", disbursed, committed, "nothing committed"),
                        Ratios.reason("absorption_rate", spent, disbursed, "nothing disbursed"),
                        Ratios.reason("cost_per_beneficiary", spent, beneficiaries, "no beneficiaries served"),
                        Ratios.reason("priority_share", priority, beneficiaries, "no beneficiaries served"))
                        .as("notes"));
    }
}
