package org.glasshouse.serve;

import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.serve.client.BatchSink;
import org.glasshouse.serve.client.QueryBackend;
import org.glasshouse.cli.UsageException;

/** Analysts' SQL on a Spark session in this JVM (when serve is not running): the same views, guard and Arrow. */
public final class LocalQueries implements QueryBackend {

    private final ServedViews views;
    private final BufferAllocator allocator = new RootAllocator();

    private LocalQueries(ServedViews views) {
        this.views = views;
    }

    /** Registers the views of OUT's completed runs; fails when there is none. */
    public static LocalQueries open(SparkSession spark, Path out) {
        ServedViews views = new ServedViews(spark, out, false);
        if (!views.refresh()) {
            throw new UsageException("no completed run under " + out + ": run 'glasshouse nightly --out " + out
                    + "' first");
        }
        return new LocalQueries(views);
    }

    @Override
    public void query(String sql, int maxRows, BatchSink sink) {
        Dataset<Row> result = views.query(sql);
        try {
            SparkArrow.stream(maxRows >= 0 ? result.limit(maxRows) : result, allocator, sink);
        } catch (Exception e) {
            throw QueryErrors.failed(e);
        }
    }

    @Override
    public Schema schema(String sql) {
        try {
            return SparkArrow.schema(views.query(sql));
        } catch (Exception e) {
            throw QueryErrors.failed(e);
        }
    }

    @Override
    public List<String> views() {
        return views.current().views().stream().sorted().toList();
    }

    @Override
    public String description() {
        return "a local Spark session (run " + views.current().runId() + " of " + views.out() + ")";
    }

    @Override
    public void close() {
        allocator.close();
    }
}
