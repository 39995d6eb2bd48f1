package org.glasshouse.nightly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.feedback.FeedbackRows;
import org.glasshouse.ingest.IngestFinding;
import org.glasshouse.validate.FileAccount;
import org.glasshouse.validate.ValidationReport;
import org.glasshouse.validate.read.FileFinding;

/**
 * Ingest's findings in the feedback's terms: each refused or noted entry becomes a file of the partner's feedback
 * with no rows (0 read = 0 accepted + 0 quarantined) and one file-level finding. Only the feedback sees them; the
 * run's row accounting and metrics cover the files that were validated.
 */
public final class IngestFeedback {

    private IngestFeedback() {}

    /** The report with ingest's entries added, and their file infos added to {@code files}. */
    public static ValidationReport merge(ValidationReport report, List<IngestFinding> findings,
                                         Map<String, FeedbackRows.FileInfo> files) {
        if (findings.isEmpty()) return report;
        List<FileAccount> accounts = new ArrayList<>(report.files());
        List<FileFinding> fileFindings = new ArrayList<>(report.fileFindings() == null ? List.of() : report.fileFindings());
        Map<String, Integer> perId = new LinkedHashMap<>();
        for (IngestFinding f : findings) {
            if (f.partnerId() == null) continue;
            String base = "ingest-" + Integer.toHexString((f.partnerId() + "\u0000" + f.file()).hashCode());
            int n = perId.merge(base, 1, Integer::sum);
            String id = n == 1 ? base : base + "-" + n;
            files.put(id, new FeedbackRows.FileInfo(id, f.partnerId(), f.dataset(), f.file()));
            accounts.add(new FileAccount(id, f.partnerId(), f.dataset(), f.file(), 0, 0, 0));
            fileFindings.add(new FileFinding(id, f.ruleId(), f.severity(), f.message(), f.hint()));
        }
        return new ValidationReport(accounts, fileFindings);
    }
}
