package org.glasshouse.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorLoader;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ReadChannel;
import org.apache.arrow.vector.ipc.message.ArrowRecordBatch;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.util.ArrowUtils;
import org.glasshouse.serve.client.BatchSink;
import org.glasshouse.serve.client.CellText;

/**
 * A Spark result as Arrow record batches, built by Spark's own converter (the one behind PySpark's toPandas) on the
 * executors: decimals stay Decimal128(p, s), dates DateDay, timestamps microseconds in the session time zone, longs
 * Int64, doubles Float64, strings Utf8. Partitions reach the driver one at a time, so a large result is streamed.
 */
public final class SparkArrow {

    private static final int PARTITIONS_PER_JOB = 8;

    private SparkArrow() {}

    /**
     * The Arrow schema of the batches {@link #stream} sends (the same settings Spark's converter uses), each column
     * annotated with Flight SQL's column metadata (SQL type name, precision and scale, read-only) so that JDBC
     * clients report decimal(18,2) as DECIMAL with precision 18 and scale 2.
     */
    public static Schema schema(Dataset<Row> result) {
        var conf = result.sparkSession().conf();
        String timeZone = conf.get("spark.sql.session.timeZone");
        boolean errorOnDuplicates = "legacy".equals(conf.get("spark.sql.execution.pandas.structHandlingMode", "legacy"));
        boolean largeVarTypes = Boolean.parseBoolean(conf.get("spark.sql.execution.arrow.useLargeVarTypes", "false"));
        Schema plain = ArrowUtils.toArrowSchema(result.schema(), timeZone, errorOnDuplicates, largeVarTypes);
        return new Schema(plain.getFields().stream().map(SparkArrow::annotated).toList(), plain.getCustomMetadata());
    }

    private static Field annotated(Field f) {
        FlightSqlColumnMetadata.Builder m = new FlightSqlColumnMetadata.Builder()
                .typeName(CellText.typeName(f)).isReadOnly(true).isAutoIncrement(false).isCaseSensitive(true)
                .isSearchable(true);
        if (f.getType() instanceof ArrowType.Decimal d) m.precision(d.getPrecision()).scale(d.getScale());
        FieldType type = new FieldType(f.isNullable(), f.getType(), f.getDictionary(), m.build().getMetadataMap());
        return new Field(f.getName(), type, f.getChildren());
    }

    /**
     * Runs the query and hands each batch to the sink; stops when the sink returns false (e.g. a cancelled call).
     * Partitions are fetched a few at a time, one Spark job each: a small result costs one job, a large one never
     * needs more than PARTITIONS_PER_JOB partitions' batches on the driver at once.
     */
    public static void stream(Dataset<Row> result, BufferAllocator allocator, BatchSink sink) {
        Schema schema = schema(result);
        JavaRDD<byte[]> batches = ((org.apache.spark.sql.classic.Dataset<Row>) result).toArrowBatchRdd().toJavaRDD();
        int partitions = batches.getNumPartitions();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator)) {
            VectorLoader loader = new VectorLoader(root);
            sink.start(root);
            for (int from = 0; from < partitions; from += PARTITIONS_PER_JOB) {
                int[] ids = IntStream.range(from, Math.min(partitions, from + PARTITIONS_PER_JOB)).toArray();
                for (List<byte[]> partition : batches.collectPartitions(ids)) {
                    for (byte[] bytes : partition) {
                        try (ArrowRecordBatch batch = MessageSerializer.deserializeRecordBatch(
                                new ReadChannel(Channels.newChannel(new ByteArrayInputStream(bytes))), allocator)) {
                            loader.load(batch);
                        }
                        if (root.getRowCount() > 0 && !sink.batch(root)) return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an Arrow batch Spark produced", e);
        }
    }
}
