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
    /** CPU time of the step's Spark tasks, in milliseconds (see {@link SparkJobCounter#taskCpuNanos}). */
    public static final String TASK_CPU_KEY = "spark_task_cpu_ms";
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
        long taskCpuMs = 0;
        if (c != null) {
            c.close();
            jobs = c.jobs();
            taskCpuMs = c.taskCpuNanos() / 1_000_000;
        }
        stepExecution.getExecutionContext().putInt(KEY, jobs);
        stepExecution.getExecutionContext().putLong(TASK_CPU_KEY, taskCpuMs);
        log.info("Step {}: {} Spark job(s), {} s of task CPU", stepExecution.getStepName(), jobs,
                String.format("%.1f", taskCpuMs / 1000.0));
        return stepExecution.getExitStatus();
    }
}
