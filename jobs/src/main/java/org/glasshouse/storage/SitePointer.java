package org.glasshouse.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * {@code site.json}: the public entry point of a release store where no symbolic link exists (HDFS, S3). It names
 * the live release folder ({@code releases/<release>/}); it is written last, after that folder was verified, so a
 * reader that follows it only ever finds a complete release.
 *
 * @param release     the release id (the folder under {@code releases/})
 * @param sha256sums  SHA-256 of that release's SHA256SUMS, so a reader can check it has the release the pointer meant
 * @param publishedAt when the pointer was written (ISO-8601 instant, UTC)
 * @param previous    the release the pointer named before, or null for the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SitePointer(String release, String sha256sums, @JsonProperty("published_at") String publishedAt,
                          String previous) {

    public static final String NAME = "site.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    public byte[] toJson() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SitePointer fromJson(byte[] json) throws IOException {
        return JSON.readValue(json, SitePointer.class);
    }
}
