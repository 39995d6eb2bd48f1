package org.glasshouse.nightly;

import java.util.List;
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
        DataTable agreements = table(session, paths, asOf, PublicTables.AGREEMENT_METRICS, sdc, "agreement_id");
        DataTable programmes = table(session, paths, asOf, PublicTables.PROGRAMME_METRICS, sdc, "programme_id");
        DataTable impact = table(session, paths, asOf, PublicTables.IMPACT_ESTIMATES, sdc, "programme_id",
                "indicator_id", "method");
        var report = ReportAssembler.assemble(new ReportAssembler.Inputs(props.getReport().getTitle(),
                params.asOf(), params.runIdText(), props.getReportingCurrency(), sdc.k(), agreements, programmes,
                impact));
        ReleasePublisher.deleteTree(paths.staging());
        RenderedSite site = SiteRenderer.render(report, paths.staging());
        chunkContext.getStepContext().getStepExecution().setWriteCount(site.files().size());
        return RepeatStatus.FINISHED;
    }

    private static DataTable table(SparkSession session, RunPaths paths, String asOf, PublicTable spec,
                                   DisclosureControl sdc, String... orderBy) {
        List<Row> rows = session.read().parquet(paths.metricPartition(spec.name(), asOf).toString())
                .orderBy(orderBy[0], java.util.Arrays.copyOfRange(orderBy, 1, orderBy.length)).collectAsList();
        return sdc.apply(spec, spec.fromRows(rows));
    }
}
