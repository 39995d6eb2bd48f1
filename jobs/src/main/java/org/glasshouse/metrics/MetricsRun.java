package org.glasshouse.metrics;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.SaveMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Computes every metric table for one as-of date and writes each to its own Parquet folder. */
public final class MetricsRun {

    private static final Logger log = LoggerFactory.getLogger(MetricsRun.class);

    private MetricsRun() {}

    public static int run(MetricInputs inputs, List<MetricTable> tables, Function<String, Path> target) {
        MetricInputs in = inputs.persisted();
        try {
            for (MetricTable t : tables) {
                long started = System.nanoTime();
                // Overwrite only this run's own partition: a restarted step recomputes it whole.
                t.compute(in).coalesce(1).write().mode(SaveMode.Overwrite).parquet(target.apply(t.name()).toString());
                log.info("Metric table {} written ({} ms)", t.name(), (System.nanoTime() - started) / 1_000_000);
            }
        } finally {
            in.release();
        }
        return tables.size();
    }
}
