package org.glasshouse.reports.model;

import java.util.regex.Pattern;

/** Validation of names that become file names in the published site (ids come from partner data). */
public final class SafeNames {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
    private static final Pattern CHART_ID = Pattern.compile("[a-z0-9-]{1,200}");

    private SafeNames() {
    }

    /** A plain file name: letters, digits, dot, underscore, hyphen; no path separators, no "..". */
    public static boolean isSafeFileName(String name) {
        return name != null && FILE_NAME.matcher(name).matches() && !name.contains("..");
    }

    /** A chart id, used as a file stem: [a-z0-9-]+. */
    public static boolean isSafeChartId(String id) {
        return id != null && CHART_ID.matcher(id).matches();
    }

    static String requireFileName(String name, String what) {
        if (!isSafeFileName(name)) {
            throw new IllegalArgumentException(what + " is not a safe plain file name: " + quote(name));
        }
        return name;
    }

    static String quote(String s) {
        return s == null ? "null" : '"' + s.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
