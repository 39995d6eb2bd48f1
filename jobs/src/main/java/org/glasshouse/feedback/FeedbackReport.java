package org.glasshouse.feedback;

import java.util.List;

/**
 * The HTML feedback of one partner for one run, as plain data for the template: files with their row accounting,
 * then one line per rule (errors first), each with how to fix it and a few example rows.
 */
public record FeedbackReport(String partnerId, String runId, List<FileLine> files, List<RuleLine> rules,
                             long rowsRead, long rowsAccepted, long rowsQuarantined, long errors, long warnings) {

    public record FileLine(String file, String dataset, long read, long accepted, long quarantined) {}

    public record RuleLine(String ruleId, String severity, String dataset, String field, long findings,
                           long rowsAffected, long rowsRead, String share, String howToFix, List<Example> examples) {
        public boolean error() { return "error".equals(severity); }
    }

    public record Example(String file, Long row, String field, String value, String message) {}
}
