package org.glasshouse.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code sql "SELECT ..." [--out DIR] [--csv FILE] [--limit N]}: Spark SQL over the views of {@link AnalystViews}.
 * Prints up to N rows as a table, or streams every row to a CSV file (rows come to the driver one partition at a
 * time, so a large result does not need to fit in memory).
 */
public final class SqlCommand {

    private SqlCommand() {}

    public static int run(SparkSession spark, Path out, String sql, Path csv, int limit) throws IOException {
        List<String> views = AnalystViews.register(spark, out);
        if (sql.isBlank() || sql.trim().equalsIgnoreCase("views")) {
            views.forEach(System.out::println);
            return 0;
        }
        Dataset<Row> result;
        try {
            result = spark.sql(sql);
        } catch (Exception e) {
            // Spark's AnalysisException (unknown table or column) is checked in Java's eyes but never declared.
            Object thrown = e;
            String message = thrown instanceof AnalysisException ae ? ae.getSimpleMessage() : e.getMessage();
            System.err.println("glasshouse sql: " + message);
            System.err.println("Views: " + String.join(", ", views));
            return 1;
        }
        if (csv == null) {
            result.show(limit, false);
            return 0;
        }
        long rows = writeCsv(result, csv);
        System.out.println(rows + " row(s) written to " + csv);
        return 0;
    }

    static long writeCsv(Dataset<Row> result, Path csv) throws IOException {
        if (csv.toAbsolutePath().getParent() != null) Files.createDirectories(csv.toAbsolutePath().getParent());
        long n = 0;
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8);
             CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(result.columns()).get())) {
            Iterator<Row> it = result.toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                Object[] cells = new Object[r.length()];
                for (int i = 0; i < cells.length; i++) cells[i] = r.isNullAt(i) ? "" : r.get(i);
                p.printRecord(cells);
                n++;
            }
        }
        return n;
    }
}
