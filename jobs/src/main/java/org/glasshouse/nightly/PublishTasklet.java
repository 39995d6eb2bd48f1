package org.glasshouse.nightly;

import org.glasshouse.publish.ReleasePublisher;
import org.springframework.batch.core.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.repeat.RepeatStatus;

/**
 * Makes the staged site a new release and switches the public entry point OUT/site to it, atomically; then pushes
 * it to a release store on HDFS/S3 (glasshouse.storage.publish-uri) and a CKAN portal when they are configured.
 */
public class PublishTasklet implements Tasklet {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PublishTasklet.class);
    private final org.glasshouse.config.GlasshouseProperties props;
    private final org.glasshouse.storage.StorageProperties storage;
    private final org.glasshouse.ops.RunLocks runLocks;

    public PublishTasklet(org.glasshouse.config.GlasshouseProperties props,
                          org.glasshouse.storage.StorageProperties storage, org.glasshouse.ops.RunLocks runLocks) {
        this.props = props;
        this.storage = storage;
        this.runLocks = runLocks;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        NightlyParameters params = NightlyParameters.from(chunkContext);
        RunPaths paths = params.paths();
        String releaseId = params.releaseId();
        // Both pointers move only while this process still holds the run lock (its fence in the job repository, in
        // database mode): a run whose lock was taken after it stopped heartbeating publishes nothing.
        java.nio.file.Path release = runLocks.fenced(() -> {
            java.nio.file.Path r = new ReleasePublisher(paths.releases(), paths.site(), stage -> {
                // the release copied, not yet checksummed, verified or switched to
                if (stage == ReleasePublisher.Stage.COPIED) org.glasshouse.CrashPoint.reach("publish");
            }).publish(paths.staging(), releaseId);
            if (storage.publishes()) {
                // The verified local release is copied to the release store; its pointer moves only after the copy
                // is read back and verified. A failure fails the step (the store keeps serving the previous release)
                // and a restart retries the copy.
                org.glasshouse.storage.FileSystemReleasePublisher.publish(storage, r, releaseId);
            }
            return r;
        });
        var publish = props.getPublish();
        if (!publish.getCkanUrl().isBlank()) {
            // The local release is already live; a portal outage fails the step (so operations see it and a restart
            // retries the push) but never touches the published site.
            String token = System.getenv(publish.getCkanTokenEnv());
            if (token == null || token.isBlank()) {
                throw new IllegalStateException("glasshouse.publish.ckan-url is set but environment variable "
                        + publish.getCkanTokenEnv() + " holding the API token is empty");
            }
            new org.glasshouse.publish.CkanPublisher(publish.getCkanUrl(), token, publish.getCkanDataset(),
                    props.getRelease().getBaseUrl()).push(release, releaseId);
            log.info("Release {} pushed to CKAN at {}", releaseId, publish.getCkanUrl());
        }
        chunkContext.getStepContext().getStepExecution().getExecutionContext().putString("release", releaseId);
        chunkContext.getStepContext().getStepExecution().setWriteCount(1);
        return RepeatStatus.FINISHED;
    }
}
