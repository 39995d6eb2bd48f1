package org.glasshouse.nightly;

import org.glasshouse.publish.ReleasePublisher;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/** Makes the staged site a new release and switches the public entry point OUT/site to it, atomically. */
public class PublishTasklet implements Tasklet {

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        String releaseId = params.releaseId();
        new ReleasePublisher(paths.releases(), paths.site()).publish(paths.staging(), releaseId);
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("release", releaseId);
        chunkContext.getStepContext().getStepExecution().setWriteCount(1);
        return RepeatStatus.FINISHED;
    }
}
