package org.glasshouse.ingest;

import java.util.List;
import org.glasshouse.validate.rules.RuleInfo;
import org.glasshouse.validate.rules.Severity;

/**
 * Rule ids of what ingest refuses or notes about a file before any row is read (the drop folder's entries and
 * HTTP downloads). Each becomes a line in the partner's feedback and a problem in the run summary.
 */
public final class IngestRule {
    public static final String SYMBOLIC_LINK = "ING-001";
    public static final String HARD_LINK = "ING-002";
    public static final String NOT_A_REGULAR_FILE = "ING-003";
    public static final String OUTSIDE_INBOX = "ING-004";
    public static final String CHANGED_WHILE_COPIED = "ING-005";
    public static final String UNKNOWN_DATASET = "ING-006";
    public static final String UNSUPPORTED_TYPE = "ING-007";
    public static final String TOO_LARGE = "ING-008";
    public static final String SUPERSEDED = "ING-009";
    public static final String SOURCE_FAILED = "ING-010";
    public static final String NOT_READ = "ING-011";

    /** Documentation of every ingest rule (listed in the rule catalogue of docs/data-contracts.md). */
    public static final List<RuleInfo> CATALOGUE = List.of(
            rule(SYMBOLIC_LINK, Severity.ERROR, "symbolic link in the drop folder: not followed, not read",
                    "Put the file itself in your folder, not a link to it.", "a regular file"),
            rule(HARD_LINK, Severity.ERROR, "hard link to a file that also has a name outside your folder: not read",
                    "Copy the file into your folder instead of linking it.", "a regular file with one name"),
            rule(NOT_A_REGULAR_FILE, Severity.ERROR, "not a regular file (pipe, device or socket): not read",
                    "Put regular data files in your folder only.", "a regular file"),
            rule(OUTSIDE_INBOX, Severity.ERROR, "the path leads outside your drop folder: not read",
                    "Put the file itself in your folder (no links, no moved folders).", "a file inside the drop folder"),
            rule(CHANGED_WHILE_COPIED, Severity.WARNING, "the file changed while it was being copied: taken on a later run",
                    "Upload under a name starting with '.' or '_' (ignored) and rename the file when it is complete.",
                    "a complete file"),
            rule(UNKNOWN_DATASET, Severity.ERROR, "the file name does not start with a dataset name: not validated",
                    "Start the name with the dataset (services-2026-06.csv) or put the file in a folder named after it.",
                    "a name starting with a dataset name"),
            rule(UNSUPPORTED_TYPE, Severity.ERROR, "file type not accepted: not validated",
                    "Send .csv, .jsonl, .parquet or .xlsx files.", "a .csv, .jsonl, .parquet or .xlsx file"),
            rule(TOO_LARGE, Severity.ERROR, "file larger than the agency accepts at all: not copied",
                    "Split the data into several files, for example one per month.", "a file below the ingest limit"),
            rule(SUPERSEDED, Severity.WARNING, "replaced by a later file for the same submission: not validated",
                    "Nothing to do if the later file is the right one; otherwise give files different names.",
                    "one file per partner, dataset and name without extension"),
            rule(SOURCE_FAILED, Severity.ERROR, "the file could not be fetched from the registered address",
                    "Check that the address answers over https without leaving its host and the file is below the limit.",
                    "a download that completes"),
            rule(NOT_READ, Severity.ERROR, "the file or folder could not be read: not taken",
                    "Check the file's permissions; folders inside a dataset folder are not read.",
                    "a readable file at most one folder deep"));

    private static RuleInfo rule(String id, Severity s, String title, String hint, String expected) {
        return new RuleInfo(id, "(any)", null, s, title, hint, expected);
    }

    private IngestRule() {}

    public static RuleInfo info(String id) {
        return CATALOGUE.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ingest rule " + id));
    }
}
