package org.glasshouse.reports.render.html;

import java.util.List;

/** The whole report as one printable document: a contents page, then the printed pages in report order. */
public record PrintView(String title, String asOf, String runId, List<PageView> pages) {
}
