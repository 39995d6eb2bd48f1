package org.glasshouse.ops;

import java.util.Locale;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.core.StepExecutionListener;
import org.springframework.batch.item.ExecutionContext;

/**
 * Records in a failed step's execution context whether its failure was transient or permanent, while the
 * exceptions are still at hand (the job repository keeps only a truncated stack trace). The scheduler reads it back
 * from the repository, in this process or a later one.
 */
public final class FailureRecorder implements StepExecutionListener {

    static final String KIND = "glasshouse.failure.kind";
    static final String REASON = "glasshouse.failure.reason";

    @Override
    public ExitStatus afterStep(StepExecution step) {
        if (step.getStatus() == BatchStatus.FAILED && !step.getFailureExceptions().isEmpty()) {
            Failure f = FailureClassifier.classify(step.getFailureExceptions());
            step.getExecutionContext().putString(KIND, f.kind().name());
            step.getExecutionContext().putString(REASON, f.reason());
        }
        return null;
    }

    /**
     * The recorded failure of a step that did not complete. A step without a record failed outside any process's
     * control: marked failed after its process died (kill -9, power loss, out-of-memory killer), which is transient.
     */
    public static Failure of(StepExecution step) {
        ExecutionContext ctx = step.getExecutionContext();
        if (ctx.containsKey(KIND)) {
            return new Failure(Failure.Kind.valueOf(ctx.getString(KIND).toUpperCase(Locale.ROOT)),
                    ctx.getString(REASON, ""));
        }
        String exit = step.getExitStatus().getExitDescription();
        if (exit != null && exit.contains("process died")) {
            return new Failure(Failure.Kind.TRANSIENT, "the process died during the step (killed or crashed)");
        }
        String first = exit == null || exit.isBlank() ? "no failure recorded" : exit.strip().lines().findFirst().orElse("");
        return new Failure(Failure.Kind.PERMANENT, first);
    }
}
