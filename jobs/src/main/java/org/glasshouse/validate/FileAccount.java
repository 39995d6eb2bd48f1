package org.glasshouse.validate;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Row accounting for one file: every row read is either accepted or quarantined. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FileAccount(
        @JsonProperty("file_id") String fileId,
        @JsonProperty("partner_id") String partnerId,
        @JsonProperty("dataset") String dataset,
        @JsonProperty("file") String file,
        @JsonProperty("rows_read") long read,
        @JsonProperty("rows_accepted") long accepted,
        @JsonProperty("rows_quarantined") long quarantined) {

    @JsonIgnore
    public boolean balances() {
        return read == accepted + quarantined;
    }
}
