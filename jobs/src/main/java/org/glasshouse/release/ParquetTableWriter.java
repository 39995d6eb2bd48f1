package org.glasshouse.release;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;
import org.glasshouse.reports.render.CellFormatter;

/**
 * Writes a public table as one typed Parquet file on the driver ({@link LocalParquet}: parquet-hadoop, already on the
 * classpath through Spark, so no second Parquet stack and no Spark job per table). Numbers carry the CSV's rounding
 * so the downloads reconcile; a suppressed cell is null, because a typed column cannot hold the [c] marker
 * (datapackage.json and the methodology page say so).
 */
public final class ParquetTableWriter {

    public ParquetTableWriter() {}

    /** The same writer; the session is not needed (kept so callers holding one need not change). */
    public ParquetTableWriter(SparkSession spark) {
        this();
    }

    public void write(DataTable table, Path file) throws IOException {
        List<StructField> fields = new ArrayList<>();
        for (Column c : table.columns()) fields.add(DataTypes.createStructField(c.name(), type(c), true));
        List<Row> rows = new ArrayList<>(table.rows().size());
        for (List<Object> r : table.rows()) {
            Object[] cells = new Object[r.size()];
            for (int i = 0; i < r.size(); i++) cells[i] = cell(r.get(i), table.columns().get(i));
            rows.add(RowFactory.create(cells));
        }
        Files.createDirectories(file.getParent());
        LocalParquet.write(new StructType(fields.toArray(StructField[]::new)), rows, file);
    }

    static DataType type(Column c) {
        return switch (c.type()) {
            case INTEGER, COUNT -> DataTypes.LongType;
            case MONEY, RATE, NUMBER, P_VALUE -> DataTypes.DoubleType;
            case DATE -> DataTypes.DateType;
            case TEXT, ID -> DataTypes.StringType;
        };
    }

    private static Object cell(Object v, Column c) {
        if (v == null || v instanceof Suppressed) return null;
        String text = CellFormatter.plain(v, c.type());
        if (text.isEmpty()) return null;
        return switch (c.type()) {
            case INTEGER, COUNT -> new BigDecimal(text).longValueExact();
            case MONEY, RATE, NUMBER, P_VALUE -> Double.valueOf(text);
            case DATE -> java.sql.Date.valueOf(text);
            case TEXT, ID -> text;
        };
    }
}
