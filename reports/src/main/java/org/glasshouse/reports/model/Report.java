package org.glasshouse.reports.model;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The whole public report: pages (first page = landing page) and the open-data tables. */
public record Report(String title, LocalDate asOf, String runId, List<Page> pages, List<DataTable> openData) {
    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(runId, "runId");
        pages = List.copyOf(pages);
        openData = List.copyOf(openData);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one page");
        }
        requireUnique(pages.stream().map(Page::fileName).toList(), "page file name");
        requireUnique(openData.stream().map(DataTable::name).toList(), "open-data table name");
    }

    private static void requireUnique(List<String> names, String what) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("duplicate " + what + ": " + n);
            }
        }
    }
}
