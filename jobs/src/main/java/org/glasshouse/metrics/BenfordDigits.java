package org.glasshouse.metrics;

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
import org.glasshouse.metrics.stats.BenfordTest;

/**
 * The observed first-digit shares of each partner's expenditures beside Benford's expected shares, one row per
 * partner and digit: the numbers behind the observed-vs-expected chart and behind {@link BenfordTests}' MAD.
 */
public final class BenfordDigits implements MetricTable {

    public static final StructType SCHEMA = new StructType()
            .add("as_of", DataTypes.DateType)
            .add("partner_id", DataTypes.StringType)
            .add("digit", DataTypes.StringType)
            .add("count", DataTypes.LongType)
            .add("observed_share", DataTypes.DoubleType)
            .add("expected_share", DataTypes.DoubleType);

    @Override
    public String name() {
        return "benford_digits";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Row r : BenfordTests.digitCounts(in).collectAsList()) {
            counts.computeIfAbsent(r.getString(0), k -> new long[9])[Integer.parseInt(r.getString(1)) - 1] = r.getLong(2);
        }
        List<Row> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            long n = 0;
            for (long c : e.getValue()) n += c;
            for (int d = 0; d < 9; d++) {
                long c = e.getValue()[d];
                out.add(RowFactory.create(Date.valueOf(in.asOf()), e.getKey(), Integer.toString(d + 1), c,
                        n == 0 ? null : (double) c / n, BenfordTest.EXPECTED.get(d)));
            }
        }
        return in.partners().sparkSession().createDataFrame(out, SCHEMA);
    }
}
