package org.glasshouse.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One file kept unchanged in the landing zone. {@code partnerId} is {@value #REFERENCE} for agency reference data.
 * {@code path} is relative to the landing folder, so the zone can be moved as a whole.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LandedFile(
        @JsonProperty("sha256") String sha256,
        @JsonProperty("size") long size,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("format") String format,
        @JsonProperty("original_name") String originalName,
        @JsonProperty("source") String source,
        @JsonProperty("path") String path,
        @JsonProperty("arrived_at") String arrivedAt,
        @JsonProperty("submitted_at") String submittedAt,
        @JsonProperty("run_id") String runId) {

    public static final String REFERENCE = "_reference";

    @JsonIgnore
    public boolean isReference() {
        return REFERENCE.equals(partnerId);
    }

    /**
     * A later file with the same partner, dataset and key replaces an earlier one (a resubmission). The key is the
     * file name without extension, lower-cased: "services-2026-06.csv" and "Services-2026-06.jsonl" are the same
     * submission period.
     */
    @JsonIgnore
    public String replacementKey() {
        String name = originalName.toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return partnerId + "|" + dataset + "|" + (dot > 0 ? name.substring(0, dot) : name);
    }

    /** Short stable id for this file in row-level outputs. */
    @JsonIgnore
    public String fileId() {
        return sha256.substring(0, 16);
    }
}
