package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.metrics.stats.Attainment;
import org.glasshouse.metrics.stats.LinearTrend;

/**
 * Latest result per agreement and indicator, its attainment and status against the time elapsed, and the
 * least-squares trend of the period actuals projected to the agreement end. Spark reduces each series to its
 * latest row and the five trend sums (n, Σx, Σy, Σx², Σxy, with x = days from agreement start to period end);
 * the driver finishes one row per agreement and indicator, so nothing collected grows with the data.
 */
public final class IndicatorResults implements MetricTable {

    public static final StructType SCHEMA = new StructType()
            .add("as_of", DataTypes.DateType)
            .add("agreement_id", DataTypes.StringType)
            .add("indicator_id", DataTypes.StringType)
            .add("period", DataTypes.StringType)
            .add("baseline", DataTypes.DoubleType)
            .add("target", DataTypes.DoubleType)
            .add("actual", DataTypes.DoubleType)
            .add("attainment", DataTypes.DoubleType)
            .add("status", DataTypes.StringType)
            .add("projected_at_end", DataTypes.DoubleType)
            .add("programme_id", DataTypes.StringType)
            .add("partner_id", DataTypes.StringType)
            .add("direction", DataTypes.StringType)
            .add("elapsed", DataTypes.DoubleType)
            .add("periods", DataTypes.LongType)
            .add("trend_slope_per_day", DataTypes.DoubleType)
            .add("projected_attainment", DataTypes.DoubleType)
            .add("notes", DataTypes.StringType);

    @Override
    public String name() {
        return "indicator_results";
    }

    @Override
    public Dataset<Row> compute(MetricInputs in) {
        Thresholds t = in.thresholds();
        List<Row> out = new ArrayList<>();
        for (Row r : series(in).collectAsList()) {
            Row latest = r.getStruct(r.fieldIndex("latest"));
            double baseline = latest.getDouble(latest.fieldIndex("baseline"));
            double target = latest.getDouble(latest.fieldIndex("target"));
            double actual = latest.getDouble(latest.fieldIndex("actual"));
            double elapsed = r.getDouble(r.fieldIndex("elapsed"));
            List<String> notes = new ArrayList<>();
            Attainment a = Attainment.of(baseline, target, actual);
            String status = null;
            if (a.isDefined()) {
                status = Attainment.status(a.value(), elapsed, t.onTrackMargin(), t.atRiskMargin()).code();
            } else {
                notes.add("attainment: " + a.reason());
            }
            LinearTrend trend = LinearTrend.fromSums(r.getLong(r.fieldIndex("n")), r.getDouble(r.fieldIndex("sx")),
                    r.getDouble(r.fieldIndex("sy")), r.getDouble(r.fieldIndex("sxx")),
                    r.getDouble(r.fieldIndex("sxy")));
            Double projected = null;
            Double projectedAttainment = null;
            if (trend.isDefined()) {
                projected = trend.predict(r.getInt(r.fieldIndex("span_days"))).getAsDouble();
                projectedAttainment = Attainment.of(baseline, target, projected).value();
            } else {
                notes.add("projected_at_end: " + trend.reason());
            }
            out.add(RowFactory.create(Date.valueOf(in.asOf()), r.getString(r.fieldIndex("agreement_id")),
                    r.getString(r.fieldIndex("indicator_id")), latest.getString(latest.fieldIndex("period")),
                    baseline, target, actual, a.value(), status, projected,
                    r.getString(r.fieldIndex("programme_id")), r.getString(r.fieldIndex("partner_id")),
                    r.getString(r.fieldIndex("direction")), elapsed, r.getLong(r.fieldIndex("n")),
                    trend.slope(), projectedAttainment, notes.isEmpty() ? null : String.join("; ", notes)));
        }
        return in.partners().sparkSession().createDataFrame(out, SCHEMA);
    }

    /** One row per agreement and indicator: latest period's figures, elapsed, and the trend sums. */
    static Dataset<Row> series(MetricInputs in) {
        Dataset<Row> ag = in.agreements().select(col("agreement_id").as("_ag_id"), col("programme_id"),
                col("partner_id"), col("start_date"), col("end_date"));
        Dataset<Row> ind = in.indicators().select(col("indicator_id").as("_ind_id"), col("direction"));
        Column x = datediff(col("_period_end"), col("start_date")).cast("double");
        Column y = col("actual").cast("double");
        return in.results()
                .withColumn("_period_end", Periods.end(col("period")))
                .filter(col("_period_end").isNotNull())
                .join(broadcast(ag), col("agreement_id").equalTo(col("_ag_id")), "inner")
                .join(broadcast(ind), col("indicator_id").equalTo(col("_ind_id")), "left")
                .groupBy(col("agreement_id"), col("indicator_id"), col("programme_id"), col("partner_id"),
                        col("direction"), col("start_date"), col("end_date"))
                .agg(max(struct(col("_period_end"), col("period"), col("baseline").cast("double").as("baseline"),
                                col("target").cast("double").as("target"), y.as("actual"))).as("latest"),
                        count(lit(1)).as("n"), sum(x).as("sx"), sum(y).as("sy"), sum(x.multiply(x)).as("sxx"),
                        sum(x.multiply(y)).as("sxy"))
                .withColumn("elapsed", AgreementMetrics.elapsed(lit(in.asOf()), col("start_date"), col("end_date")))
                .withColumn("span_days", datediff(col("end_date"), col("start_date")))
                .orderBy("agreement_id", "indicator_id");
    }
}
