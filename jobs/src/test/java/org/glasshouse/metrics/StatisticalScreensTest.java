package org.glasshouse.metrics;

import static org.glasshouse.metrics.GoldenFixture.byKey;
import static org.glasshouse.metrics.GoldenFixture.near;
import static org.glasshouse.metrics.GoldenFixture.same;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.metrics.flags.StatisticalFlags;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;

/** The two statistical screens above their minimum sizes, with figures derived by hand. */
class StatisticalScreensTest {

    private final MetricInputs in = GoldenFixture.inputs();

    @Test
    void costOutlierAboveTheUpperFenceIsFlaggedWithItsQuartiles() {
        // Programme X: cost per beneficiary 100, 110, 120, 130, 400. R-7 positions (n − 1)·p + 1 = 2, 3, 4 →
        // Q1 110, median 120, Q3 130; IQR 20; upper fence 130 + 1.5·20 = 160 → only X5 (400) is above.
        // Programme Y has 3 agreements: no quartiles, no flag.
        StructType schema = new StructType().add("agreement_id", DataTypes.StringType)
                .add("programme_id", DataTypes.StringType).add("cost_per_beneficiary", DataTypes.DoubleType)
                .add("beneficiaries", DataTypes.LongType);
        List<Row> rows = new ArrayList<>();
        double[] costs = {100, 110, 120, 130, 400};
        for (int i = 0; i < costs.length; i++) rows.add(RowFactory.create("X" + (i + 1), "X", costs[i], i == 4 ? 5L : 20L));
        for (int i = 0; i < 3; i++) rows.add(RowFactory.create("Y" + (i + 1), "Y", 1000.0 * (i + 1), 30L));
        rows.add(RowFactory.create("Z1", "X", null, 0L)); // no one served: not part of the quartiles
        Dataset<Row> agreements = SharedSpark.get().createDataFrame(rows, schema);

        Dataset<Row> quartiles = new CostQuartiles().compute(in, agreements);
        Map<String, Row> q = byKey(quartiles, "programme_id");
        Row x = q.get("X");
        same(5L, x, "n");
        near(110.0, x, "q1");
        near(120.0, x, "median");
        near(130.0, x, "q3");
        near(20.0, x, "iqr");
        near(160.0, x, "upper_fence");
        same(5L, x, "smallest_beneficiaries");
        near(null, q.get("Y"), "q3");

        Map<String, Row> flags = byKey(StatisticalFlags.costOutliers(in, agreements, quartiles), "flag_id");
        assertEquals(List.of("INT-COST-OUTLIER:X5"), List.copyOf(flags.keySet()));
        Row f = flags.get("INT-COST-OUTLIER:X5");
        same("cost per beneficiary 400.00 above the upper fence 160.00 of X (5 agreements: Q1 110.00, median "
                + "120.00, Q3 130.00, IQR 20.00)", f, "evidence");
        same("flagged above Q3 + 1.5 x IQR, from 4 agreements in the programme", f, "threshold");
        same(5L, f, "people"); // disclosure control suppresses the evidence of a small agreement
    }

    @Test
    void benfordNonconformityIsFlaggedFromOneHundredAmounts() {
        // PA reports 120 expenditures of 500, 501, ..., 619: first digit 5 for 100 of them, 6 for 20.
        // Expected shares p(d) = log10(1 + 1/d). MAD = Σ|obs − p| / 9; chi-square = Σ (count − 120·p)² / (120·p).
        StructType schema = GoldenFixture.table("transactions").schema();
        List<Row> tx = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            tx.add(RowFactory.create("B" + i, "A1", Date.valueOf("2026-02-01"), "expenditure", 500.0 + i, "USD", "x"));
        }
        MetricInputs many = new MetricInputs(in.asOf(), "USD", in.partners(), in.programmes(), in.agreements(),
                in.indicators(), in.fxRates(), SharedSpark.get().createDataFrame(tx, schema), in.services(),
                in.results(), in.outcomeMeasurements(), in.thresholds(), in.quality());
        double[] observed = new double[9];
        observed[4] = 100.0 / 120;
        observed[5] = 20.0 / 120;
        double mad = 0;
        double chi = 0;
        for (int d = 1; d <= 9; d++) {
            double p = Math.log10(1 + 1.0 / d);
            mad += Math.abs(observed[d - 1] - p) / 9;
            chi += Math.pow(observed[d - 1] * 120 - 120 * p, 2) / (120 * p);
        }
        Dataset<Row> tests = new BenfordTests().compute(many);
        Row pa = byKey(tests, "partner_id").get("PA");
        same(120L, pa, "n");
        near(mad, pa, "mad");
        same("nonconformity", pa, "conformity");
        near(chi, pa, "chi_square");
        near(Math.max(0, 1 - new ChiSquaredDistribution(8).cumulativeProbability(chi)), pa, "p_value");
        near(100.0 / 120, pa, "observed_5");

        Map<String, Row> flags = byKey(StatisticalFlags.benford(many, tests), "flag_id");
        assertEquals(List.of("INT-BENFORD:PA"), List.copyOf(flags.keySet()));
        same(String.format(java.util.Locale.ROOT,
                "120 expenditures: MAD %.4f (nonconformity), chi-square %.2f with 8 df, p < 0.001", mad, chi),
                flags.get("INT-BENFORD:PA"), "evidence");
    }
}
