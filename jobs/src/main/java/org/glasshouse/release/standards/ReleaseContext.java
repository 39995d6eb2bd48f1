package org.glasshouse.release.standards;

import java.time.LocalDate;
import java.util.Map;
import org.glasshouse.reports.model.DataTable;

/**
 * What the standards exports are built from: the release's disclosure-controlled public tables (never the raw
 * metric or curated data, so no small count, personal data or free text can reach them) and the agency's settings.
 *
 * @param tables    public tables by name after disclosure control (agreement_metrics, agreements, partners,
 *                  programmes, indicators, indicator_results are read)
 * @param publisher the agency's name (glasshouse.release.publisher)
 * @param baseUrl   public address of the release's entry point, ending in "/"
 */
public record ReleaseContext(LocalDate asOf, String releaseId, String currency, Map<String, DataTable> tables,
                             String publisher, String baseUrl, String license, StandardsSettings ids) {

    public DataTable t(String name) {
        return tables.get(name);
    }

    /** The as-of date as a UTC timestamp: the files' modification time, so the same release gives the same bytes. */
    public String asOfTimestamp() {
        return asOf + "T00:00:00Z";
    }
}
