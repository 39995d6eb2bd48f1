package org.glasshouse.nightly;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.publish.ReleasePublisher;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.PublicTable;
import org.glasshouse.report.PublicTables;
import org.glasshouse.report.ReportAssembler;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.render.RenderedSite;
import org.glasshouse.reports.render.SiteRenderer;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Renders the public site for this run into the run's private staging folder. Metric tables hold one row per
 * agreement or programme (reference-data sized), so collecting them to the driver does not grow with the data.
 */
public class ReportTasklet implements Tasklet {

    private final SparkSessionProvider spark;
    private final GlasshouseProperties props;

    public ReportTasklet(SparkSessionProvider spark, GlasshouseProperties props) {
        this.spark = spark;
        this.props = props;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        SparkSession session = spark.session();
        DisclosureControl sdc = new DisclosureControl(props.getReport().getMinimumCellSize());
        String asOf = params.asOf().toString();
        Map<String, DataTable> tables = new LinkedHashMap<>();
        for (PublicTable spec : PublicTables.all()) tables.put(spec.name(), table(session, paths, asOf, spec, sdc));
        var report = ReportAssembler.assemble(new ReportAssembler.Inputs(props.getReport().getTitle(),
                params.asOf(), params.runIdText(), props.getReportingCurrency(), sdc.k(), tables));
        ReleasePublisher.deleteTree(paths.staging());
        RenderedSite site = SiteRenderer.render(report, paths.staging());
        chunkContext.getStepContext().getStepExecution().setWriteCount(site.files().size());
        return RepeatStatus.FINISHED;
    }

    private static DataTable table(SparkSession session, RunPaths paths, String asOf, PublicTable spec,
                                   DisclosureControl sdc) {
        List<Row> rows = session.read().parquet(paths.metricPartition(spec.name(), asOf).toString())
                .orderBy(spec.orderBy().stream().map(org.apache.spark.sql.functions::col)
                        .toArray(org.apache.spark.sql.Column[]::new)).collectAsList();
        return sdc.apply(spec, spec.fromRows(rows));
    }
}
