package org.glasshouse.serve;

import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.cli.AnalystViews;
import org.glasshouse.nightly.CompletedRuns;
import org.glasshouse.nightly.RunPaths;
import org.glasshouse.serve.client.QueryFailed;

/**
 * The analyst views of one output folder, kept current: each refresh that finds a different set of completed runs
 * registers the views in a new Spark session (same SparkContext, own temporary views) and swaps it in, so queries
 * already running finish on the views they started with. Only runs whose summary says COMPLETED are read, and
 * nothing is locked or written under OUT, so a nightly in progress is never in the way.
 */
public final class ServedViews {

    /** The views of one set of completed runs, in their own session. */
    public record Snapshot(SparkSession session, long runId, TreeSet<Long> completed, List<String> views) {}

    private final SparkSession base;
    private final Path out;
    private volatile Snapshot current;

    private final boolean cacheMetrics;

    /** @param cacheMetrics keep the metric views in memory (serve: many queries per refresh) */
    public ServedViews(SparkSession base, Path out, boolean cacheMetrics) {
        this.base = base;
        this.out = out.toAbsolutePath().normalize();
        this.cacheMetrics = cacheMetrics;
    }

    public Path out() {
        return out;
    }

    /** Registers the views again if the completed runs changed; true when it did. */
    public synchronized boolean refresh() {
        TreeSet<Long> completed = CompletedRuns.ids(new RunPaths(out, "0").runsDir());
        Snapshot now = current;
        if (completed.isEmpty() || (now != null && now.completed().equals(completed))) return false;
        if (now != null) release(now);
        SparkSession session = base.newSession();
        QueryGuard.harden(session);
        List<String> views = AnalystViews.register(session, out, cacheMetrics);
        current = new Snapshot(session, completed.last(), completed, views);
        return true;
    }

    /** Frees the cached metric views of a snapshot being replaced (queries still on it read the Parquet again). */
    private static void release(Snapshot old) {
        for (String view : old.views()) {
            if (!view.startsWith("curated_")) {
                try {
                    old.session().table(view).unpersist(false);
                } catch (RuntimeException e) {
                    // already gone: nothing to free
                }
            }
        }
    }

    /** The views in use; fails with a clear reason while OUT has no completed run. */
    public Snapshot current() {
        Snapshot s = current;
        if (s == null) {
            throw new QueryFailed("no completed run under " + out + " yet: the views appear when a nightly completes");
        }
        return s;
    }

    /** The query as a Spark Dataset on the current views, once {@link QueryGuard} has accepted it. */
    public Dataset<Row> query(String sql) {
        Snapshot s = current();
        try {
            QueryGuard.check(s.session(), sql);
            return s.session().sql(sql);
        } catch (Exception e) {  // AnalysisException is checked in Java's eyes, though Spark never declares it
            throw QueryErrors.failed(e);
        }
    }
}
