package org.glasshouse.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;

/**
 * The safe point of a graceful stop: once a stop is requested, the next step is marked terminate-only before its
 * work starts, so Spring Batch ends it (and the run) STOPPED and a restart begins with that step. Stopping through
 * JobOperator.stop instead would mark the step in progress STOPPED after its one long chunk, throwing its work away.
 */
public final class StopAtStepBoundary implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger(StopAtStepBoundary.class);
    private final GracefulStop stop;

    public StopAtStepBoundary(GracefulStop stop) {
        this.stop = stop;
    }

    @Override
    public void beforeStep(StepExecution step) {
        if (stop.requested()) {
            log.warn("Stopping before step {}: a stop was requested. 'glasshouse restart' resumes the run here.",
                    step.getStepName());
            step.setTerminateOnly();
        }
    }
}
