package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.metrics.stats.DifferenceInDifferences;
import org.glasshouse.metrics.stats.Moments;
import org.glasshouse.metrics.stats.PairedTTest;

/**
 * Pre/post change for participants measured at baseline and follow-up (paired t-test, 95% CI, d_z) and the
 * difference-in-differences against the comparison group (Welch). Spark reduces people to n, Σchange and
 * Σchange² per programme, indicator and group; the statistics are finished on the driver from those sums.
 */
public final class ImpactEstimates implements MetricTable {

    public static final StructType SCHEMA = new StructType()
            .add("as_of", DataTypes.DateType)
            .add("programme_id", DataTypes.StringType)
            .add("indicator_id", DataTypes.StringType)
            .add("method", DataTypes.StringType)
            .add("estimate", DataTypes.DoubleType)
            .add("ci_low", DataTypes.DoubleType)
            .add("ci_high", DataTypes.DoubleType)
            .add("n_participants", DataTypes.LongType)
            .add("n_comparison", DataTypes.LongType)
            .add("p_value", DataTypes.DoubleType)
            .add("effect_size", DataTypes.DoubleType)
            .add("cost_per_improved", DataTypes.DoubleType)
            .add("standard_error", DataTypes.DoubleType)
            .add("df", DataTypes.DoubleType)
            .add("participants_improved", DataTypes.LongType)
            .add("notes", DataTypes.StringType);

    @Override
    public String name() {
        return "impact_estimates";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        List<Row> groups = changeSums(in).collectAsList();
        Map<String, Double> spent = new HashMap<>();
        for (Row r : AgreementFinancials.compute(in).groupBy("programme_id").agg(ExactSum.of("spent")).collectAsList()) {
            spent.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
        }
        Map<String, Map<String, Row>> byKey = new TreeMap<>();
        for (Row r : groups) {
            String key = r.getString(r.fieldIndex("programme_id")) + "\u0000" + r.getString(r.fieldIndex("indicator_id"));
            byKey.computeIfAbsent(key, k -> new HashMap<>()).put(r.getString(r.fieldIndex("group")), r);
        }
        List<Row> out = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            String[] key = e.getKey().split("\u0000", 2);
            Row p = e.getValue().get("participant");
            Row c = e.getValue().get("comparison");
            Moments mp = moments(p);
            Moments mc = moments(c);
            long improved = p == null ? 0 : p.getLong(p.fieldIndex("improved"));
            PairedTTest pre = PairedTTest.of(mp);
            Double programmeSpent = spent.get(key[0]);
            Double costPerImproved = improved > 0 && programmeSpent != null ? programmeSpent / improved : null;
            String costNote = improved > 0 ? null : "cost_per_improved: no participant improved";
            out.add(RowFactory.create(in.asOf(), key[0], key[1], "pre_post", pre.meanChange(), pre.ciLow(),
                    pre.ciHigh(), mp.n(), mc.n(), pre.pValue(), pre.effectSizeDz(), costPerImproved, pre.se(),
                    pre.df() == null ? null : pre.df().doubleValue(), improved, join(pre.reason(), costNote)));
            DifferenceInDifferences did = DifferenceInDifferences.of(mp, mc);
            out.add(RowFactory.create(in.asOf(), key[0], key[1], "did", did.estimate(), did.ciLow(), did.ciHigh(),
                    mp.n(), mc.n(), did.pValue(), null, null, did.standardError(), did.df(), improved,
                    did.reason()));
        }
        return in.partners().sparkSession().createDataFrame(out, SCHEMA);
    }

    /** n, Σchange, Σchange² and the number improved, per programme, indicator and group. */
    static Dataset<Row> changeSums(MetricInputs in) {
        Dataset<Row> ag = in.agreements().select(col("agreement_id").as("_ag_id"), col("programme_id"));
        Dataset<Row> ind = in.indicators().select(col("indicator_id").as("_ind_id"), col("direction"));
        Dataset<Row> people = in.outcomeMeasurements()
                .join(broadcast(ag), col("agreement_id").equalTo(col("_ag_id")), "inner")
                .groupBy(col("programme_id"), col("indicator_id"), col("group"), col("beneficiary_ref"))
                .agg(avg(when(col("phase").equalTo("baseline"), col("value"))).as("_baseline"),
                        avg(when(col("phase").equalTo("followup"), col("value"))).as("_followup"))
                .filter(col("_baseline").isNotNull().and(col("_followup").isNotNull()))
                .withColumn("_change", col("_followup").minus(col("_baseline")))
                .join(broadcast(ind), col("indicator_id").equalTo(col("_ind_id")), "inner");
        Column improved = when(col("direction").equalTo("decrease"), col("_change").lt(0))
                .otherwise(col("_change").gt(0));
        return people.groupBy("programme_id", "indicator_id", "group").agg(
                count(lit(1)).as("n"), sum("_change").as("sum"),
                sum(col("_change").multiply(col("_change"))).as("sum_sq"),
                sum(when(improved, lit(1L)).otherwise(lit(0L))).as("improved"));
    }

    private static Moments moments(Row r) {
        if (r == null) return Moments.EMPTY;
        return new Moments(r.getLong(r.fieldIndex("n")), r.getDouble(r.fieldIndex("sum")),
                r.getDouble(r.fieldIndex("sum_sq")));
    }

    private static String join(String a, String b) {
        if (a == null) return b;
        return b == null ? a : a + "; " + b;
    }

}
