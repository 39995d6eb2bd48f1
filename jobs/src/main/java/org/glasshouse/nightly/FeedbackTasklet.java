package org.glasshouse.nightly;

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
        java.nio.file.Files.createDirectories(paths.feedbackDir()); // exists even with no partner: a reusable output
        Map<String, ?> written = new FeedbackWriter(paths.feedbackDir(), paths.runId()).write(rows, report.files());
        var step = chunkContext.getStepContext().getStepExecution();
        step.setWriteCount(written.size());
        step.getExecutionContext().putString("feedback", paths.feedbackDir().toString());
        return RepeatStatus.FINISHED;
    }
}
