package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.glasshouse.validate.ReferenceDataException;
import org.glasshouse.validate.RowAccountingException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Why a run failed, in one word for the summary, and whether running the failed step again can help (the scheduler
 * restarts only those). A partner's file never fails a run (its problems are findings), so what is left is the
 * agency's: its reference data or settings, its machine (disk, network, database, cluster), or a bug in Glasshouse.
 * A cause that a retry cannot fix wins over an I/O error wrapped around it, and the other way round.
 */
public enum FailureCause {
    REFERENCE_DATA(false, "reference data (the agency's): fix the reference file named and restart"),
    SETTINGS(false, "settings: fix the setting or option named and restart"),
    ROW_ACCOUNTING(false, "a bug: rows were lost or counted twice; report it with the summary"),
    OUT_OF_MEMORY(false, "memory: the run needs more memory (GLASSHOUSE_HEAP, executor memory); raise it and restart"),
    DISK_FULL(true, "storage: the disk is full; free space and restart"),
    STORAGE(true, "storage or network: a file, the disk or a connection failed; check them and restart"),
    DATABASE(true, "the job repository's database was unreachable or answered with a transient error; restart"),
    CLUSTER(true, "the Spark cluster lost an executor, timed out or was shut down; restart"),
    INTERNAL(false, "a bug or an unexpected condition in Glasshouse; report it with the log and summary");

    /** A cause and the exception of the chain that decided it. */
    public record Diagnosis(FailureCause cause, Throwable evidence) {}

    private static final List<Class<? extends Throwable>> BROKEN_CONTENT = List.of(
            com.fasterxml.jackson.core.JacksonException.class, CharacterCodingException.class, ZipException.class,
            FileAlreadyExistsException.class);
    private static final List<Class<? extends Throwable>> DATABASE_TROUBLE = List.of(SQLTransientException.class,
            SQLRecoverableException.class, TransientDataAccessException.class, RecoverableDataAccessException.class,
            DataAccessResourceFailureException.class, CannotCreateTransactionException.class);
    /** Spark reports a lost executor, a failed shuffle fetch or a cancelled job only in its exception's message. */
    private static final List<String> SPARK_TRANSIENT = List.of("executorlostfailure", "fetchfailed", "lost executor",
            "executor heartbeat timed out", "cancelled", "sparkcontext was shut down", "sparkcontext has been shutdown");

    private final boolean retryable;
    private final String description;

    FailureCause(boolean retryable, String description) {
        this.retryable = retryable;
        this.description = description;
    }

    /** Whether running the failed step again, unchanged, can succeed. */
    public boolean retryable() {
        return retryable;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static FailureCause of(Throwable failure) {
        return diagnose(failure).cause();
    }

    public static Diagnosis diagnose(Throwable failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable t : chain) {
            if (t instanceof ReferenceDataException) return new Diagnosis(REFERENCE_DATA, t);
            if (t instanceof RowAccountingException) return new Diagnosis(ROW_ACCOUNTING, t);
            if (t instanceof UsageException) return new Diagnosis(SETTINGS, t);
            if (t instanceof OutOfMemoryError) return new Diagnosis(OUT_OF_MEMORY, t);
            if (BROKEN_CONTENT.stream().anyMatch(c -> c.isInstance(t))) return new Diagnosis(INTERNAL, t);
        }
        for (Throwable t : chain) {
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return new Diagnosis(DISK_FULL, t);
            }
        }
        for (Throwable t : chain) {
            if (DATABASE_TROUBLE.stream().anyMatch(c -> c.isInstance(t))) return new Diagnosis(DATABASE, t);
            if (t instanceof TimeoutException || sparkTransient(t)) return new Diagnosis(CLUSTER, t);
            if (t instanceof IOException || t instanceof UncheckedIOException) return new Diagnosis(STORAGE, t);
        }
        return new Diagnosis(INTERNAL, failure);
    }

    private static boolean sparkTransient(Throwable t) {
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
}
