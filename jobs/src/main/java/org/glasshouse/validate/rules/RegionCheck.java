package org.glasshouse.validate.rules;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** A service's region must be one of the agency's regions, or reach breakdowns cannot place it. */
public final class RegionCheck implements CrossCheck {

    @Override
    public boolean appliesTo(String dataset) {
        return dataset.equals("services");
    }

    @Override
    public List<String> requires(String dataset) {
        return List.of("regions");
    }

    @Override
    public Dataset<Row> prepare(Dataset<Row> rows, String dataset, ReferenceData reference) {
        Dataset<Row> regions = reference.get("regions").orElseThrow()
                .select(col("region_code").as("_x_region")).dropDuplicates();
        return rows.join(broadcast(regions), rows.col("region_code").equalTo(col("_x_region")), "left");
    }

    @Override
    public List<RowCheck> checks(String dataset) {
        Column region = col("region_code");
        return List.of(new RowCheck(new RuleInfo("XRG-001", dataset, "region_code", Severity.ERROR,
                "region exists", "Use a region_code from the agency's region list.",
                "a region_code of the agency's region list"), "region_code",
                region.isNotNull().and(col("_x_region").isNull()), region,
                ContractChecks.msg("region_code '", region, "' is not a known region.")));
    }
}
