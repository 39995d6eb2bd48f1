package org.glasshouse.ingest;

import java.time.Duration;
import java.util.List;

/**
 * Where one partner's files come from (config/partners.yml): its drop folder (the default, input/inbox/<id>/) or
 * HTTP(S) URLs the agency fetches.
 *
 * @param tokenEnv name of the environment variable holding a bearer token, or null for no Authorization header
 * @param deadline the longest one download may take in all (connection, redirects, retries and body)
 * @param maxBytes the largest body accepted; 0 = the ingest limit (glasshouse.ingest.max-file-bytes)
 */
public record PartnerSource(String partnerId, Kind kind, List<Download> downloads, String tokenEnv,
                            Duration connectTimeout, Duration readTimeout, int retries, Duration backoff,
                            Duration deadline, long maxBytes) {

    public enum Kind { DIRECTORY, HTTP }

    /** One URL and the file name it lands under (which names its dataset, as for a dropped file). */
    public record Download(String url, String fileName) {}

    public static PartnerSource directory(String partnerId) {
        return new PartnerSource(partnerId, Kind.DIRECTORY, List.of(), null, Duration.ofSeconds(10),
                Duration.ofSeconds(60), 0, Duration.ZERO, Duration.ofMinutes(10), 0);
    }
}
