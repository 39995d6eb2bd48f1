package org.glasshouse.metrics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SaveMode;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.storage.Location;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes every metric table for one as-of date and writes each to its own Parquet folder. The row work is a few
 * fused scans ({@link DeliveryFacts}, {@link TransactionFacts}, outcomes, results) kept for the step; every table
 * bounded by the reference data is then finished from those small aggregates, collected once and written on the
 * driver ({@link LocalParquet}), so a table costs at most one small Spark job instead of a scan, a shuffle and a
 * write job of its own. Joins between the small aggregates are planned as shuffles inside that one job rather than
 * as broadcasts (each broadcast is a Spark job of its own); joins that carry a broadcast hint keep it.
 */
public final class MetricsRun {

    private static final Logger log = LoggerFactory.getLogger(MetricsRun.class);
    private static final String BROADCAST_THRESHOLD = "spark.sql.autoBroadcastJoinThreshold";

    private MetricsRun() {}

    public static int run(MetricInputs inputs, List<MetricTable> tables, Function<String, Location> target) {
        MetricInputs in = inputs.keepingIntermediates();
        RuntimeConfig conf = in.partners().sparkSession().conf();
        String threshold = conf.contains(BROADCAST_THRESHOLD) ? conf.get(BROADCAST_THRESHOLD) : null;
        conf.set(BROADCAST_THRESHOLD, "-1");
        try {
            for (MetricTable t : tables) {
                long started = System.nanoTime();
                Location dir = target.apply(t.name());
                Dataset<Row> table = t.compute(in);
                if (t.bounded()) {
                    // Overwrites only this run's own partition: a restarted step recomputes it whole.
                    LocalParquet.writeFolder(table.schema(), table.collectAsList(), dir);
                } else {
                    table.coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir.sparkPath());
                }
                log.info("Metric table {} written ({} ms)", t.name(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write metric tables", e);
        } finally {
            if (threshold == null) conf.unset(BROADCAST_THRESHOLD);
            else conf.set(BROADCAST_THRESHOLD, threshold);
            in.release();
        }
        return tables.size();
    }
}
