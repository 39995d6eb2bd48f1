package org.glasshouse.reports.model;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The whole public report: pages (first page = landing page) and the open-data tables.
 *
 * @param reportError where a reader reports an error in a figure: an https:// (or http://) address or a mailto:
 *                    address, linked from every page; null for none
 */
public record Report(String title, LocalDate asOf, String runId, List<Page> pages, List<DataTable> openData,
                     String reportError) {
    private static final Pattern ROUTE = Pattern.compile("(?i)(https?://|mailto:)[^\\s\"'<>\\\\]+");

    public Report(String title, LocalDate asOf, String runId, List<Page> pages, List<DataTable> openData) {
        this(title, asOf, runId, pages, openData, null);
    }

    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(runId, "runId");
        pages = List.copyOf(pages);
        openData = List.copyOf(openData);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one page");
        }
        if (reportError != null && !isRoute(reportError)) {
            throw new IllegalArgumentException("the report-an-error route must be an https://, http:// or mailto: "
                    + "address without spaces or quotes: " + SafeNames.quote(reportError));
        }
        requireUnique(pages.stream().map(Page::fileName).toList(), "page file name");
        requireUnique(openData.stream().map(DataTable::name).toList(), "open-data table name");
    }

    /** True for an address a page may link to for error reports (never javascript: or data: URLs). */
    public static boolean isRoute(String href) {
        return href != null && ROUTE.matcher(href).matches();
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate " + what + ": " + n);
            }
        }
    }
}
