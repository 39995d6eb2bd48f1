package org.glasshouse.nightly;

import java.util.List;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.ingest.LandedFile;
import org.glasshouse.spark.SparkSessionProvider;
import org.glasshouse.validate.DatasetValidator;
import org.glasshouse.validate.ValidationReport;
import org.glasshouse.validate.ValidationRun;
import org.glasshouse.validate.read.InputLimits;
import org.glasshouse.validate.units.FileUnits;
import org.glasshouse.validate.read.Pseudonymiser;
import org.glasshouse.validate.rules.SeverityPolicy;
import org.glasshouse.validate.rules.StandardChecks;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Validates the run's input set into curated, quarantine and findings Parquet, and checks row accounting. Results
 * are kept per landed file (private/validated/), so only new and changed files are read ({@link FileUnits}).
 */
public class ValidateTasklet implements Tasklet {

    private final SparkSessionProvider spark;
    private final ContractCatalog contracts;
    private final GlasshouseProperties props;
    private final InputLimits limits;
    private final RunFingerprint fingerprint;

    public ValidateTasklet(SparkSessionProvider spark, ContractCatalog contracts, GlasshouseProperties props,
                           InputLimits limits, RunFingerprint fingerprint) {
        this.fingerprint = fingerprint;
        this.spark = spark;
        this.contracts = contracts;
        this.props = props;
        this.limits = limits;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        List<LandedFile> active = IngestTasklet.activeInputs(paths.inputsFile());
        DatasetValidator validator = new DatasetValidator(spark.session(),
                StandardChecks.of(contracts, props.getValidation().getGraceDays()),
                new SeverityPolicy(props.getRules().getSeverity()),
                new Pseudonymiser(props.getPseudonymisation().getSecret()));
        ValidationReport report = new ValidationRun(spark.session(), contracts, validator,
                props.getReportingCurrency(), props.getValidation().getGraceDays(),
                props.getValidation().getParallelDatasets(), limits)
                .run(active, paths.landingZone(), d -> new DatasetValidator.Outputs(paths.curated(d), paths.quarantine(d),
                        paths.findingsDir().resolve(d)), new FileUnits(paths.validated(), fingerprint.codeAndSettings()));
        IngestTasklet.JSON.writerWithDefaultPrettyPrinter().writeValue(paths.accountingFile().toFile(), report);

        StepExecution step = chunkContext.getStepContext().getStepExecution();
        step.setReadCount(report.read());
        step.setWriteCount(report.accepted());
        step.setProcessSkipCount(report.quarantined());
        return RepeatStatus.FINISHED;
    }
}
