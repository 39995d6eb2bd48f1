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
 * Benford first-digit test per partner on its expenditure amounts as submitted (their own currency: converting
 * would reshape the digits). Spark counts first digits per partner (at most 9 rows each); the driver finishes the
 * test. Every partner with expenditures gets a row; below the minimum n the proportions are given, the test not.
 */
public final class BenfordTests implements MetricTable {

    public static final StructType SCHEMA = schema();

    @Override
    public String name() {
        return "benford_tests";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Row r : digitCounts(in).collectAsList()) {
            int digit = Integer.parseInt(r.getString(1));
            counts.computeIfAbsent(r.getString(0), k -> new long[9])[digit - 1] = r.getLong(2);
        }
        List<Row> out = new ArrayList<>();
        for (var e : counts.entrySet()) {
            BenfordTest t = BenfordTest.of(e.getValue(), in.thresholds().benfordMinimumN());
            List<Object> cells = new ArrayList<>(List.of(Date.valueOf(in.asOf()), e.getKey(), t.n()));
            cells.add(t.mad());
            cells.add(t.conformity() == null ? null : t.conformity().label());
            cells.add(t.chiSquare());
            cells.add(t.pValue());
            for (int d = 0; d < 9; d++) cells.add(t.observed().isEmpty() ? null : t.observed().get(d));
            cells.add(t.reason());
            out.add(RowFactory.create(cells.toArray()));
        }
        return in.partners().sparkSession().createDataFrame(out, SCHEMA);
    }

    /**
     * partner_id, digit ("1".."9"), count. The first significant digit is the first non-zero digit of the
     * amount's shortest decimal text, which is how the partner wrote it (as in {@link BenfordTest#firstDigit}).
     */
    static Dataset<Row> digitCounts(MetricInputs in) {
        return TransactionFacts.digitCounts(in);
    }

    private static StructType schema() {
        StructType s = new StructType()
                .add("as_of", DataTypes.DateType)
                .add("partner_id", DataTypes.StringType)
                .add("n", DataTypes.LongType)
                .add("mad", DataTypes.DoubleType)
                .add("conformity", DataTypes.StringType)
                .add("chi_square", DataTypes.DoubleType)
                .add("p_value", DataTypes.DoubleType);
        for (int d = 1; d <= 9; d++) s = s.add("observed_" + d, DataTypes.DoubleType);
        return s.add("notes", DataTypes.StringType);
    }
}
