package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.metrics.MetricCatalog;
import org.glasshouse.metrics.MetricInputs;
import org.glasshouse.metrics.MetricsRun;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** Computes the metric tables from the run's curated data into the metric history, keyed by as-of and run. */
public class MetricsTasklet implements Tasklet {

    private final SparkSessionProvider spark;
    private final GlasshouseProperties props;

    public MetricsTasklet(SparkSessionProvider spark, GlasshouseProperties props) {
        this.spark = spark;
        this.props = props;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        SparkSession session = spark.session();
        MetricInputs inputs = MetricInputs.of(params.asOf(), props.getReportingCurrency(),
                d -> curated(session, paths.curated(d)))
                .withThresholds(props.getThresholds().toThresholds())
                .withQuality(QualityInputsLoader.load(session, paths));
        int[] started = {0};
        int tables = MetricsRun.run(inputs, MetricCatalog.all(), t -> {
            if (started[0]++ == 1) org.glasshouse.CrashPoint.reach("metrics"); // one table written, the rest not
            return paths.metricPartition(t, params.asOf().toString());
        });
        chunkContext.getStepContext().getStepExecution().setWriteCount(tables);
        return RepeatStatus.FINISHED;
    }

    /** A curated table, its schema read from a Parquet footer (no Spark job to infer it). */
    static Dataset<Row> curated(SparkSession session, org.glasshouse.storage.Location dir) {
        try {
            return LocalParquet.sparkRead(session, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read curated table " + dir, e);
        }
    }
}
