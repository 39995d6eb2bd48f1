package org.glasshouse.report;

import org.glasshouse.reports.model.Report;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What every page of the public report offers and how long its lists may grow (glasshouse.pages.*; defaults in
 * config/application.yml).
 *
 * @param reportError     where readers report an error in a figure: an https:// address (a form) or mailto:address;
 *                        every page links to it. Empty: no link.
 * @param flagsPerPage    at most this many integrity-flag groups (subjects) on a page and in the PDF; the full list
 *                        is in the open data
 * @param changesPerPage  at most this many changed figures listed on the changes page; all are in the open data
 */
@ConfigurationProperties(prefix = "glasshouse.pages")
public record PageSettings(String reportError, int flagsPerPage, int changesPerPage) {

    public PageSettings {
        if (reportError != null && reportError.isBlank()) reportError = null;
        if (reportError != null && !Report.isRoute(reportError.strip())) {
            throw new IllegalArgumentException("glasshouse.pages.report-error must be an https:// address or a "
                    + "mailto: address, was: " + reportError);
        }
        if (reportError != null) reportError = reportError.strip();
        if (flagsPerPage < 1) {
            throw new IllegalArgumentException("glasshouse.pages.flags-per-page must be at least 1, was " + flagsPerPage);
        }
        if (changesPerPage < 1) {
            throw new IllegalArgumentException("glasshouse.pages.changes-per-page must be at least 1, was "
                    + changesPerPage);
        }
    }
}
