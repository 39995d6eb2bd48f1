package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Beneficiaries per programme by region, age band, sex and priority group. A person counts under every value
 * they were served with (someone who moved region counts in both), so shares of one dimension can add up to
 * slightly more than 1; share = people with the value / programme beneficiaries.
 */
public final class ReachBreakdown implements MetricTable {

    /** The breakdown dimensions, in publication order. */
    public static final List<String> DIMENSIONS = List.of("region_code", "age_band", "sex", "priority_group");

    @Override
    public String name() {
        return "reach_breakdown";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Column share = Ratios.ratio(col("beneficiaries"), col("_total"));
        return DeliveryFacts.reach(in).select(lit(in.asOf()).as("as_of"), col("programme_id"), col("dimension"), col("value"),
                        col("beneficiaries"), share.as("share"), col("_total").as("programme_beneficiaries"));
    }
}
