package org.glasshouse.parquet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.storage.Location;

/**
 * Reads and writes small flat tables (metric and public tables: one row per agreement, partner, programme) as one
 * Parquet file on the driver, with parquet-hadoop's own record API. A Spark read or write of such a table costs one
 * or two Spark jobs (schema inference, write) whose fixed cost is hundreds of milliseconds; this costs a file open.
 * The files are ordinary Parquet with the types Spark writes (UTF-8 strings, INT64, DOUBLE, INT32 DATE, INT64
 * TIMESTAMP micros UTC, BOOLEAN, INT32), so Spark, DuckDB and pandas read them as before.
 */
public final class LocalParquet {

    /** The name of the one data file in a table folder, like Spark's part files so readers of folders find it. */
    public static final String PART = "part-00000.snappy.parquet";

    private LocalParquet() {}

    /** Replaces the table folder's contents with one Parquet file of the rows (a rerun rewrites it whole). */
    public static void writeFolder(StructType schema, List<Row> rows, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + PART + ".tmp");
        write(schema, rows, tmp);
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                if (!p.equals(tmp) && Files.isRegularFile(p)) Files.delete(p);
            }
        }
        Files.move(tmp, dir.resolve(PART), StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * {@link #writeFolder(StructType, List, Path)} on any store: on the local file system exactly that; elsewhere the
     * file is written beside the old ones under a hidden name, the old files deleted and the new one renamed in.
     */
    public static void writeFolder(StructType schema, List<Row> rows, Location dir) throws IOException {
        java.util.Optional<Path> local = dir.local();
        if (local.isPresent()) {
            writeFolder(schema, rows, local.get());
            return;
        }
        org.apache.hadoop.fs.FileSystem fs = dir.fs();
        fs.mkdirs(dir.path());
        org.apache.hadoop.fs.Path tmp = new org.apache.hadoop.fs.Path(dir.path(), "." + PART + ".tmp");
        write(schema, rows, HadoopOutputFile.fromPath(tmp, Location.conf()));
        for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(dir.path())) {
            if (f.isFile() && !f.getPath().getName().equals(tmp.getName())) fs.delete(f.getPath(), false);
        }
        if (!fs.rename(tmp, new org.apache.hadoop.fs.Path(dir.path(), PART))) {
            throw new IOException("cannot rename " + tmp + " to " + PART);
        }
    }

    /** Every row of the Parquet files directly in a table folder on any store. */
    public static Table readFolder(Location dir) throws IOException {
        java.util.Optional<Path> local = dir.local();
        if (local.isPresent()) return readFolder(local.get());
        StructType schema = null;
        List<Row> rows = new ArrayList<>();
        for (Location f : dir.list()) {
            String n = f.name();
            if (!n.endsWith(".parquet") || n.startsWith("_") || n.startsWith(".")) continue;
            Table t = read(HadoopInputFile.fromPath(f.path(), Location.conf()));
            if (schema == null) schema = t.schema();
            rows.addAll(t.rows());
        }
        if (schema == null) throw new IOException("no Parquet file in " + dir);
        return new Table(schema, rows);
    }

    /** Writes the rows to one Parquet file (replacing it). */
    public static void write(StructType schema, List<Row> rows, Path file) throws IOException {
        Files.deleteIfExists(file);
        write(schema, rows, new LocalOutputFile(file));
    }

    private static void write(StructType schema, List<Row> rows, OutputFile file) throws IOException {
        MessageType type = messageType(schema);
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(file).withType(type)
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build()) {
            StructField[] fields = schema.fields();
            for (Row r : rows) {
                Group g = groups.newGroup();
                for (int i = 0; i < fields.length; i++) {
                    if (!r.isNullAt(i)) add(g, i, fields[i].dataType(), r.get(i));
                }
                w.write(g);
            }
        }
    }

    /** Every row of the Parquet files directly in a table folder (files starting with _ or . are skipped). */
    public static Table readFolder(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
        StructType schema = null;
        List<Row> rows = new ArrayList<>();
        for (Path f : files) {
            Table t = read(f);
            if (schema == null) schema = t.schema();
            rows.addAll(t.rows());
        }
        if (schema == null) throw new IOException("no Parquet file in " + dir);
        return new Table(schema, rows);
    }

    /**
     * The Spark schema of a Parquet folder, from the footer of its first data file: the schema Spark stored there
     * when Spark wrote it, else the Parquet schema converted. Passing it to {@code spark.read().schema(...)} spares
     * the Spark job that schema inference otherwise runs for every folder read.
     */
    public static StructType sparkSchema(Path dir) throws IOException {
        Path first;
        try (Stream<Path> s = Files.list(dir)) {
            first = s.filter(p -> p.getFileName().toString().endsWith(".parquet"))
                    .filter(p -> !p.getFileName().toString().startsWith("_") && !p.getFileName().toString().startsWith("."))
                    .sorted().findFirst().orElseThrow(() -> new IOException("no Parquet file in " + dir));
        }
        try (ParquetFileReader reader = open(first)) {
            String spark = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
            if (spark != null) return (StructType) DataType.fromJson(spark);
            return structType(reader.getFooter().getFileMetaData().getSchema());
        }
    }

    /** Reads a Parquet folder in Spark with its schema taken from a footer (no schema-inference job). */
    public static org.apache.spark.sql.Dataset<Row> sparkRead(org.apache.spark.sql.SparkSession spark, Path dir)
            throws IOException {
        if (!hasDataFile(dir)) return spark.read().parquet(dir.toString()); // Spark's own error or empty table
        return spark.read().schema(sparkSchema(dir)).parquet(dir.toString());
    }

    /**
     * {@link #sparkRead(org.apache.spark.sql.SparkSession, Path)} on any store: on the local file system exactly
     * that; elsewhere the schema comes from the footer of the folder's first data file, read through the store.
     */
    public static org.apache.spark.sql.Dataset<Row> sparkRead(org.apache.spark.sql.SparkSession spark, Location dir)
            throws IOException {
        java.util.Optional<Path> local = dir.local();
        if (local.isPresent()) return sparkRead(spark, local.get());
        List<Location> data = dataFiles(dir);
        if (data.isEmpty()) return spark.read().parquet(dir.sparkPath());
        try (ParquetFileReader reader = open(data.get(0))) {
            String json = reader.getFooter().getFileMetaData().getKeyValueMetaData().get(SPARK_SCHEMA_KEY);
            StructType schema = json != null ? (StructType) DataType.fromJson(json)
                    : structType(reader.getFooter().getFileMetaData().getSchema());
            return spark.read().schema(schema).parquet(dir.sparkPath());
        }
    }

    /** The Parquet data files directly in a folder on any store (not _ or . files), by name; none if it is absent. */
    public static List<Location> dataFiles(Location dir) throws IOException {
        List<Location> out = new ArrayList<>();
        for (Location f : dir.list()) {
            String n = f.name();
            if (n.endsWith(".parquet") && !n.startsWith("_") && !n.startsWith(".")) out.add(f);
        }
        return out;
    }

    /** A reader of a Parquet file on any store (a local one as {@link #open(Path)}). */
    public static ParquetFileReader open(Location file) throws IOException {
        java.util.Optional<Path> local = file.local();
        if (local.isPresent()) return open(local.get());
        return ParquetFileReader.open(HadoopInputFile.fromPath(file.path(), Location.conf()), plainOptions());
    }

    private static boolean hasDataFile(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .anyMatch(n -> n.endsWith(".parquet") && !n.startsWith("_") && !n.startsWith("."));
        }
    }

    private static final String SPARK_SCHEMA_KEY = "org.apache.spark.sql.parquet.row.metadata";

    /** A table held on the driver: its schema and rows. */
    public record Table(StructType schema, List<Row> rows) {}

    /**
     * A reader of a local Parquet file with Parquet's own defaults. Not {@code ParquetFileReader.open(InputFile)}:
     * that builds a Hadoop Configuration per file, which parses Hadoop's XML resources again each time (6% of the
     * validate step's sampled CPU when the footers of a few hundred staged files were read that way).
     */
    public static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), plainOptions());
    }

    /**
     * New options per reader: they carry a codec factory whose decompressors keep state, so options shared by the
     * validate step's parallel dataset threads corrupted pages ("could not read page").
     */
    private static org.apache.parquet.ParquetReadOptions plainOptions() {
        return org.apache.parquet.ParquetReadOptions.builder(new org.apache.parquet.conf.PlainParquetConfiguration())
                .build();
    }

    public static Table read(Path file) throws IOException {
        return read(new LocalInputFile(file));
    }

    private static Table read(InputFile file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(file, plainOptions())) {
            MessageType type = reader.getFooter().getFileMetaData().getSchema();
            StructType schema = structType(type);
            List<Row> rows = new ArrayList<>();
            PageReadStore pages;
            while ((pages = reader.readNextRowGroup()) != null) {
                MessageColumnIO io = new ColumnIOFactory().getColumnIO(type);
                RecordReader<Group> rr = io.getRecordReader(pages, new GroupRecordConverter(type));
                for (long i = 0; i < pages.getRowCount(); i++) rows.add(row(rr.read(), schema));
            }
            return new Table(schema, rows);
        }
    }

    static MessageType messageType(StructType schema) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        for (StructField f : schema.fields()) b.addField(primitive(f.name(), f.dataType()));
        return b.named("spark_schema");
    }

    private static Type primitive(String name, DataType t) {
        Types.PrimitiveBuilder<PrimitiveType> p;
        if (t.equals(DataTypes.StringType)) {
            p = Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType());
        } else if (t.equals(DataTypes.LongType)) {
            p = Types.optional(PrimitiveTypeName.INT64);
        } else if (t.equals(DataTypes.IntegerType)) {
            p = Types.optional(PrimitiveTypeName.INT32);
        } else if (t.equals(DataTypes.DoubleType)) {
            p = Types.optional(PrimitiveTypeName.DOUBLE);
        } else if (t.equals(DataTypes.BooleanType)) {
            p = Types.optional(PrimitiveTypeName.BOOLEAN);
        } else if (t.equals(DataTypes.DateType)) {
            p = Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType());
        } else if (t.equals(DataTypes.TimestampType)) {
            p = Types.optional(PrimitiveTypeName.INT64)
                    .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS));
        } else {
            throw new IllegalArgumentException("column " + name + ": type " + t + " is not a flat table type");
        }
        return p.named(name);
    }

    private static void add(Group g, int i, DataType t, Object v) {
        if (t.equals(DataTypes.StringType)) g.add(i, Binary.fromString(v.toString()));
        else if (t.equals(DataTypes.LongType)) g.add(i, ((Number) v).longValue());
        else if (t.equals(DataTypes.IntegerType)) g.add(i, ((Number) v).intValue());
        else if (t.equals(DataTypes.DoubleType)) g.add(i, ((Number) v).doubleValue());
        else if (t.equals(DataTypes.BooleanType)) g.add(i, (Boolean) v);
        else if (t.equals(DataTypes.DateType)) g.add(i, (int) toLocalDate(v).toEpochDay());
        else if (t.equals(DataTypes.TimestampType)) {
            java.time.Instant at = v instanceof Timestamp ts ? ts.toInstant() : (java.time.Instant) v;
            g.add(i, Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000L));
        }
    }

    private static LocalDate toLocalDate(Object v) {
        if (v instanceof Date d) return d.toLocalDate();
        return (LocalDate) v;
    }

    static StructType structType(MessageType type) {
        StructType s = new StructType();
        for (Type f : type.getFields()) {
            if (!f.isPrimitive()) throw new IllegalArgumentException("nested column " + f.getName() + " is not supported");
            PrimitiveType p = f.asPrimitiveType();
            LogicalTypeAnnotation l = p.getLogicalTypeAnnotation();
            DataType t = switch (p.getPrimitiveTypeName()) {
                case BINARY -> DataTypes.StringType;
                case INT64 -> l instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? DataTypes.TimestampType
                        : l instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation ? null : DataTypes.LongType;
                case INT32 -> l instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation ? DataTypes.DateType
                        : l == null || l instanceof LogicalTypeAnnotation.IntLogicalTypeAnnotation ? DataTypes.IntegerType
                        : null;
                case DOUBLE -> DataTypes.DoubleType;
                case BOOLEAN -> DataTypes.BooleanType;
                default -> null;
            };
            if (t == null) throw new IllegalArgumentException("column " + f.getName() + ": " + p + " is not supported");
            s = s.add(f.getName(), t, true);
        }
        return s;
    }

    private static Row row(Group g, StructType schema) {
        StructField[] fields = schema.fields();
        Object[] cells = new Object[fields.length];
        for (int i = 0; i < fields.length; i++) {
            if (g.getFieldRepetitionCount(i) == 0) continue;
            DataType t = fields[i].dataType();
            if (t.equals(DataTypes.StringType)) cells[i] = g.getString(i, 0);
            else if (t.equals(DataTypes.LongType)) cells[i] = g.getLong(i, 0);
            else if (t.equals(DataTypes.IntegerType)) cells[i] = g.getInteger(i, 0);
            else if (t.equals(DataTypes.DoubleType)) cells[i] = g.getDouble(i, 0);
            else if (t.equals(DataTypes.BooleanType)) cells[i] = g.getBoolean(i, 0);
            else if (t.equals(DataTypes.DateType)) cells[i] = Date.valueOf(LocalDate.ofEpochDay(g.getInteger(i, 0)));
            else if (t.equals(DataTypes.TimestampType)) {
                long micros = g.getLong(i, 0);
                cells[i] = Timestamp.from(java.time.Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1_000L));
            }
        }
        return new GenericRowWithSchema(cells, schema);
    }
}
