package org.glasshouse.ops;

import org.glasshouse.nightly.NightlyJobConfig;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.core.job.AbstractJob;
import org.springframework.batch.core.step.AbstractStep;
import org.springframework.batch.core.step.StepLocator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Gives every step of every job the operations listeners (progress, the graceful-stop safe point, failure
 * classification) and the nightly job its metrics export, as the job beans are created. Steps added to a job
 * later get them too, and no step's code or the job's definition has to know about operations.
 */
public final class OpsInstrumentation implements BeanPostProcessor {

    private final ObjectProvider<StepProgress> progress;
    private final ObjectProvider<RunMetricsListener> metrics;

    public OpsInstrumentation(ObjectProvider<StepProgress> progress, ObjectProvider<RunMetricsListener> metrics) {
        this.progress = progress;
        this.metrics = metrics;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job && bean instanceof StepLocator steps) {
            instrument(job, steps);
        }
        return bean;
    }

    private void instrument(AbstractJob job, StepLocator steps) {
        StepExecutionListener[] listeners = {progress.getObject(), new StopAtStepBoundary(GracefulStop.process()),
                new FailureRecorder()};
        for (String name : steps.getStepNames()) {
            if (steps.getStep(name) instanceof AbstractStep step) {
                for (StepExecutionListener l : listeners) step.registerStepExecutionListener(l);
            }
        }
        if (NightlyJobConfig.JOB_NAME.equals(((Job) job).getName())) {
            job.registerJobExecutionListener(metrics.getObject());
        }
    }
}
