package org.glasshouse.validate.read;

/** Rule ids that judge a whole file rather than a row. */
public final class FileRule {
    public static final String UNREADABLE = "FIL-001";
    public static final String MISSING_REQUIRED_COLUMNS = "FIL-002";
    public static final String UNKNOWN_COLUMNS = "FIL-003";
    public static final String EMPTY_FILE = "FIL-004";
    public static final String HEADER_ONLY = "FIL-005";
    public static final String WRONG_DELIMITER = "FIL-006";
    public static final String NOT_UTF8 = "FIL-007";

    private FileRule() {}
}
