package org.glasshouse.schedule;

import java.time.LocalDate;
import java.util.List;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.ops.Failure;
import org.glasshouse.ops.FailureRecorder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.StepExecution;

/**
 * What a scheduled fire does, judged from the newest run in the job repository (no live process owns it: the
 * caller checked the run lock):
 * <ul>
 *   <li>no run yet, or the newest completed: a new nightly run;
 *   <li>the newest was stopped (SIGTERM), or its process died: restart it where it stopped;
 *   <li>the newest failed transiently, and has been restarted fewer than {@code maxRestarts} times: restart it at
 *       the failed step;
 *   <li>the newest failed permanently, or kept failing: hold. No new run starts, because a new run would make the
 *       failed one unrestartable; an operator fixes the cause and runs {@code glasshouse restart}, or starts a fresh
 *       {@code glasshouse nightly}, and the next fire goes on from there.
 * </ul>
 */
public record FireDecision(Action action, Long runId, LocalDate asOf, String step, Failure failure, String message) {

    public enum Action { NEW, RESTART, HOLD }

    /**
     * @param executions every execution of the newest run (job instance), oldest first; empty when there is none
     */
    public static FireDecision decide(List<JobExecution> executions, int maxRestarts) {
        if (executions.isEmpty()) return new FireDecision(Action.NEW, null, null, null, null, "no run yet");
        JobExecution latest = executions.get(executions.size() - 1);
        Long runId = latest.getJobParameters().getLong(NightlyParameters.RUN_ID);
        LocalDate asOf = LocalDate.parse(latest.getJobParameters().getString(NightlyParameters.AS_OF));
        BatchStatus status = latest.getStatus();
        String step = unfinishedStep(latest);
        if (status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED) {
            return new FireDecision(Action.NEW, runId, asOf, null, null, "run " + runId + " " + status.name().toLowerCase());
        }
        if (status == BatchStatus.STOPPED) {
            return new FireDecision(Action.RESTART, runId, asOf, step, null,
                    "run " + runId + " was stopped before step " + step + "; resuming it");
        }
        if (status.isRunning()) { // no live process holds the lock: its process died
            return new FireDecision(Action.RESTART, runId, asOf, step,
                    new Failure(Failure.Kind.TRANSIENT, "the process died during the run"),
                    "run " + runId + " was left unfinished by a process that died; resuming it");
        }
        Failure failure = failedStep(latest) == null
                ? new Failure(Failure.Kind.PERMANENT, String.valueOf(latest.getExitStatus().getExitDescription()))
                : FailureRecorder.of(failedStep(latest));
        long failures = executions.stream().filter(e -> e.getStatus() == BatchStatus.FAILED).count();
        if (!failure.isTransient()) {
            return new FireDecision(Action.HOLD, runId, asOf, step, failure, "run " + runId + " failed at step " + step
                    + " for a reason a restart will not fix: " + failure.reason());
        }
        if (failures > maxRestarts) {
            return new FireDecision(Action.HOLD, runId, asOf, step, failure, "run " + runId + " failed at step " + step
                    + " " + failures + " times (transient: " + failure.reason() + "); not restarting it again");
        }
        return new FireDecision(Action.RESTART, runId, asOf, step, failure, "run " + runId + " failed at step " + step
                + " for a transient reason (" + failure.reason() + "); restart " + failures + " of " + maxRestarts);
    }

    private static StepExecution failedStep(JobExecution e) {
        return e.getStepExecutions().stream().filter(s -> s.getStatus() == BatchStatus.FAILED).findFirst()
                .orElse(null);
    }

    private static String unfinishedStep(JobExecution e) {
        return e.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                .map(StepExecution::getStepName).findFirst().orElse("?");
    }
}
