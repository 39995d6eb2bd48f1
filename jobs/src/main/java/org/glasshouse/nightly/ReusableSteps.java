package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.glasshouse.metrics.MetricCatalog;
import org.glasshouse.validate.ValidationReport;
import org.springframework.batch.core.StepExecution;

/** The outputs of the steps whose row work a later run can reuse ({@link ReusingTasklet}). */
public final class ReusableSteps {

    private ReusableSteps() {}

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
        public List<Path> of(NightlyParameters params, RunPaths paths) {
            return List.of(paths.runDir().resolve("curated"), paths.runDir().resolve("quarantine"),
                    paths.findingsDir(), paths.accountingFile());
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
     * Each partner's private feedback: a function of the validated data (the input set) and of what ingest refused
     * this run (ingest-findings.json: links, pipes, failed downloads are not in the input set, so they are part of
     * the key). Reused files are the earlier run's, unchanged: they name the run that checked the rows.
     */
    public static final ReusingTasklet.Outputs FEEDBACK = new ReusingTasklet.Outputs() {
        @Override
        public String step() {
            return "feedback";
        }

        @Override
        public String extra(NightlyParameters params) {
            Path refused = IngestTasklet.findingsFile(params.paths());
            try {
                return "ingest-findings=" + (Files.isRegularFile(refused)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(Files.readAllBytes(refused))) : "none");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + refused, e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public List<Path> of(NightlyParameters params, RunPaths paths) {
            return List.of(paths.feedbackDir());
        }

        @Override
        public void count(StepExecution step, RunPaths paths) throws IOException {
            try (Stream<Path> partners = Files.list(paths.feedbackDir())) {
                step.setWriteCount(partners.filter(Files::isDirectory).count());
            }
            step.getExecutionContext().putString("feedback", paths.feedbackDir().toString());
        }
    };

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
        public List<Path> of(NightlyParameters params, RunPaths paths) {
            return MetricCatalog.all().stream()
                    .map(t -> paths.metricPartition(t.name(), params.asOf().toString())).toList();
        }

        @Override
        public void count(StepExecution step, RunPaths paths) {
            step.setWriteCount(MetricCatalog.all().size());
        }
    };
}
