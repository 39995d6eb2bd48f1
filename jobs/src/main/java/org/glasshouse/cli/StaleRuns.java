package org.glasshouse.cli;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.explore.JobExplorer;
import org.springframework.batch.core.repository.JobRepository;

/**
 * A process killed mid-run (kill -9, power loss) leaves its execution marked STARTED forever. Called while holding
 * the run lock, which proves no live process owns it, this marks such executions FAILED so they can be restarted.
 */
public final class StaleRuns {

    private StaleRuns() {}

    public static List<JobExecution> markFailed(JobExplorer explorer, JobRepository repository, String jobName) {
        List<JobExecution> fixed = new ArrayList<>();
        for (JobExecution e : explorer.findRunningJobExecutions(jobName)) {
            LocalDateTime now = LocalDateTime.now();
            for (StepExecution s : e.getStepExecutions()) {
                if (s.getStatus().isRunning()) {
                    s.setStatus(BatchStatus.FAILED);
                    s.setExitStatus(ExitStatus.FAILED.addExitDescription("process died during the step"));
                    s.setEndTime(now);
                    repository.update(s);
                }
            }
            e.setStatus(BatchStatus.FAILED);
            e.setExitStatus(ExitStatus.FAILED.addExitDescription("process died during the run"));
            e.setEndTime(now);
            repository.update(e);
            fixed.add(e);
        }
        return fixed;
    }
}
