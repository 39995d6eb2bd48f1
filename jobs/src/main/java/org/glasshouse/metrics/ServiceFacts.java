package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Service rows with the programme and partner of their agreement, the grain every delivery metric starts from. */
public final class ServiceFacts {

    private ServiceFacts() {}

    public static Dataset<Row> of(MetricInputs in) {
        Dataset<Row> ag = in.agreements().select(col("agreement_id").as("_ag_id"), col("programme_id"),
                col("partner_id"));
        return in.services().join(broadcast(ag), col("agreement_id").equalTo(col("_ag_id")), "inner")
                .select(col("agreement_id"), col("programme_id"), col("partner_id"), col("service_date"), col("beneficiary_ref"),
                        col("units"), col("region_code"), col("age_band"), col("sex"), col("priority_group"));
    }
}
