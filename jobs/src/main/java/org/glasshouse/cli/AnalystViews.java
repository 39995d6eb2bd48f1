package org.glasshouse.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.metrics.MetricHistory;
import org.glasshouse.nightly.CompletedRuns;
import org.glasshouse.nightly.RunPaths;

/**
 * The SQL views analysts query (documented in docs/sql.md):
 * <ul>
 *   <li>{@code curated_<dataset>}: the curated rows of the latest completed run (e.g. curated_services);</li>
 *   <li>{@code metrics_<table>}: every completed run's rows of a metric table, with as_of and run_id;</li>
 *   <li>{@code latest_<table>}: the latest completed run's rows of each as-of date (trend series).</li>
 * </ul>
 */
public final class AnalystViews {

    private AnalystViews() {}

    /** Registers the views and returns their names; fails when OUT has no completed run. */
    public static List<String> register(SparkSession spark, Path out) {
        return register(spark, out, false);
    }

    /**
     * As {@link #register(SparkSession, Path)}; with cacheMetrics, the metric views are computed once and kept in
     * memory (they are small aggregates and the latest_ views join the history: serve answers them in milliseconds
     * instead of re-reading every run's partition for each query).
     */
    public static List<String> register(SparkSession spark, Path out, boolean cacheMetrics) {
        Path runsDir = new RunPaths(out, "0").runsDir();
        TreeSet<Long> completed = CompletedRuns.ids(runsDir);
        if (completed.isEmpty()) {
            throw new UsageException("no completed run under " + out + ": run 'glasshouse nightly --out " + out + "' first");
        }
        RunPaths latest = new RunPaths(out, Long.toString(completed.last()),
                org.glasshouse.storage.HadoopStores.historyStore(), null,
                org.glasshouse.storage.HadoopStores.curatedStore());
        List<String> views = new ArrayList<>();
        org.glasshouse.storage.Location curated = latest.runData().resolve("curated");
        for (String dataset : folders(curated)) {
            String view = "curated_" + dataset;
            spark.read().parquet(curated.resolve(dataset).sparkPath()).createOrReplaceTempView(view);
            views.add(view);
        }
        MetricHistory history = new MetricHistory(spark, latest.history(), completed::contains);
        for (String table : history.tables()) {
            Dataset<Row> all = history.all(table);
            Dataset<Row> latestRows = history.latestPerAsOf(table);
            if (cacheMetrics) {
                all = all.cache();
                all.count();
                latestRows = latestRows.cache();
                latestRows.count();
            }
            all.createOrReplaceTempView("metrics_" + table);
            latestRows.createOrReplaceTempView("latest_" + table);
            views.add("metrics_" + table);
            views.add("latest_" + table);
        }
        return views;
    }

    /** The sub-folders of a folder on any store, by name; none when it does not exist. */
    static List<String> folders(org.glasshouse.storage.Location dir) {
        try {
            java.util.Optional<Path> local = dir.local();
            if (local.isPresent()) return folders(local.get());
            List<String> out = new ArrayList<>();
            for (org.glasshouse.storage.Location l : dir.list()) if (l.isDirectory()) out.add(l.name());
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> folders(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
