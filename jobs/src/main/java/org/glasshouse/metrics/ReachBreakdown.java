package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.countDistinct;
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
        Dataset<Row> facts = ServiceFacts.of(in);
        Dataset<Row> totals = facts.groupBy(col("programme_id").as("_t_programme"))
                .agg(countDistinct("beneficiary_ref").as("_total"));
        Dataset<Row> all = null;
        for (String d : DIMENSIONS) {
            Dataset<Row> one = facts.groupBy(col("programme_id"), col(d).cast("string").as("value"))
                    .agg(countDistinct("beneficiary_ref").as("beneficiaries"))
                    .withColumn("dimension", lit(d.equals("region_code") ? "region" : d));
            all = all == null ? one : all.unionByName(one);
        }
        Column share = Ratios.ratio(col("beneficiaries"), col("_total"));
        return all.join(totals, col("programme_id").equalTo(col("_t_programme")))
                .select(lit(in.asOf()).as("as_of"), col("programme_id"), col("dimension"), col("value"),
                        col("beneficiaries"), share.as("share"), col("_total").as("programme_beneficiaries"));
    }
}
