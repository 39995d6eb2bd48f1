package org.glasshouse.validate.read;

import java.util.List;
import org.glasshouse.validate.rules.RuleInfo;
import org.glasshouse.validate.rules.Severity;

/** Rule ids that judge a whole file rather than a row, with their documentation. */
public final class FileRule {
    public static final String UNREADABLE = "FIL-001";
    public static final String MISSING_REQUIRED_COLUMNS = "FIL-002";
    public static final String UNKNOWN_COLUMNS = "FIL-003";
    public static final String EMPTY_FILE = "FIL-004";
    public static final String HEADER_ONLY = "FIL-005";
    public static final String WRONG_DELIMITER = "FIL-006";
    public static final String NOT_UTF8 = "FIL-007";
    public static final String TOO_LARGE = "FIL-008";
    public static final String READ_FAILED = "FIL-009";
    public static final String INFLATES_TOO_MUCH = "FIL-010";
    public static final String TOO_MANY_SHARED_STRINGS = "FIL-011";
    public static final String TOO_MANY_FLEX_COLUMNS = "FIL-012";
    public static final String TOO_MANY_COLUMNS = "FIL-013";

    /**
     * File rules whose rows are all quarantined: each row carries the rule, but the partner hears of it once, by
     * the file finding.
     */
    public static final java.util.Set<String> QUARANTINES_EVERY_ROW =
            java.util.Set.of(MISSING_REQUIRED_COLUMNS, READ_FAILED, INFLATES_TOO_MUCH);

    /** Documentation of every file rule (the rule catalogue in docs/data-contracts.md is generated from it). */
    public static final List<RuleInfo> CATALOGUE = List.of(
            new RuleInfo(UNREADABLE, "(any)", null, Severity.ERROR, "file cannot be read",
                    "Export the data as CSV UTF-8, JSON Lines, Parquet or .xlsx with the matching extension.",
                    "a CSV, JSON Lines, Parquet or .xlsx file"),
            new RuleInfo(MISSING_REQUIRED_COLUMNS, "(any)", null, Severity.ERROR,
                    "required columns missing: the whole file is quarantined",
                    "Use the header row of the dataset's template; column names must match exactly.",
                    "every required column in the header row"),
            new RuleInfo(UNKNOWN_COLUMNS, "(any)", null, Severity.WARNING, "columns not in the contract are ignored",
                    "Remove them, or prefix your own columns with flex_ to have them echoed back in feedback.",
                    "only contract columns and flex_* columns"),
            new RuleInfo(EMPTY_FILE, "(any)", null, Severity.ERROR, "empty file",
                    "Export the data again; the file must have a header row and at least one data row.",
                    "a header row and data rows"),
            new RuleInfo(HEADER_ONLY, "(any)", null, Severity.WARNING, "header row but no data rows",
                    "If you had nothing to report this period, no action is needed; otherwise export again.",
                    "at least one data row"),
            new RuleInfo(WRONG_DELIMITER, "(any)", null, Severity.WARNING, "delimiter is not a comma",
                    "Save the file as 'CSV UTF-8 (comma delimited)'.", "comma-separated values"),
            new RuleInfo(NOT_UTF8, "(any)", null, Severity.WARNING, "not UTF-8: converted",
                    "Save the file as 'CSV UTF-8' so accented letters arrive exactly as typed.", "UTF-8 text"),
            new RuleInfo(TOO_LARGE, "(any)", null, Severity.ERROR, "file larger than the maximum size",
                    "Split the data into several files (for example one per month) below the maximum size.",
                    "a file below the configured maximum size"),
            new RuleInfo(READ_FAILED, "(any)", null, Severity.ERROR,
                    "file breaks off while being read: the rows before the break are quarantined, the rest is not read",
                    "The file is damaged or was cut short (for example by an interrupted upload or copy). Export it "
                            + "again from the program that made it and send the whole file.",
                    "a complete, undamaged file"),
            new RuleInfo(INFLATES_TOO_MUCH, "(any)", null, Severity.ERROR,
                    "compressed content larger than the limit when unpacked: the rows before the limit are "
                            + "quarantined, the rest is not read",
                    "Send the data as CSV (UTF-8), or split it into several smaller workbooks or files.",
                    "an .xlsx or Parquet file whose content unpacks to less than the limit"),
            new RuleInfo(TOO_MANY_SHARED_STRINGS, "(any)", null, Severity.ERROR,
                    "workbook has more distinct texts than the limit: it was not read",
                    "Send the data as CSV (UTF-8), or split it into several smaller workbooks.",
                    "a workbook with fewer distinct texts than the limit"),
            new RuleInfo(TOO_MANY_FLEX_COLUMNS, "(any)", null, Severity.WARNING,
                    "more flex_* columns than the limit: the extra ones are not echoed back",
                    "Keep only the flex_* columns you need to trace rows to your own systems.",
                    "at most the limit of flex_* columns"),
            new RuleInfo(TOO_MANY_COLUMNS, "(any)", null, Severity.ERROR,
                    "header row has more columns than the limit (or is longer than the line limit): the file was "
                            + "not read",
                    "Use the header row of the dataset's template; remove columns that are not in the contract.",
                    "a header row with at most the limit of columns"));

    public static RuleInfo info(String ruleId) {
        return CATALOGUE.stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no file rule " + ruleId));
    }

    private FileRule() {}
}
