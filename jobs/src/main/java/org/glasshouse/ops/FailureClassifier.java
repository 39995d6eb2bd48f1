package org.glasshouse.ops;

import java.util.List;
import org.glasshouse.nightly.FailureCause;

/**
 * Sorts a failure into transient or permanent for the scheduler: transient when its {@link FailureCause} is one a
 * retry can fix (disk, storage or network, the job repository's database, the Spark cluster), permanent otherwise
 * (reference data, settings, memory, row accounting, and anything unknown, such as a refused disclosure audit or a
 * bug, which is left for an operator rather than retried blindly).
 */
public final class FailureClassifier {

    private FailureClassifier() {}

    public static Failure classify(Throwable failure) {
        FailureCause.Diagnosis d = FailureCause.diagnose(failure);
        return new Failure(d.cause().retryable() ? Failure.Kind.TRANSIENT : Failure.Kind.PERMANENT, line(d.evidence()));
    }

    /** The first failure that is permanent, else the first one; null for none. */
    public static Failure classify(List<Throwable> failures) {
        Failure first = null;
        for (Throwable t : failures) {
            Failure f = classify(t);
            if (!f.isTransient()) return f;
            if (first == null) first = f;
        }
        return first;
    }

    static String line(Throwable t) {
        String m = t.getMessage() == null ? "" : ": " + t.getMessage().strip().lines().findFirst().orElse("");
        String s = t.getClass().getName() + m;
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
