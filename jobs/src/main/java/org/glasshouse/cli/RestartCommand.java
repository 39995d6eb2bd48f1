package org.glasshouse.cli;

import java.nio.file.Path;
import org.glasshouse.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;

/** {@code restart [--out DIR]}: resumes the last failed run at the step that failed. */
public final class RestartCommand {

    private RestartCommand() {}

    public static int run(ConfigurableApplicationContext ctx, Path out) throws Exception {
        JobRuns runs = new JobRuns(ctx);
        try (RunLock lock = RunLock.tryAcquire(JobRuns.lockFile(out))) {
            if (lock == null) {
                System.err.println("A Glasshouse run is in progress on " + out + "; wait for it to end.");
                return 3;
            }
            runs.recoverStale();
            JobExecution failed = runs.lastFailed();
            if (failed == null) {
                System.out.println("No failed run to restart: the latest run did not fail.");
                return 0;
            }
            String step = failed.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                    .map(s -> s.getStepName()).findFirst().orElse("?");
            System.out.println("Restarting run " + failed.getJobParameters().getLong(NightlyParameters.RUN_ID)
                    + " at step " + step);
            JobExecution e = runs.launch(failed.getJobParameters());
            return e.getStatus() == BatchStatus.COMPLETED ? 0 : 1;
        }
    }
}
