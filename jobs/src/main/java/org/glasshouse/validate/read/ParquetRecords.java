package org.glasshouse.validate.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Streams a Parquet file's records as text, column by column, through parquet-hadoop's record API (so it runs on
 * any executor, one file per task, with the same row numbers every time: the record's 1-based position). Values
 * become the text a CSV would carry: dates as YYYY-MM-DD, decimals and doubles in plain notation.
 */
public final class ParquetRecords implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ParquetReader<Group> reader;
    private final MessageType schema;

    public ParquetRecords(Path file) throws IOException {
        this(new org.apache.hadoop.fs.Path(file.toUri()), new Configuration(false));
    }

    /**
     * A landed file by local path (read as above) or store URI, through Hadoop's {@code InputFile} with the store
     * settings {@code conf} (on executors the broadcast configuration).
     */
    public ParquetRecords(String file, Configuration conf) throws IOException {
        this(hadoopPath(file), LandedInput.local(file) != null ? new Configuration(false) : conf);
    }

    private ParquetRecords(org.apache.hadoop.fs.Path file, Configuration conf) throws IOException {
        this.schema = footer(file, conf).getFileMetaData().getSchema();
        this.reader = ParquetReader.builder(new GroupReadSupport(), file).withConf(conf).build();
    }

    private static org.apache.hadoop.fs.Path hadoopPath(String file) {
        Path local = LandedInput.local(file);
        return local != null ? new org.apache.hadoop.fs.Path(local.toUri()) : new org.apache.hadoop.fs.Path(file);
    }

    /**
     * Top-level column names from the footer only (cheap: the driver calls this, never reading rows). Refuses a
     * file wider than the column limit (FIL-013) or with a row group that unpacks to more than the inflated-size
     * limit (FIL-010): a row group is read into memory whole.
     */
    public static List<String> columnNames(Path file, InputLimits limits) throws IOException {
        return columnNames(file.toString(), null, limits);
    }

    /** As above, for a landed file by local path or store URI. */
    public static List<String> columnNames(String file, Configuration conf, InputLimits limits) throws IOException {
        ParquetMetadata footer = footer(hadoopPath(file), LandedInput.local(file) != null ? new Configuration(false)
                : conf);
        MessageType schema = footer.getFileMetaData().getSchema();
        if (schema.getFieldCount() > limits.columns()) {
            throw new InputProblem(FileRule.TOO_MANY_COLUMNS, String.format(java.util.Locale.ROOT,
                    "The file has %,d columns, more than the limit of %,d; it was not read.",
                    schema.getFieldCount(), limits.columns()));
        }
        for (BlockMetaData block : footer.getBlocks()) {
            if (block.getTotalByteSize() > limits.inflatedBytes()) {
                throw new InputProblem(FileRule.INFLATES_TOO_MUCH, String.format(java.util.Locale.ROOT,
                        "A row group of the file unpacks to %,d bytes, more than the limit of %,d; the file was not "
                                + "read.", block.getTotalByteSize(), limits.inflatedBytes()));
            }
        }
        return schema.getFields().stream().map(Type::getName).toList();
    }

    private static ParquetMetadata footer(org.apache.hadoop.fs.Path file, Configuration conf) throws IOException {
        org.apache.parquet.io.InputFile in;
        try {
            in = HadoopInputFile.fromPath(file, conf);
        } catch (IOException e) {
            // the landed copy cannot be found or reached: storage, not the partner's file
            throw file.toUri().getScheme() != null && !"file".equals(file.toUri().getScheme())
                    ? LandedInput.storage(file.toString(), e) : e;
        }
        try (ParquetFileReader r = ParquetFileReader.open(in)) {
            return r.getFooter();
        } catch (RuntimeException e) {
            throw new IOException("not a readable Parquet file (" + e.getMessage() + ")", e);
        }
    }

    /** The next record as text per top-level column, or null at the end. */
    public String[] next() throws IOException {
        Group g = reader.read();
        if (g == null) return null;
        String[] out = new String[schema.getFieldCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = g.getFieldRepetitionCount(i) == 0 ? null : text(g, i, schema.getType(i));
        }
        return out;
    }

    /** The record as a JSON object: the raw text kept in quarantine. */
    public String raw(String[] values) {
        ObjectNode o = JSON.createObjectNode();
        for (int i = 0; i < values.length; i++) o.put(schema.getFieldName(i), values[i]);
        return o.toString();
    }

    private static String text(Group g, int i, Type type) {
        if (!type.isPrimitive()) return g.getGroup(i, 0).toString();
        PrimitiveType p = type.asPrimitiveType();
        LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(g.getInteger(i, 0)).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d) {
            BigInteger unscaled = switch (p.getPrimitiveTypeName()) {
                case INT32 -> BigInteger.valueOf(g.getInteger(i, 0));
                case INT64 -> BigInteger.valueOf(g.getLong(i, 0));
                default -> new BigInteger(g.getBinary(i, 0).getBytes());
            };
            return new BigDecimal(unscaled, d.getScale()).toPlainString();
        }
        if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation t
                && p.getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.INT64) {
            long v = g.getLong(i, 0);
            Instant at = switch (t.getUnit()) {
                case MILLIS -> Instant.ofEpochMilli(v);
                case MICROS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000L), Math.floorMod(v, 1_000_000L) * 1000);
                case NANOS -> Instant.ofEpochSecond(Math.floorDiv(v, 1_000_000_000L), Math.floorMod(v, 1_000_000_000L));
            };
            return at.toString();
        }
        return switch (p.getPrimitiveTypeName()) {
            case BOOLEAN -> Boolean.toString(g.getBoolean(i, 0));
            case INT32 -> Integer.toString(g.getInteger(i, 0));
            case INT64 -> Long.toString(g.getLong(i, 0));
            case FLOAT -> new BigDecimal(Float.toString(g.getFloat(i, 0))).stripTrailingZeros().toPlainString();
            case DOUBLE -> plain(g.getDouble(i, 0));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> g.getString(i, 0);
            default -> g.getValueToString(i, 0);
        };
    }

    private static String plain(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) return Double.toString(d);
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
