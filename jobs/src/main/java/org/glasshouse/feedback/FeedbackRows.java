package org.glasshouse.feedback;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.validate.read.FileFinding;
import org.glasshouse.validate.read.FileRule;
import org.glasshouse.validate.read.RawRows;

/**
 * Every problem a partner must hear about, as one Spark dataset: row findings (from the findings Parquet of every
 * dataset) and file findings, with the partner's file name. Columns follow the DATA Act Broker's error report.
 */
public final class FeedbackRows {

    /** The feedback columns, in the order partners see them (flex_* columns follow). */
    public static final List<String> COLUMNS = List.of("unique_id", "field_name", "rule_message", "value_provided",
            "expected_value", "row_number", "rule_id", "severity", "file", "dataset", "how_to_fix");
    public static final String PARTNER = "partner_id";
    public static final String FILE_ID = "file_id";
    public static final String FLEX = RawRows.FLEX;

    /** What the feedback needs to know about each input file. */
    public record FileInfo(String fileId, String partnerId, String dataset, String name) {}

    private FeedbackRows() {}

    private static boolean isDirectory(org.glasshouse.storage.Location p) {
        try {
            return p.isDirectory();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + p, e);
        }
    }

    public static Dataset<Row> of(SparkSession spark, Path findingsDir, List<String> datasets,
                                  List<FileFinding> fileFindings, Map<String, FileInfo> files) {
        return of(spark, org.glasshouse.storage.Location.of(findingsDir), datasets, fileFindings, files);
    }

    /** The findings folders on any store (the curated store of the run). */
    public static Dataset<Row> of(SparkSession spark, org.glasshouse.storage.Location findingsDir,
                                  List<String> datasets, List<FileFinding> fileFindings, Map<String, FileInfo> files) {
        Dataset<Row> rows = null;
        for (String d : datasets) {
            org.glasshouse.storage.Location p = findingsDir.resolve(d);
            if (!isDirectory(p)) continue;
            Dataset<Row> f = spark.read().parquet(p.sparkPath())
                    // A file quarantined whole (no required columns, broke off while read) is reported once, by its
                    // file finding, not once per row.
                    .filter(not(col("rule_id").isin(FileRule.QUARANTINES_EVERY_ROW.toArray())))
                    .select(col(RawRows.PARTNER_ID).as(PARTNER),
                            when(col("unique_id").notEqual(""), col("unique_id")).as("unique_id"),
                            col("field").as("field_name"),
                            col("message").as("rule_message"), col("value").as("value_provided"),
                            col("expected").as("expected_value"), col(RawRows.LINE).as("row_number"),
                            col("rule_id"), col("severity"), col(RawRows.FILE_ID).as(FILE_ID), lit(d).as("dataset"),
                            col("hint").as("how_to_fix"), col(RawRows.FLEX).as(FLEX));
            rows = rows == null ? f : rows.unionByName(f);
        }
        Dataset<Row> fileLevel = fileLevel(spark, fileFindings, files);
        rows = rows == null ? fileLevel : rows.unionByName(fileLevel);
        List<Row> names = new ArrayList<>();
        files.values().forEach(f -> names.add(RowFactory.create(f.fileId(), f.name())));
        Dataset<Row> nameTable = spark.createDataFrame(names, new StructType()
                .add("_fb_file_id", DataTypes.StringType).add("file", DataTypes.StringType));
        return rows.join(broadcast(nameTable), col(FILE_ID).equalTo(col("_fb_file_id")), "left").drop("_fb_file_id");
    }

    private static Dataset<Row> fileLevel(SparkSession spark, List<FileFinding> findings, Map<String, FileInfo> files) {
        List<Row> rows = new ArrayList<>();
        for (FileFinding f : findings) {
            FileInfo info = files.get(f.fileId());
            if (info == null) continue;
            rows.add(RowFactory.create(info.partnerId(), null, null, f.message(), null, expected(f.ruleId()), null,
                    f.ruleId(), f.severity(), f.fileId(), info.dataset(), f.hint(), null));
        }
        return spark.createDataFrame(rows, new StructType()
                .add(PARTNER, DataTypes.StringType).add("unique_id", DataTypes.StringType)
                .add("field_name", DataTypes.StringType).add("rule_message", DataTypes.StringType)
                .add("value_provided", DataTypes.StringType).add("expected_value", DataTypes.StringType)
                .add("row_number", DataTypes.LongType).add("rule_id", DataTypes.StringType)
                .add("severity", DataTypes.StringType).add(FILE_ID, DataTypes.StringType)
                .add("dataset", DataTypes.StringType).add("how_to_fix", DataTypes.StringType)
                .add(FLEX, DataTypes.StringType));
    }

    private static String expected(String ruleId) {
        return FileRule.CATALOGUE.stream().filter(r -> r.id().equals(ruleId)).map(r -> r.expected()).findFirst()
                .orElse(null);
    }
}
