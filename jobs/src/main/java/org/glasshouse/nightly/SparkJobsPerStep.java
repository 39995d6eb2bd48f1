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
    private volatile StepExecution current;

    public SparkJobsPerStep(SparkSessionProvider spark) {
        this.spark = spark;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        current = stepExecution;
        // Counting starts with the session if the step starts it; a step that needs no Spark starts none.
        spark.whenStarted(session -> {
            if (current == stepExecution) counter = SparkJobCounter.start(session.sparkContext());
        });
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        current = null;
        SparkJobCounter c = counter;
        counter = null;
        int jobs = 0;
        if (c != null) {
            c.close();
            jobs = c.jobs();
        }
        stepExecution.getExecutionContext().putInt(KEY, jobs);
        log.info("Step {}: {} Spark job(s)", stepExecution.getStepName(), jobs);
        return stepExecution.getExitStatus();
    }
}
