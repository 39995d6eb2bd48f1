package org.glasshouse.nightly;

import java.time.Clock;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.spark.SmallInputTuning;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly job: ingest → validate → feedback (private, per partner) → metrics → report → publish. Each step is one tasklet that does its row work
 * in Spark and leaves its output in the run's folder, so a restart skips completed steps and resumes at the
 * failed one with everything it needs on disk.
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
                                           GlasshouseProperties props) {
        return new ValidateTasklet(spark, contracts, props);
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
    public ReportTasklet reportTasklet(SparkSessionProvider spark, GlasshouseProperties props) {
        return new ReportTasklet(spark, props);
    }

    @Bean
    public PublishTasklet publishTasklet(GlasshouseProperties props) {
        return new PublishTasklet(props);
    }

    @Bean
    public InputSizedSpark inputSizedSpark(SparkSessionProvider spark, GlasshouseProperties props) {
        return new InputSizedSpark(spark, new SmallInputTuning(props.getSpark().getSmallInputBytes()));
    }

    @Bean
    public Job nightlyJob(JobRepository repo, PlatformTransactionManager tx, JobExplorer explorer,
                          IngestTasklet ingest, ValidateTasklet validate, FeedbackTasklet feedback,
                          MetricsTasklet metrics,
                          ReportTasklet report, PublishTasklet publish, InputSizedSpark sized,
                          GlasshouseProperties props) {
        return new JobBuilder(JOB_NAME, repo)
                .listener(new RunSummaryListener(explorer))
                .listener(new KeyCheckListener(props, Clock.systemUTC()))
                .start(step("ingest", ingest, repo, tx))
                .next(sparkStep("validate", validate, repo, tx, sized))
                .next(sparkStep("feedback", feedback, repo, tx, sized))
                .next(sparkStep("metrics", metrics, repo, tx, sized))
                .next(sparkStep("report", report, repo, tx, sized))
                .next(step("publish", publish, repo, tx))
                .build();
    }

    private static Step step(String name, Tasklet tasklet, JobRepository repo, PlatformTransactionManager tx) {
        return new StepBuilder(name, repo).tasklet(tasklet, tx).build();
    }

    private static Step sparkStep(String name, Tasklet tasklet, JobRepository repo, PlatformTransactionManager tx,
                                  InputSizedSpark sized) {
        return new StepBuilder(name, repo).tasklet(tasklet, tx).listener(sized).build();
    }
}
