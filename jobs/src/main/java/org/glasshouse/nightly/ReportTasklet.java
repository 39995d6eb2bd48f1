package org.glasshouse.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.metrics.MetricHistory;
import org.glasshouse.release.ParquetTableWriter;
import org.glasshouse.release.ReleaseBuilder;
import org.glasshouse.release.standards.StandardsSettings;
import org.glasshouse.report.Methodology;
import org.glasshouse.report.PageSettings;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.report.ReferenceTables;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Builds this run's release in its private staging folder: every public table that exists (metric tables from the
 * metrics history, reference tables from the run's curated data), disclosure-controlled together, rendered as pages,
 * charts, PDF and open data. Metric and reference tables hold one row per agreement, partner or programme (reference-
 * data sized), so collecting them to the driver does not grow with the data.
 */
public class ReportTasklet implements Tasklet {

    private final SparkSessionProvider spark;
    private final GlasshouseProperties props;
    private final PageSettings pages;
    private final StandardsSettings standards;

    public ReportTasklet(SparkSessionProvider spark, GlasshouseProperties props, PageSettings pages,
                         StandardsSettings standards) {
        this.spark = spark;
        this.props = props;
        this.pages = pages;
        this.standards = standards;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        SparkSession session = spark.session();
        String asOf = params.asOf().toString();
        Map<String, PublicTable> specs = new LinkedHashMap<>();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        for (PublicTable spec : PublicTables.all()) {
            Path partition = paths.metricPartition(spec.name(), asOf);
            if (!Files.isDirectory(partition)) continue; // a table this pipeline version does not compute
            specs.put(spec.name(), spec);
            tables.put(spec.name(), collect(session.read().parquet(partition.toString()), spec));
        }
        for (PublicTable spec : ReferenceTables.all()) {
            Path curated = paths.curated(spec.name());
            if (!Files.isDirectory(curated)) continue;
            specs.put(spec.name(), spec);
            tables.put(spec.name(), collect(session.read().parquet(curated.toString()), spec));
        }
        DataTable history = impactHistory(session, paths);
        Path previous = Files.isSymbolicLink(paths.site()) ? paths.site().toRealPath() : null;
        ReleaseBuilder.build(new ReleaseBuilder.Request(props.getReport().getTitle(), params.asOf(),
                params.runIdText(), params.releaseId(), props.getReportingCurrency(), specs, tables, history,
                Methodology.entries(props.getThresholds().toThresholds()), previous, paths.inputsFile(), props, pages,
                standards), paths.staging(),
                new ParquetTableWriter(session));
        chunkContext.getStepContext().getStepExecution().setWriteCount(tables.size());
        return RepeatStatus.FINISHED;
    }

    private static DataTable collect(Dataset<Row> df, PublicTable spec) {
        List<Row> rows = df.orderBy(spec.orderBy().stream().map(functions::col).toArray(Column[]::new))
                .collectAsList();
        return spec.fromRows(rows);
    }

    /**
     * impact_estimates of every as-of date (the latest completed run of each, plus this run), for the trend charts
     * with confidence bands. Runs that failed never count.
     */
    private static DataTable impactHistory(SparkSession session, RunPaths paths) {
        Path root = paths.metricsHistory().resolve(PublicTables.IMPACT_ESTIMATES.name());
        if (!Files.isDirectory(root)) return null;
        long me = Long.parseLong(paths.runId());
        Dataset<Row> rows = new MetricHistory(session, paths.metricsHistory(),
                r -> r == me || RunSummaryListener.completed(paths.runsDir().resolve(Long.toString(r))))
                .latestPerAsOf(PublicTables.IMPACT_ESTIMATES.name()).drop("run_id");
        List<String> order = new java.util.ArrayList<>(List.of("as_of"));
        order.addAll(PublicTables.IMPACT_ESTIMATES.orderBy());
        return PublicTables.IMPACT_ESTIMATES.fromRows(
                rows.orderBy(order.stream().map(functions::col).toArray(Column[]::new)).collectAsList());
    }
}
