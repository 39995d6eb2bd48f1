package org.glasshouse.ingest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Something ingest refused or noted about one entry of a partner's source: the partner (null when no partner can
 * be told, e.g. a folder that is not a partner id), the entry as the agency sees it (input-relative path or the
 * redacted URL), the rule, and a message naming the entry.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IngestFinding(
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("file") String file,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("rule_id") String ruleId,
        @JsonProperty("severity") String severity,
        @JsonProperty("message") String message,
        @JsonProperty("hint") String hint) {

    static IngestFinding of(String partnerId, String file, String dataset, String ruleId, String message) {
        var info = IngestRule.info(ruleId);
        return new IngestFinding(partnerId, Names.printable(file), dataset, ruleId, info.defaultSeverity().label(),
                Names.printable(message), info.hint());
    }

    /** The one-line form for the run summary and the console. */
    public String problem() {
        String who = partnerId == null ? "" : "partner " + partnerId + ": ";
        return who + file + ": " + message + " (" + ruleId + ", " + severity + ")";
    }
}
