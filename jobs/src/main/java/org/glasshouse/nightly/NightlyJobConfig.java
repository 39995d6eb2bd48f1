package org.glasshouse.nightly;

import java.time.Clock;
import org.glasshouse.config.GlasshouseProperties;
import org.glasshouse.contract.ContractCatalog;
import org.glasshouse.spark.SparkSessionProvider;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.Step;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.builder.StepBuilder;
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
    public Job nightlyJob(JobRepository repo, PlatformTransactionManager tx, SparkSessionProvider spark,
                          ContractCatalog contracts, GlasshouseProperties props, JobExplorer explorer) {
        return new JobBuilder(JOB_NAME, repo)
                .listener(new RunSummaryListener(explorer))
                .start(step("ingest", new IngestTasklet(Clock.systemUTC(), props), repo, tx))
                .next(step("validate", new ValidateTasklet(spark, contracts, props), repo, tx))
                .next(step("feedback", new FeedbackTasklet(spark), repo, tx))
                .next(step("metrics", new MetricsTasklet(spark, props), repo, tx))
                .next(step("report", new ReportTasklet(spark, props), repo, tx))
                .next(step("publish", new PublishTasklet(), repo, tx))
                .build();
    }

    private static Step step(String name, org.springframework.batch.core.step.tasklet.Tasklet tasklet,
                             JobRepository repo, PlatformTransactionManager tx) {
        return new StepBuilder(name, repo).tasklet(tasklet, tx).build();
    }
}
