package org.glasshouse.nightly;

import java.time.Clock;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.spark.SmallInputTuning;
import org.glasshouse.spark.SparkSessionProvider;
import org.glasshouse.validate.read.InputLimits;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: ingest → validate → feedback (private, per partner) → metrics → report → publish. Each step is one tasklet that does its row work
 * in Spark and leaves its output in the run's folder, so a restart skips completed steps and resumes at the
 * failed one with everything it needs on disk. Validate, feedback and metrics take an earlier completed run's outputs
 * when their inputs, code and settings (for feedback also what ingest refused, for metrics the as-of date) are
 * unchanged ({@link ReusingTasklet}); the report is always rebuilt (it names this release) but reuses the disclosure
 * control's outcome and the charts when their inputs are unchanged.
 */
@Configuration
public class NightlyJobConfig {

    public static final String JOB_NAME = "nightly";

    @Bean
    public IngestTasklet ingestTasklet(GlasshouseProperties props, org.glasshouse.ingest.IngestProperties ingest) {
        return new IngestTasklet(Clock.systemUTC(), props, ingest);
    }

    @Bean
    public ValidateTasklet validateTasklet(SparkSessionProvider spark, ContractCatalog contracts,
                                           GlasshouseProperties props, InputLimits limits,
                                           RunFingerprint fingerprint) {
        return new ValidateTasklet(spark, contracts, props, limits, fingerprint);
    }

    @Bean
    public FeedbackTasklet feedbackTasklet(SparkSessionProvider spark) {
        return new FeedbackTasklet(spark);
    }

    @Bean
    public MetricsTasklet metricsTasklet(SparkSessionProvider spark, GlasshouseProperties props) {
        return new MetricsTasklet(spark, props);
    }

    @Bean
    public ReportTasklet reportTasklet(GlasshouseProperties props,
                                       org.glasshouse.report.sdc.DisclosureSettings disclosure,
                                       org.glasshouse.report.PageSettings pages,
                                       org.glasshouse.release.standards.StandardsSettings standards,
                                       RunFingerprint fingerprint) {
        return new ReportTasklet(props, disclosure, pages, standards, fingerprint);
    }

    @Bean
    public PublishTasklet publishTasklet(GlasshouseProperties props,
                                         org.glasshouse.storage.StorageProperties storage,
                                         org.glasshouse.ops.RunLocks runLocks) {
        return new PublishTasklet(props, storage, runLocks);
    }

    @Bean
    public InputSizedSpark inputSizedSpark(SparkSessionProvider spark, GlasshouseProperties props) {
        return new InputSizedSpark(spark, new SmallInputTuning(props.getSpark().getSmallInputBytes()));
    }

    @Bean
    public SparkJobsPerStep sparkJobsPerStep(SparkSessionProvider spark) {
        return new SparkJobsPerStep(spark);
    }

    @Bean
    public RunFingerprint runFingerprint(ConfigurableEnvironment env) {
        return new RunFingerprint(env);
    }

    @Bean
    public Job nightlyJob(JobRepository repo, PlatformTransactionManager tx, JobExplorer explorer,
                          IngestTasklet ingest, ValidateTasklet validate, FeedbackTasklet feedback,
                          MetricsTasklet metrics,
                          ReportTasklet report, PublishTasklet publish, InputSizedSpark sized,
                          SparkJobsPerStep jobs, RunFingerprint fingerprint, GlasshouseProperties props) {
        return new JobBuilder(JOB_NAME, repo)
                .listener(new RunSummaryListener(explorer))
                .listener(new KeyCheckListener(props, Clock.systemUTC()))
                .start(step("ingest", ingest, repo, tx))
                .next(sparkStep("validate", new ReusingTasklet(validate, ReusableSteps.VALIDATE, fingerprint), repo,
                        tx, sized, jobs))
                .next(sparkStep("feedback", new ReusingTasklet(feedback, ReusableSteps.FEEDBACK, fingerprint), repo,
                        tx, sized, jobs))
                .next(sparkStep("metrics", new ReusingTasklet(metrics, ReusableSteps.METRICS, fingerprint), repo,
                        tx, sized, jobs))
                .next(step("report", report, repo, tx)) // reads small Parquet tables on the driver: no Spark
                .next(step("publish", publish, repo, tx))
                .build();
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repo, PlatformTransactionManager tx) {
        return new StepBuilder(name, repo).tasklet(tasklet, tx).listener(new StepCpuTime()).build();
    }

    private static Step sparkStep(String name, Tasklet tasklet, JobRepository repo, PlatformTransactionManager tx,
                                  InputSizedSpark sized, SparkJobsPerStep jobs) {
        return new StepBuilder(name, repo).tasklet(tasklet, tx).listener(sized).listener(jobs)
                .listener(new StepCpuTime()).build();
    }
}
