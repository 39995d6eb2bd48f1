package org.glasshouse.nightly;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.glasshouse.feedback.FeedbackReport;
import org.glasshouse.feedback.FeedbackWriter;
import java.util.List;
import org.glasshouse.metrics.MetricCatalog;
import org.glasshouse.storage.Location;
import org.glasshouse.validate.ValidationReport;
import org.springframework.batch.core.StepExecution;

/** The outputs of the steps whose row work a later run can reuse ({@link ReusingTasklet}). */
public final class ReusableSteps {

    private ReusableSteps() {}

    private static List<Location> local(Path... paths) {
        return java.util.Arrays.stream(paths).map(Location::of).toList();
    }

    /** Curated, quarantine and findings Parquet and the row accounting: a function of the input set alone. */
    public static final ReusingTasklet.Outputs VALIDATE = new ReusingTasklet.Outputs() {
        @Override
        public String step() {
            return "validate";
        }

        @Override
        public String extra(NightlyParameters params) {
            return "";
        }

        @Override
        public List<Location> of(NightlyParameters params, RunPaths paths) {
            return List.of(paths.runData().resolve("curated"), paths.runData().resolve("quarantine"),
                    paths.findingsDir(), Location.of(paths.accountingFile()));
        }

        @Override
        public void count(StepExecution step, RunPaths paths) throws IOException {
            ValidationReport report = IngestTasklet.JSON.readValue(paths.accountingFile().toFile(),
                    ValidationReport.class);
            step.setReadCount(report.read());
            step.setWriteCount(report.accepted());
            step.setProcessSkipCount(report.quarantined());
        }
    };

    /**
     * Partner feedback: a function of the validated data and what ingest refused or noted. Reused, the CSVs are
     * links and each partner's HTML page is rendered again from the kept report with this run's id (no Spark).
     */
    public static final ReusingTasklet.Outputs FEEDBACK = new ReusingTasklet.Outputs() {
        @Override
        public String step() {
            return "feedback";
        }

        @Override
        public String extra(NightlyParameters params) {
            try {
                Path f = IngestTasklet.findingsFile(params.paths());
                return "ingest-findings=" + (Files.isRegularFile(f)
                        ? org.glasshouse.validate.units.FileUnits.sha256(Files.readString(f)) : "none");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public List<Location> of(NightlyParameters params, RunPaths paths) {
            return local(paths.feedbackDir(), FeedbackTasklet.reportsFile(paths));
        }

        @Override
        public void count(StepExecution step, RunPaths paths) throws IOException {
            List<FeedbackReport> reports = READER.readValue(FeedbackTasklet.reportsFile(paths).toFile(),
                    new com.fasterxml.jackson.core.type.TypeReference<List<FeedbackReport>>() {});
            for (FeedbackReport r : reports) {
                FeedbackWriter.writeHtml(paths.feedbackDir().resolve(FeedbackWriter.folder(r.partnerId())),
                        new FeedbackReport(r.partnerId(), paths.runId(), r.files(), r.rules(), r.rowsRead(),
                                r.rowsAccepted(), r.rowsQuarantined(), r.errors(), r.warnings()));
            }
            step.setWriteCount(reports.size());
            step.getExecutionContext().putString("feedback", paths.feedbackDir().toString());
        }
    };

    private static final com.fasterxml.jackson.databind.ObjectMapper READER = new com.fasterxml.jackson.databind.ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Every metric table's partition for the run's as-of date: a function of the validated data and the as-of. */
    public static final ReusingTasklet.Outputs METRICS = new ReusingTasklet.Outputs() {
        @Override
        public String step() {
            return "metrics";
        }

        @Override
        public String extra(NightlyParameters params) {
            return "as_of=" + params.asOf();
        }

        @Override
        public List<Location> of(NightlyParameters params, RunPaths paths) {
            return MetricCatalog.all().stream()
                    .map(t -> paths.metricPartition(t.name(), params.asOf().toString())).toList();
        }

        @Override
        public void count(StepExecution step, RunPaths paths) {
            step.setWriteCount(MetricCatalog.all().size());
        }
    };
}
