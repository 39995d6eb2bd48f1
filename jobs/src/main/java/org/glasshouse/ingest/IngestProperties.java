package org.glasshouse.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ingest settings ({@code glasshouse.ingest.*}; defaults in config/application.yml).
 *
 * @param maxFileBytes the largest file ingest copies into the landing zone at all (dropped or downloaded); a larger
 *                     one is refused with ING-008 before a byte is copied. 0 = no limit.
 * @param receiptsDir  the agency's receipt logs ({@code <partner_id>.csv}); empty = {@code INPUT/receipts}
 */
@ConfigurationProperties(prefix = "glasshouse.ingest")
public record IngestProperties(long maxFileBytes, String receiptsDir) {

    /** No size limit and the receipt logs in INPUT/receipts: for tests and tools that build an Ingestor directly. */
    public static final IngestProperties UNLIMITED = new IngestProperties(0, "");

    long effectiveMaxFileBytes() {
        return maxFileBytes <= 0 ? Long.MAX_VALUE : maxFileBytes;
    }
}
