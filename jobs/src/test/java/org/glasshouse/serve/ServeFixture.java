package org.glasshouse.serve;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.glasshouse.testing.SharedSpark;

/**
 * A tiny output folder in the nightly's layout, with every column type analysts meet. Run 1 COMPLETED (curated
 * transactions and partners, quarantine and findings that must stay invisible, one metric partition), run 2 FAILED
 * (its rows must never show), and {@link #completeRun3} adding a later completed run, as a nightly would.
 */
final class ServeFixture {

    static final String TRANSACTIONS = "transaction_id STRING, agreement_id STRING, date DATE, amount DECIMAL(18,2), "
            + "received_at TIMESTAMP, units BIGINT, share DOUBLE";
    static final String METRICS = "agreement_id STRING, spent DECIMAL(18,2), beneficiaries BIGINT, "
            + "disbursement_rate DOUBLE";

    private ServeFixture() {}

    static void write(Path out) throws IOException {
        SparkSession spark = SharedSpark.get();
        Path run1 = runDir(out, 1);
        parquet(spark, run1.resolve("curated/transactions"), TRANSACTIONS, List.of(
                RowFactory.create("T1", "A1", Date.valueOf("2026-03-15"), new BigDecimal("1250.50"),
                        Timestamp.from(Instant.parse("2026-03-16T09:30:00Z")), 3L, 0.25),
                RowFactory.create("T2", "A2", Date.valueOf("2026-04-01"), new BigDecimal("9999999999999999.99"),
                        Timestamp.from(Instant.parse("2026-04-02T00:00:00.123456Z")), 9_007_199_254_740_993L, 0.1),
                RowFactory.create("T3", "A1", Date.valueOf("2026-04-30"), null, null, null, null)));
        parquet(spark, run1.resolve("curated/partners"), "partner_id STRING, name STRING", List.of(
                RowFactory.create("PA", "Ünïcode Partner, \"quoted\""), RowFactory.create("PB", "Second")));
        parquet(spark, run1.resolve("quarantine/transactions"), "transaction_id STRING, raw_line STRING",
                List.of(RowFactory.create("Q1", "SECRET-QUARANTINE-LINE")));
        parquet(spark, run1.resolve("findings/transactions"), "transaction_id STRING, rule_id STRING",
                List.of(RowFactory.create("Q1", "TRX-001")));
        parquet(spark, metric(out, "agreement_metrics", "2026-03-31", 1), METRICS, List.of(
                RowFactory.create("A1", new BigDecimal("500.00"), 2L, 1.2)));
        summary(run1, "COMPLETED");

        Path run2 = runDir(out, 2);
        parquet(spark, run2.resolve("curated/transactions"), TRANSACTIONS, List.of(
                RowFactory.create("FAILED-RUN", "A9", null, null, null, null, null)));
        parquet(spark, metric(out, "agreement_metrics", "2026-03-31", 2), METRICS, List.of(
                RowFactory.create("FAILED-RUN", null, null, null)));
        summary(run2, "FAILED");
    }

    /** A third run completes: one more transaction, a new metric partition for a later as-of date. */
    static void completeRun3(Path out) throws IOException {
        SparkSession spark = SharedSpark.get();
        Path run3 = runDir(out, 3);
        parquet(spark, run3.resolve("curated/transactions"), TRANSACTIONS, List.of(
                RowFactory.create("T4", "A1", Date.valueOf("2026-05-02"), new BigDecimal("10.00"), null, 1L, 1.0)));
        parquet(spark, metric(out, "agreement_metrics", "2026-04-30", 3), METRICS, List.of(
                RowFactory.create("A1", new BigDecimal("510.00"), 3L, 1.25)));
        summary(run3, "COMPLETED");
    }

    static Path runDir(Path out, long run) {
        return out.resolve("private/runs").resolve(Long.toString(run));
    }

    private static Path metric(Path out, String table, String asOf, long run) {
        return out.resolve("private/metrics").resolve(table).resolve("as_of=" + asOf).resolve("run_id=" + run);
    }

    private static void parquet(SparkSession spark, Path dir, String ddl, List<Row> rows) {
        spark.createDataFrame(rows, StructType.fromDDL(ddl)).coalesce(1).write().parquet(dir.toString());
    }

    private static void summary(Path runDir, String status) throws IOException {
        Files.createDirectories(runDir);
        Files.writeString(runDir.resolve("summary.json"), "{\"status\":\"" + status + "\"}");
    }
}
