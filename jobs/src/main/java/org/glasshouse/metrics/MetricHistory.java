package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.LongPredicate;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Reads the metric history ({@code OUT/private/metrics/<table>/as_of=D/run_id=R/}) for trends across periods:
 * every run, or the latest accepted run of each as-of date. Which runs count is the caller's choice (e.g. the
 * report: completed runs plus the one being reported; analysts: completed runs only).
 *
 * <p>Example (report step): {@code new MetricHistory(spark, paths.metricsHistory(), r -> ok.contains(r) || r == me)
 * .latestPerAsOf("programme_metrics")} gives one programme_metrics row per programme and as-of date, with the
 * columns of the table plus {@code run_id}, ordered by as_of.
 */
public final class MetricHistory {

    private final SparkSession spark;
    private final Path root;
    private final LongPredicate acceptedRun;

    public MetricHistory(SparkSession spark, Path root, LongPredicate acceptedRun) {
        this.spark = spark;
        this.root = root;
        this.acceptedRun = acceptedRun;
    }

    /** The metric tables that have history, alphabetically. */
    public List<String> tables() {
        if (!Files.isDirectory(root)) return List.of();
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("_") && !n.startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list metric history " + root, e);
        }
    }

    /** Every accepted run's rows of the table; as_of (date) and run_id (long) come from the folder names. */
    public Dataset<Row> all(String table) {
        Path dir = root.resolve(table);
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no history for metric table " + table);
        // Partition values are read as text and typed here, so "run_id=10" never sorts before "run_id=9".
        Dataset<Row> rows = spark.read().option("basePath", dir.toString())
                .option("recursiveFileLookup", "false").parquet(dir.toString())
                .withColumn("as_of", col("as_of").cast("date"))
                .withColumn("run_id", col("run_id").cast("long"));
        List<Long> runs = rows.select("run_id").distinct().collectAsList().stream().map(r -> r.getLong(0))
                .filter(acceptedRun::test).toList();
        return rows.filter(col("run_id").isin(runs.toArray()));
    }

    /**
     * Per as-of date (ascending), the folder of its latest accepted run, found by listing the history folders: what
     * {@link #latestPerAsOf} reads, for callers that read small tables without Spark.
     */
    public java.util.SortedMap<java.time.LocalDate, Path> latestPartitionsPerAsOf(String table) {
        java.util.SortedMap<java.time.LocalDate, Path> latest = new java.util.TreeMap<>();
        Path dir = root.resolve(table);
        if (!Files.isDirectory(dir)) return latest;
        try (Stream<Path> dates = Files.list(dir)) {
            for (Path d : dates.filter(p -> p.getFileName().toString().startsWith("as_of=")).toList()) {
                java.time.LocalDate asOf = java.time.LocalDate.parse(d.getFileName().toString().substring(6));
                long best = -1;
                try (Stream<Path> runs = Files.list(d)) {
                    for (Path r : runs.filter(p -> p.getFileName().toString().matches("run_id=\\d+")).toList()) {
                        long id = Long.parseLong(r.getFileName().toString().substring(7));
                        if (id > best && acceptedRun.test(id)) best = id;
                    }
                }
                if (best >= 0) latest.put(asOf, d.resolve("run_id=" + best));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list metric history " + dir, e);
        }
        return latest;
    }

    /** Per as-of date, the rows of its latest accepted run: one consistent value per period for trend charts. */
    public Dataset<Row> latestPerAsOf(String table) {
        Dataset<Row> all = all(table);
        Dataset<Row> latest = all.groupBy(col("as_of").as("_l_as_of")).agg(max("run_id").as("_l_run"));
        return all.join(latest, col("as_of").equalTo(col("_l_as_of")).and(col("run_id").equalTo(col("_l_run"))))
                .drop("_l_as_of", "_l_run").orderBy(col("as_of"));
    }
}
