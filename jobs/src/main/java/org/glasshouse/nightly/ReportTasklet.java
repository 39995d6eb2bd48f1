package org.glasshouse.nightly;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.util.ArrayList;
import org.apache.spark.sql.Row;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.metrics.MetricHistory;
import org.glasshouse.parquet.LocalParquet;
import org.glasshouse.parquet.SparkOrder;
import org.glasshouse.release.ChartCache;
import org.glasshouse.release.DisclosureOutcomeCache;
import org.glasshouse.release.ParquetCache;
import org.glasshouse.release.ParquetTableWriter;
import org.glasshouse.release.ReleaseBuilder;
import org.glasshouse.release.standards.StandardsSettings;
import org.glasshouse.report.Methodology;
import org.glasshouse.report.PageSettings;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.report.ReferenceTables;
import org.glasshouse.report.sdc.DisclosureSettings;
import org.glasshouse.reports.model.DataTable;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Builds this run's release in its private staging folder: every public table that exists (metric tables from the
 * metrics history, reference tables from the run's curated data), disclosure-controlled together, rendered as pages,
 * charts, PDF and open data. Metric and reference tables hold one row per agreement, partner or programme (reference-
 * data sized) and are read on the driver without Spark: the step starts no Spark job. The release is always built
 * anew (its pages, PDF and manifest name this run and release, and its changes page the release before it), but
 * the costly deterministic parts come from private caches when their inputs are unchanged: disclosure control's
 * outcome ({@link DisclosureOutcomeCache}), the charts ({@link ChartCache}) and the open-data Parquet files
 * ({@link ParquetCache}), under OUT/private/cache/.
 */
public class ReportTasklet implements Tasklet {

    public static final String DISCLOSURE_REUSED = "disclosure_reused";
    public static final String PARQUET_REUSED = "open_data_parquet_reused";
    public static final String CHARTS_REUSED = "charts_reused";
    public static final String CHARTS_DRAWN = "charts_drawn";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ReportTasklet.class);
    private final GlasshouseProperties props;
    private final DisclosureSettings disclosure;
    private final PageSettings pages;
    private final StandardsSettings standards;
    private final RunFingerprint fingerprint;

    public ReportTasklet(GlasshouseProperties props, DisclosureSettings disclosure, PageSettings pages,
                         StandardsSettings standards, RunFingerprint fingerprint) {
        this.props = props;
        this.disclosure = disclosure;
        this.pages = pages;
        this.standards = standards;
        this.fingerprint = fingerprint;
    }

    /** Private caches of the report's deterministic work, shared by the runs of one output folder. */
    static Path cacheDir(RunPaths paths, String what) {
        return paths.privateDir().resolve("cache").resolve(what);
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        String asOf = params.asOf().toString();
        Map<String, PublicTable> specs = new LinkedHashMap<>();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        for (PublicTable spec : PublicTables.all()) {
            org.glasshouse.storage.Location partition = paths.metricPartition(spec.name(), asOf);
            if (!partition.isDirectory()) continue; // a table this pipeline version does not compute
            specs.put(spec.name(), spec);
            tables.put(spec.name(), read(partition, spec));
        }
        for (PublicTable spec : ReferenceTables.all()) {
            org.glasshouse.storage.Location curated = paths.curated(spec.name());
            if (!curated.isDirectory()) continue;
            specs.put(spec.name(), spec);
            tables.put(spec.name(), read(curated, spec));
        }
        DataTable history = impactHistory(paths);
        ChartCache charts = new ChartCache(cacheDir(paths, "charts"), fingerprint.code());
        DisclosureOutcomeCache sdc = new DisclosureOutcomeCache(cacheDir(paths, "disclosure"), fingerprint.code());
        ParquetCache parquet = new ParquetCache(cacheDir(paths, "open-data"), fingerprint.code());
        Path previous = Files.isSymbolicLink(paths.site()) ? paths.site().toRealPath() : null;
        ReleaseBuilder.build(new ReleaseBuilder.Request(props.getReport().getTitle(), params.asOf(),
                params.runIdText(), params.releaseId(), props.getReportingCurrency(), specs, tables, history,
                Methodology.entries(props.getThresholds().toThresholds()), previous, paths.inputsFile(), props, pages,
                standards),
                disclosure, paths.staging(),
                new ParquetTableWriter(), new ReleaseBuilder.Caches(sdc, charts, parquet));
        charts.prune();
        parquet.prune();
        var step = chunkContext.getStepContext().getStepExecution();
        step.setWriteCount(tables.size());
        step.getExecutionContext().putInt(DISCLOSURE_REUSED, sdc.reused());
        step.getExecutionContext().putInt(PARQUET_REUSED, parquet.fetched());
        step.getExecutionContext().putInt(CHARTS_REUSED, charts.fetched());
        step.getExecutionContext().putInt(CHARTS_DRAWN, charts.kept());
        if (charts.fetched() + parquet.fetched() + sdc.reused() > 0) {
            log.info("Report: unchanged since an earlier build, reused: disclosure control {}, {} of {} chart(s), {} "
                    + "open-data Parquet file(s)", sdc.reused() > 0 ? "outcome" : "solved again", charts.fetched(),
                    charts.fetched() + charts.kept(), parquet.fetched());
        }
        return RepeatStatus.FINISHED;
    }

    /**
     * One public table's rows in its published order. The tables are small (one row per agreement, partner or
     * programme) and read on the driver without Spark, so the step runs no Spark job for them.
     */
    private DataTable read(org.glasshouse.storage.Location dir, PublicTable spec) throws IOException {
        List<Row> rows = new ArrayList<>(LocalParquet.readFolder(dir).rows());
        rows.sort(SparkOrder.by(spec.orderBy()));
        return spec.fromRows(rows);
    }

    /**
     * impact_estimates of every as-of date (the latest completed run of each, plus this run), for the trend charts
     * with confidence bands. Runs that failed never count.
     */
    private DataTable impactHistory(RunPaths paths) throws IOException {
        long me = Long.parseLong(paths.runId());
        var partitions = new MetricHistory(null, paths.history(),
                r -> r == me || RunSummaryListener.completed(paths.runsDir().resolve(Long.toString(r))))
                .latestPartitionsPerAsOf(PublicTables.IMPACT_ESTIMATES.name());
        if (partitions.isEmpty()) return null;
        List<String> order = new ArrayList<>(List.of("as_of"));
        order.addAll(PublicTables.IMPACT_ESTIMATES.orderBy());
        List<Row> rows = new ArrayList<>();
        for (org.glasshouse.storage.Location p : partitions.values()) rows.addAll(LocalParquet.readFolder(p).rows());
        rows.sort(SparkOrder.by(order));
        return PublicTables.IMPACT_ESTIMATES.fromRows(rows);
    }
}
