package org.glasshouse.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;

import java.io.IOException;
import java.util.List;
import java.util.function.LongPredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.storage.Location;

/**
 * Reads the metric history ({@code OUT/private/metrics/<table>/as_of=D/run_id=R/}, or on the store
 * glasshouse.storage.history-uri names) for trends across periods:
 * every run, or the latest accepted run of each as-of date. Which runs count is the caller's choice (e.g. the
 * report: completed runs plus the one being reported; analysts: completed runs only).
 *
 * <p>Example (report step): {@code new MetricHistory(spark, paths.history(), r -> ok.contains(r) || r == me)
 * .latestPerAsOf("programme_metrics")} gives one programme_metrics row per programme and as-of date, with the
 * columns of the table plus {@code run_id}, ordered by as_of.
 */
public final class MetricHistory {

    private final SparkSession spark;
    private final Location root;
    private final LongPredicate acceptedRun;

    public MetricHistory(SparkSession spark, Location root, LongPredicate acceptedRun) {
        this.spark = spark;
        this.root = root;
        this.acceptedRun = acceptedRun;
    }

    /** The metric tables that have history, alphabetically. */
    public List<String> tables() {
        try {
            List<String> out = new java.util.ArrayList<>();
            for (Location l : root.list()) {
                String n = l.name();
                if (!n.startsWith("_") && !n.startsWith(".") && l.isDirectory()) out.add(n);
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list metric history " + root, e);
        }
    }

    /** Every accepted run's rows of the table; as_of (date) and run_id (long) come from the folder names. */
    public Dataset<Row> all(String table) {
        Location dir = root.resolve(table);
        if (!isDirectory(dir)) throw new IllegalArgumentException("no history for metric table " + table);
        // Partition values are read as text and typed here, so "run_id=10" never sorts before "run_id=9".
        Dataset<Row> rows = spark.read().option("basePath", dir.sparkPath())
                .option("recursiveFileLookup", "false").parquet(dir.sparkPath())
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
    public java.util.SortedMap<java.time.LocalDate, Location> latestPartitionsPerAsOf(String table) {
        java.util.SortedMap<java.time.LocalDate, Location> latest = new java.util.TreeMap<>();
        Location dir = root.resolve(table);
        try {
            for (Location d : dir.list()) {
                if (!d.name().startsWith("as_of=")) continue;
                java.time.LocalDate asOf = java.time.LocalDate.parse(d.name().substring(6));
                long best = -1;
                for (Location r : d.list()) {
                    if (!r.name().matches("run_id=\\d+")) continue;
                    long id = Long.parseLong(r.name().substring(7));
                    if (id > best && acceptedRun.test(id)) best = id;
                }
                if (best >= 0) latest.put(asOf, d.resolve("run_id=" + best));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list metric history " + dir, e);
        }
        return latest;
    }

    private static boolean isDirectory(Location dir) {
        try {
            return dir.isDirectory();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read metric history " + dir, e);
        }
    }

    /** Per as-of date, the rows of its latest accepted run: one consistent value per period for trend charts. */
    public Dataset<Row> latestPerAsOf(String table) {
        Dataset<Row> all = all(table);
        Dataset<Row> latest = all.groupBy(col("as_of").as("_l_as_of")).agg(max("run_id").as("_l_run"));
        return all.join(latest, col("as_of").equalTo(col("_l_as_of")).and(col("run_id").equalTo(col("_l_run"))))
                .drop("_l_as_of", "_l_run").orderBy(col("as_of"));
    }
}
