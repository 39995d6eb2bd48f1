package org.glasshouse.nightly;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.glasshouse.validate.ReferenceDataException;
import org.glasshouse.validate.RowAccountingException;

/**
 * Whose fault a failed run is, in one word for the summary. A partner's file never fails a run (its problems are
 * findings), so what is left is the agency's: its reference data, its storage (a disk that is full or failing), or
 * a bug in Glasshouse itself (row accounting that does not hold is one).
 */
public enum FailureCause {
    REFERENCE_DATA("reference data (the agency's): fix the reference file named and restart"),
    DISK_FULL("storage: the disk is full; free space and restart"),
    STORAGE("storage: a file could not be read or written; check the disk and restart"),
    ROW_ACCOUNTING("a bug: rows were lost or counted twice; report it with the summary"),
    INTERNAL("a bug or an unexpected condition in Glasshouse; report it with the log and summary");

    private final String description;

    FailureCause(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    public static FailureCause of(Throwable failure) {
        boolean io = false;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ReferenceDataException) return REFERENCE_DATA;
            if (t instanceof RowAccountingException) return ROW_ACCOUNTING;
            String m = t.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("Disk quota exceeded"))) {
                return DISK_FULL;
            }
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof FileSystemException) {
                io = true;
            }
        }
        return io ? STORAGE : INTERNAL;
    }
}
