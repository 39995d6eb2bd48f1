package org.glasshouse.nightly;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.feedback.FeedbackRows;
import org.glasshouse.feedback.FeedbackWriter;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.spark.SparkSessionProvider;
import org.glasshouse.validate.ValidationReport;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Writes every partner's private feedback (feedback.csv and feedback.html) for the run from the validate step's
 * findings Parquet and accounting, under OUT/private/feedback/<run-id>/<partner_id>/.
 */
public class FeedbackTasklet implements Tasklet {

    private final SparkSessionProvider spark;

    public FeedbackTasklet(SparkSessionProvider spark) {
        this.spark = spark;
    }

    /** The partners' reports of a run (private), from which a later run with the same findings renders its HTML. */
    static Path reportsFile(RunPaths paths) {
        return paths.runDir().resolve("feedback-reports.json");
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        RunPaths paths = NightlyParameters.from(chunkContext).paths();
        List<LandedFile> active = IngestTasklet.activeInputs(paths.inputsFile());
        ValidationReport report = IngestTasklet.JSON.readValue(paths.accountingFile().toFile(), ValidationReport.class);
        Map<String, FeedbackRows.FileInfo> files = FeedbackFiles.of(active);
        // What ingest refused (links, pipes, unknown names, failed downloads) reaches the partner too.
        report = IngestFeedback.merge(report, IngestTasklet.findings(paths), files);
        var rows = FeedbackRows.of(spark.session(), paths.findingsDir(), ContractCatalog.DATASETS,
                report.fileFindings(), files);
        // Spark's CSV goes where the driver can read what the executors wrote: beside the final file when the curated
        // data is local (a shared disk), else a scratch folder of the run on the curated store.
        FeedbackWriter writer = new FeedbackWriter(paths.feedbackDir(), paths.runId(),
                paths.curatedRoot().isLocal() ? null : paths.runData().resolve("tmp", "feedback"));
        Map<String, ?> written = writer.write(rows, report.files());
        IngestTasklet.JSON.writerWithDefaultPrettyPrinter().writeValue(reportsFile(paths).toFile(),
                List.copyOf(writer.reports().values()));
        var step = chunkContext.getStepContext().getStepExecution();
        step.setWriteCount(written.size());
        step.getExecutionContext().putString("feedback", paths.feedbackDir().toString());
        return RepeatStatus.FINISHED;
    }
}
