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
     * file name without extension, lower-cased, with its sub-folder if it has one: "services-2026-06.csv" and
     * "Services-2026-06.jsonl" are the same submission; "services/june.csv" and "june.csv" are not.
     */
    @JsonIgnore
    public String replacementKey() {
        String name = originalName.toLowerCase(java.util.Locale.ROOT);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String folder = folder();
        return partnerId + "|" + dataset + "|"
                + (folder == null ? "" : folder.toLowerCase(java.util.Locale.ROOT) + "/") + stem;
    }

    /** What makes two arrivals "the same file": partner, dataset, sub-folder and exact file name. */
    @JsonIgnore
    public String nameKey() {
        return nameKey(partnerId, dataset, folder(), originalName);
    }

    static String nameKey(String partnerId, String dataset, String folder, String originalName) {
        return partnerId + "|" + dataset + "|" + (folder == null ? "" : folder) + "|" + originalName;
    }

    /**
     * The sub-folder of the partner's drop folder the file came from ({@code inbox/P01/services/june.csv} →
     * services), or null. Derived from {@code source}, so manifests written before it existed read the same.
     */
    @JsonIgnore
    public String folder() {
        String prefix = "inbox/" + partnerId + "/";
        if (source == null || !source.startsWith(prefix)) return null;
        String rest = source.substring(prefix.length());
        int slash = rest.indexOf('/');
        return slash > 0 ? rest.substring(0, slash) : null;
    }

    /**
     * Short stable id for this file in row-level outputs: from partner, dataset, origin and checksum, so identical
     * bytes sent by two partners (or under two names) are two files, and the same file landed again is the same id.
     */
    @JsonIgnore
    public String fileId() {
        return Ids.fileId(partnerId, dataset, source, sha256);
    }
}
