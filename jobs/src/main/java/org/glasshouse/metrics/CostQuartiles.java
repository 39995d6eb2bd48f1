package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.metrics.stats.Quartiles;

/**
 * Quartiles and the upper fence Q3 + k·IQR of agreements' cost per beneficiary within each programme,
 * published so anyone can check the outlier flags. Agreements without a cost per beneficiary (no one served) are
 * left out. Collects one value per agreement: reference-data sized.
 */
public final class CostQuartiles implements MetricTable {

    public static final StructType SCHEMA = new StructType()
            .add("as_of", DataTypes.DateType)
            .add("programme_id", DataTypes.StringType)
            .add("n", DataTypes.LongType)
            .add("q1", DataTypes.DoubleType)
            .add("median", DataTypes.DoubleType)
            .add("q3", DataTypes.DoubleType)
            .add("iqr", DataTypes.DoubleType)
            .add("upper_fence", DataTypes.DoubleType)
            .add("k", DataTypes.DoubleType)
            .add("smallest_beneficiaries", DataTypes.LongType)
            .add("notes", DataTypes.StringType);

    @Override
    public String name() {
        return "cost_quartiles";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        return in.derived().get(name(), () -> compute(in, new AgreementMetrics().compute(in)));
    }

    public Dataset<Row> compute(MetricInputs in, Dataset<Row> agreementMetrics) {
        Map<String, List<double[]>> byProgramme = new TreeMap<>();
        for (Row r : agreementMetrics.filter(col("cost_per_beneficiary").isNotNull())
                .select("programme_id", "cost_per_beneficiary", "beneficiaries").collectAsList()) {
            byProgramme.computeIfAbsent(r.getString(0), k -> new ArrayList<>())
                    .add(new double[] {r.getDouble(1), r.getLong(2)});
        }
        Thresholds t = in.thresholds();
        List<Row> out = new ArrayList<>();
        for (var e : byProgramme.entrySet()) {
            double[] values = e.getValue().stream().mapToDouble(v -> v[0]).toArray();
            long smallest = (long) e.getValue().stream().mapToDouble(v -> v[1]).min().orElse(0);
            Quartiles q = values.length < t.outlierMinimumN()
                    ? new Quartiles(values.length, null, null, null, null, null, null, t.outlierK(),
                    "only " + values.length + " agreements with a cost per beneficiary: fences are computed from "
                            + t.outlierMinimumN())
                    : Quartiles.of(values, t.outlierK());
            out.add(RowFactory.create(Date.valueOf(in.asOf()), e.getKey(), (long) q.n(), q.q1(), q.median(), q.q3(),
                    q.iqr(), q.upperFence(), q.k(), smallest, q.reason()));
        }
        return in.partners().sparkSession().createDataFrame(out, SCHEMA);
    }
}
