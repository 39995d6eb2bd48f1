package org.glasshouse.ops;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.FileAlreadyExistsException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.zip.ZipException;
import org.glasshouse.cli.UsageException;
import org.glasshouse.validate.RowAccountingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Sorts a failure into transient or permanent by the exceptions in its cause chain.
 * <ul>
 *   <li>Permanent, whatever else is in the chain: row accounting that does not balance, bad usage or settings, out
 *       of memory (the same input needs the same memory again), and malformed content (JSON, encodings, archives).
 *   <li>Transient: input/output errors (disk, network, HTTP sources, timeouts), a database that is unreachable or
 *       answered with a transient error, Spark executors lost or jobs cancelled (by a shutdown).
 *   <li>Anything else is permanent: an unknown failure (a refused disclosure audit, reference data that does not
 *       hold together, a key mismatch, a bug) is left for an operator rather than retried blindly.
 * </ul>
 */
public final class FailureClassifier {

    private static final List<Class<? extends Throwable>> PERMANENT = List.of(RowAccountingException.class,
            UsageException.class, OutOfMemoryError.class, com.fasterxml.jackson.core.JacksonException.class,
            CharacterCodingException.class, ZipException.class, FileAlreadyExistsException.class);

    private static final List<Class<? extends Throwable>> TRANSIENT = List.of(IOException.class,
            TimeoutException.class, SQLTransientException.class, SQLRecoverableException.class,
            TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class);

    /** Spark reports a lost executor, a failed shuffle fetch or a cancelled job only in its exception's message. */
    private static final List<String> SPARK_TRANSIENT = List.of("executorlostfailure", "fetchfailed", "lost executor",
            "executor heartbeat timed out", "cancelled", "sparkcontext was shut down", "sparkcontext has been shutdown");

    private FailureClassifier() {}

    public static Failure classify(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (PERMANENT.stream().anyMatch(c -> c.isInstance(t))) return new Failure(Failure.Kind.PERMANENT, line(t));
        }
        for (Throwable t : chain) {
            if (TRANSIENT.stream().anyMatch(c -> c.isInstance(t)) || isTransientSpark(t)) {
                return new Failure(Failure.Kind.TRANSIENT, line(t));
            }
        }
        return new Failure(Failure.Kind.PERMANENT, line(failure));
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

    private static boolean isTransientSpark(Throwable t) {
        if (!t.getClass().getName().startsWith("org.apache.spark.")) return false;
        String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return SPARK_TRANSIENT.stream().anyMatch(m::contains);
    }

    private static List<Throwable> chain(Throwable t) {
        List<Throwable> out = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) out.add(c);
        return out;
    }

    static String line(Throwable t) {
        String m = t.getMessage() == null ? "" : ": " + t.getMessage().strip().lines().findFirst().orElse("");
        String s = t.getClass().getName() + m;
        return s.length() > 300 ? s.substring(0, 297) + "..." : s;
    }
}
