package org.glasshouse.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.glasshouse.nightly.NightlyParameters;
import org.glasshouse.ops.Failure;
import org.glasshouse.ops.FailureRecorder;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.RowAccountingException;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.JobInstance;
import org.springframework.batch.core.StepExecution;

class FireDecisionTest {

    static final JobInstance RUN_7 = new JobInstance(7L, "nightly");
    long ids = 100;

    /** One execution of run 7: ingest completed, then the given step ended with the given status. */
    private JobExecution execution(String step, BatchStatus status, Throwable failure) {
        JobExecution e = new JobExecution(RUN_7, ids++, new NightlyParameters(Path.of("/in"), Path.of("/out"),
                LocalDate.parse("2026-11-27"), 7).toJobParameters());
        e.createStepExecution("ingest").setStatus(BatchStatus.COMPLETED);
        StepExecution s = e.createStepExecution(step);
        s.setStatus(status);
        if (failure != null) {
            s.addFailureException(failure);
            new FailureRecorder().afterStep(s);
        }
        e.setStatus(status);
        return e;
    }

    @Test
    void noRunOrACompletedOneStartsANewRun() {
        assertThat(FireDecision.decide(List.of(), 2).action()).isEqualTo(FireDecision.Action.NEW);
        assertThat(FireDecision.decide(List.of(execution("publish", BatchStatus.COMPLETED, null)), 2).action())
                .isEqualTo(FireDecision.Action.NEW);
    }

    @Test
    void aStoppedRunIsResumed() {
        FireDecision d = FireDecision.decide(List.of(execution("feedback", BatchStatus.STOPPED, null)), 0);
        assertThat(d.action()).isEqualTo(FireDecision.Action.RESTART);
        assertThat(d.step()).isEqualTo("feedback");
        assertThat(d.asOf()).isEqualTo(LocalDate.parse("2026-11-27"));
    }

    @Test
    void aRunWhoseProcessDiedIsResumed() {
        JobExecution died = execution("metrics", BatchStatus.FAILED, null);
        StepExecution metrics = died.getStepExecutions().stream().filter(s -> s.getStepName().equals("metrics"))
                .findFirst().orElseThrow();
        metrics.setExitStatus(ExitStatus.FAILED.addExitDescription("process died during the step")); // StaleRuns
        FireDecision d = FireDecision.decide(List.of(died), 2);
        assertThat(d.action()).isEqualTo(FireDecision.Action.RESTART);
        assertThat(d.failure().kind()).isEqualTo(Failure.Kind.TRANSIENT);
    }

    @Test
    void aTransientFailureIsRestartedUpToTheCapThenHeld() {
        List<JobExecution> executions = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            executions.add(execution("validate", BatchStatus.FAILED, new IOException("Connection reset")));
            FireDecision d = FireDecision.decide(executions, 2);
            assertThat(d.action()).as("after failure %d", i)
                    .isEqualTo(i <= 2 ? FireDecision.Action.RESTART : FireDecision.Action.HOLD);
        }
        assertThat(FireDecision.decide(executions, 2).message()).contains("failed at step validate 3 times");
    }

    @Test
    void aPermanentFailureIsHeldForAnOperator() {
        FireDecision d = FireDecision.decide(List.of(execution("validate", BatchStatus.FAILED,
                new RowAccountingException(List.of(new FileAccount("f1", "P01", "services", "services.csv", 10, 8,
                        1))))), 2);
        assertThat(d.action()).isEqualTo(FireDecision.Action.HOLD);
        assertThat(d.message()).isEqualTo("run 7 failed at step validate for a reason a restart will not fix: "
                + "org.glasshouse.validate.RowAccountingException: Row accounting does not hold (rows read != "
                + "accepted + quarantined) for: services services.csv read=10 accepted=8 quarantined=1");
    }
}
