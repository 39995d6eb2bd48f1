package org.glasshouse.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables written on the driver read back the same, in Spark and on the driver, with Spark's types. */
class LocalParquetTest {

    static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.StringType).add("n", DataTypes.LongType).add("days", DataTypes.IntegerType)
            .add("share", DataTypes.DoubleType).add("ok", DataTypes.BooleanType).add("as_of", DataTypes.DateType)
            .add("at", DataTypes.TimestampType);

    @TempDir Path dir;

    @Test
    void sparkReadsWhatTheDriverWrote() throws Exception {
        List<Row> rows = List.of(
                RowFactory.create("Ä1", 3L, 7, 0.25, true, Date.valueOf("2026-09-30"),
                        Timestamp.from(java.time.Instant.parse("2026-05-20T23:00:00.123456Z"))),
                RowFactory.create(null, null, null, null, null, null, null));
        Path table = dir.resolve("t");
        Files.createDirectories(table);
        Files.writeString(table.resolve("stale.parquet"), "left by an earlier attempt");
        LocalParquet.writeFolder(SCHEMA, rows, table);

        try (var files = Files.list(table)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly(LocalParquet.PART);
        }
        SparkSession spark = SharedSpark.get();
        List<Row> back = spark.read().parquet(table.toString()).orderBy("n").collectAsList();
        assertThat(spark.read().parquet(table.toString()).schema().fields()).extracting(f -> f.dataType())
                .containsExactly(DataTypes.StringType, DataTypes.LongType, DataTypes.IntegerType,
                        DataTypes.DoubleType, DataTypes.BooleanType, DataTypes.DateType, DataTypes.TimestampType);
        assertThat(back.get(0).anyNull()).isTrue();
        assertThat(back.get(1).getString(0)).isEqualTo("Ä1");
        assertThat(back.get(1).getLong(1)).isEqualTo(3L);
        assertThat(back.get(1).getInt(2)).isEqualTo(7);
        assertThat(back.get(1).getDouble(3)).isEqualTo(0.25);
        assertThat(back.get(1).getBoolean(4)).isTrue();
        assertThat(back.get(1).getDate(5)).isEqualTo(Date.valueOf("2026-09-30"));
        assertThat(back.get(1).getTimestamp(6).toInstant()).isEqualTo(java.time.Instant.parse("2026-05-20T23:00:00.123456Z"));

        LocalParquet.Table local = LocalParquet.readFolder(table);
        assertThat(local.schema()).isEqualTo(SCHEMA);
        assertThat(local.rows()).hasSize(2);
        assertThat(local.rows().get(0).getAs("id").toString()).isEqualTo("Ä1");
        assertThat(local.rows().get(1).isNullAt(0)).isTrue();
        assertThat(LocalParquet.sparkSchema(table)).isEqualTo(SCHEMA);
    }

    @Test
    void ordersRowsAsSparkDoes() {
        List<Row> rows = new ArrayList<>(List.of(row("b", 2L), row(null, 1L), row("a", 9L), row("a", 3L)));
        rows.sort(SparkOrder.by(List.of("id", "n")));
        assertThat(rows).extracting(r -> r.getAs("id") + ":" + r.getAs("n"))
                .containsExactly("null:1", "a:3", "a:9", "b:2");
    }

    private static Row row(String id, long n) {
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(new Object[] {id, n},
                new StructType().add("id", DataTypes.StringType).add("n", DataTypes.LongType));
    }
}
