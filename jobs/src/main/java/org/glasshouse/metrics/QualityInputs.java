package org.glasshouse.metrics;

import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * What the data-quality and timeliness metrics need besides curated rows: the validate step's per-file row
 * accounting (with each file's submission time from the landing manifest) and its findings.
 *
 * @param files    one row per validated file: {@link #FILES}
 * @param findings one row per finding (violation), at least {@link #FINDINGS}
 */
public record QualityInputs(Dataset<Row> files, Dataset<Row> findings) {

    public static final StructType FILES = new StructType()
            .add("file_id", DataTypes.StringType)
            .add("partner_id", DataTypes.StringType)
            .add("dataset", DataTypes.StringType)
            .add("file_name", DataTypes.StringType)
            .add("submitted_at", DataTypes.TimestampType)
            .add("rows_read", DataTypes.LongType)
            .add("rows_accepted", DataTypes.LongType)
            .add("rows_quarantined", DataTypes.LongType);

    public static final StructType FINDINGS = new StructType()
            .add("file_id", DataTypes.StringType)
            .add("severity", DataTypes.StringType);

    public static QualityInputs empty(SparkSession spark) {
        return new QualityInputs(spark.createDataFrame(List.<Row>of(), FILES),
                spark.createDataFrame(List.<Row>of(), FINDINGS));
    }
}
