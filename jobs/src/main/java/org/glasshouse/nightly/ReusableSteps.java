package org.glasshouse.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
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
