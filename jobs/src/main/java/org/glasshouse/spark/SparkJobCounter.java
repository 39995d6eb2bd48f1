package org.glasshouse.spark;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Counts the Spark jobs started while it is registered. Each job has a fixed cost (planning, scheduling, task
 * serialisation) that dominates small runs, so the count per step is the first figure to watch (docs/benchmarks.md).
 * Also sums the CPU time of the tasks that ended (running them and deserialising them): the row work alone, without
 * the driver's planning or the JIT compiler, whose share of a step's process CPU varies from run to run.
 */
public final class SparkJobCounter extends SparkListener implements AutoCloseable {

    private final SparkContext context;
    private final AtomicInteger jobs = new AtomicInteger();
    private final AtomicLong taskCpuNanos = new AtomicLong();

    private SparkJobCounter(SparkContext context) {
        this.context = context;
    }

    /** Starts counting the jobs of this context. */
    public static SparkJobCounter start(SparkContext context) {
        SparkJobCounter c = new SparkJobCounter(context);
        context.addSparkListener(c);
        return c;
    }

    @Override
    public void onJobStart(SparkListenerJobStart jobStart) {
        jobs.incrementAndGet();
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd taskEnd) {
        if (taskEnd.taskMetrics() != null) {
            taskCpuNanos.addAndGet(taskEnd.taskMetrics().executorCpuTime()
                    + taskEnd.taskMetrics().executorDeserializeCpuTime());
        }
    }

    /** CPU time of the tasks that ended so far, in nanoseconds (read after the work, like {@link #jobs}). */
    public long taskCpuNanos() {
        return taskCpuNanos.get();
    }

    /**
     * Jobs started so far. Listener events arrive asynchronously; callers that need an exact figure read it after
     * the work (the bus is drained within milliseconds on a local run).
     */
    public int jobs() {
        return jobs.get();
    }

    @Override
    public void close() {
        context.removeSparkListener(this);
    }
}
