package org.glasshouse.nightly;

import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * Records the CPU time the whole process spent during each step (every thread: Spark's executors, the garbage
 * collector and the JIT included) in the step context as {@code cpu_ms}, with one log line. On a shared machine a
 * step's wall time says more about the neighbours than about the step; its CPU time is the comparable figure
 * (docs/benchmarks.md).
 */
public class StepCpuTime implements StepExecutionListener {

    public static final String KEY = "cpu_ms";
    private static final Logger log = LoggerFactory.getLogger(StepCpuTime.class);
    private long start = -1;

    @Override
    public void beforeStep(StepExecution stepExecution) {
        start = processCpuNanos();
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long now = processCpuNanos();
        if (start >= 0 && now >= 0) {
            long ms = (now - start) / 1_000_000;
            stepExecution.getExecutionContext().putLong(KEY, ms);
            log.info("Step {}: {} s of CPU", stepExecution.getStepName(), String.format("%.1f", ms / 1000.0));
        }
        start = -1;
        return stepExecution.getExitStatus();
    }

    /** The process's CPU time in nanoseconds, or -1 where the JVM does not report it. */
    static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
