package org.glasshouse.validate.read;

import java.nio.file.FileSystemException;

/**
 * Decides whose fault an exception met while reading one partner file is. The file's: anything a parser raises on
 * the file's bytes (a damaged zip, a corrupt Parquet page, a tokenizer that gives up); it becomes a finding on that
 * file and the run goes on. The agency's: the landed copy cannot be opened or read at all (storage), or our own
 * code failed (a bug: a runtime exception raised in org.glasshouse code); those fail the run, loudly.
 */
public final class ReadFailure {

    private static final int MAX_MESSAGE = 300;

    private ReadFailure() {}

    /** True when the exception is the agency's fault, so the run must fail rather than blame the partner. */
    public static boolean isAgencyFault(Throwable e) {
        if (e instanceof InputProblem) return false;
        if (e instanceof VirtualMachineError) return true;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException) return true; // no such file, access denied: storage
        }
        return e instanceof RuntimeException && raisedByOurCode(e);
    }

    private static boolean raisedByOurCode(Throwable e) {
        StackTraceElement[] trace = e.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("org.glasshouse.");
    }

    /** The file rule a failure of the file's own is reported under. */
    public static String ruleOf(Throwable e) {
        if (e instanceof InputProblem p) return p.ruleId();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            // POI's own guard against inflation ratios no real workbook has.
            if (m != null && m.contains("Zip bomb detected")) return FileRule.INFLATES_TOO_MUCH;
        }
        return FileRule.READ_FAILED;
    }

    /**
     * What went wrong, for the partner: the parser's own words (its class and message), without the agency's
     * storage paths, cut to a readable length.
     */
    public static String describe(Throwable e, String storedPath, String shownName) {
        if (e instanceof InputProblem) return e.getMessage();
        if (FileRule.INFLATES_TOO_MUCH.equals(ruleOf(e))) {
            return "the workbook unpacks to far more than its size on disk, a ratio no real spreadsheet has (a zip "
                    + "bomb?)";
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) root = root.getCause();
        String m = root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
        if (storedPath != null && !storedPath.isEmpty()) m = m.replace(storedPath, shownName);
        m = m.replaceAll("\\p{Cntrl}", " ");
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "…" : m;
    }
}
