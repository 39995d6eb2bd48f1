package org.glasshouse.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.glasshouse.metrics.flags.FinancialFlags;
import org.glasshouse.metrics.flags.FlagRule;
import org.glasshouse.metrics.flags.Flags;
import org.glasshouse.metrics.flags.StatisticalFlags;
import org.glasshouse.metrics.flags.SubmissionFlags;

/**
 * Every integrity flag of SPEC §4 ({@link FlagRule#ALL}), one row per flag: the metrics are computed by their own
 * tables and only judged here against {@link Thresholds}, so a flag never disagrees with the figure it cites.
 */
public final class IntegrityFlags implements MetricTable {

    @Override
    public String name() {
        return "integrity_flags";
    }

    /** Duplicate-expenditure flags grow with the transactions: the table is written by Spark, never collected. */
    @Override
    public boolean bounded() {
        return false;
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Dataset<Row> financials = AgreementFinancials.compute(in);
        Dataset<Row> quality = new DataQuality().compute(in);
        Dataset<Row> agreements = new AgreementMetrics().compute(in);
        Dataset<Row> quartiles = new CostQuartiles().compute(in);
        List<Dataset<Row>> parts = List.of(
                SubmissionFlags.late(in),
                SubmissionFlags.missing(in),
                SubmissionFlags.acceptance(in, quality),
                SubmissionFlags.errors(in, quality),
                FinancialFlags.afterEnd(in),
                FinancialFlags.overCommitted(in, financials),
                FinancialFlags.overspent(in, financials),
                FinancialFlags.duplicates(in),
                StatisticalFlags.benford(in, in.derived().get("benford_tests", () -> new BenfordTests().compute(in))),
                StatisticalFlags.costOutliers(in, agreements, quartiles));
        Dataset<Row> all = in.partners().sparkSession().createDataFrame(List.of(), Flags.SCHEMA);
        for (Dataset<Row> p : parts) all = all.unionByName(p);
        return all.orderBy("rule_id", "flag_id");
    }
}
