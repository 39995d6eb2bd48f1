package org.glasshouse.nightly;

import org.glasshouse.spark.SparkJobCounter;
import org.glasshouse.spark.SparkSessionProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Records how many Spark jobs each Spark step started (step execution context {@code spark_jobs}, and one log line):
 * the count, not the rows, sets the time of a small run, so it is the figure benchmarks compare.
 */
public class SparkJobsPerStep implements StepExecutionListener {

    public static final String KEY = "spark_jobs";
    private static final Logger log = LoggerFactory.getLogger(SparkJobsPerStep.class);

    private final SparkSessionProvider spark;
    private volatile SparkJobCounter counter;

    public SparkJobsPerStep(SparkSessionProvider spark) {
        this.spark = spark;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        counter = null;
        // Counting starts with the session: a step that reuses its outputs never starts Spark (0 jobs).
        spark.whenStarted(KEY, session -> counter = SparkJobCounter.start(session.sparkContext()));
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        spark.cancel(KEY);
        int jobs = 0;
        if (counter != null) {
            counter.close();
            jobs = counter.jobs();
            counter = null;
        }
        stepExecution.getExecutionContext().putInt(KEY, jobs);
        log.info("Step {}: {} Spark job(s)", stepExecution.getStepName(), jobs);
        return stepExecution.getExitStatus();
    }
}
