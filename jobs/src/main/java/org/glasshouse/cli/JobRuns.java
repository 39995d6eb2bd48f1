package org.glasshouse.cli;

import java.nio.file.Path;
import java.util.List;
import org.glasshouse.nightly.NightlyJobConfig;
import org.glasshouse.nightly.NightlyParameters;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.Job;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.JobParameters;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationContext;

/** Launching, restarting and listing nightly runs, always under the run lock. */
public final class JobRuns {

    private final JobExplorer explorer;
    private final JobRepository repository;
    private final JobLauncher launcher;
    private final Job job;

    public JobRuns(ApplicationContext ctx) {
        this.explorer = ctx.getBean(JobExplorer.class);
        this.repository = ctx.getBean(JobRepository.class);
        this.launcher = ctx.getBean(JobLauncher.class);
        this.job = ctx.getBean(NightlyJobConfig.JOB_NAME + "Job", Job.class);
    }

    public JobExplorer explorer() {
        return explorer;
    }

    /** The next run id: one more than the newest run's. */
    public long nextRunId() {
        List<JobInstance> last = explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, 1);
        if (last.isEmpty()) return 1;
        long max = 0;
        for (JobExecution e : explorer.getJobExecutions(last.get(0))) {
            Long id = e.getJobParameters().getLong(NightlyParameters.RUN_ID);
            if (id != null) max = Math.max(max, id);
        }
        return max + 1;
    }

    public JobExecution launch(JobParameters params) throws Exception {
        return launcher.run(job, params);
    }

    public List<JobExecution> recoverStale() {
        return StaleRuns.markFailed(explorer, repository, NightlyJobConfig.JOB_NAME);
    }

    /** The newest execution if it failed (or was stopped), else null: only the latest run is restartable. */
    public JobExecution lastFailed() {
        List<JobInstance> last = explorer.getJobInstances(NightlyJobConfig.JOB_NAME, 0, 1);
        if (last.isEmpty()) return null;
        JobExecution newest = explorer.getLastJobExecution(last.get(0));
        if (newest == null) return null;
        BatchStatus s = newest.getStatus();
        return s == BatchStatus.FAILED || s == BatchStatus.STOPPED ? newest : null;
    }

    public static Path lockFile(Path out) {
        return out.toAbsolutePath().normalize().resolve("private").resolve("glasshouse.lock");
    }

    /** How long a run waits for a reader ({@code status}) to let go of the job repository. */
    static final java.time.Duration REPOSITORY_WAIT = java.time.Duration.ofSeconds(60);

    /** Work that needs the run lock and the job repository to itself. */
    @FunctionalInterface
    public interface Exclusive {
        int run() throws Exception;
    }

    /**
     * Runs {@code work} holding the run lock and then the repository lock, both taken before anything opens the
     * job repository; exit code 3 with a clear message when another run holds them.
     */
    public static int exclusively(Path out, Exclusive work) throws Exception {
        try (RunLock run = RunLock.tryAcquire(lockFile(out))) {
            if (run == null) return busy(out);
            try (RunLock repository = RunLock.acquireRepository(out, REPOSITORY_WAIT)) {
                if (repository == null) return busy(out);
                return work.run();
            }
        }
    }

    /** Exit code of a command that found another run in progress. */
    public static final int BUSY = 3;

    static int busy(Path out) {
        System.err.println("A Glasshouse run is in progress on " + out + " (process "
                + RunLock.holderPid(lockFile(out)) + "); not starting another. Wait for it to end "
                + "('glasshouse status --out " + out + "' shows it).");
        return BUSY;
    }
}
