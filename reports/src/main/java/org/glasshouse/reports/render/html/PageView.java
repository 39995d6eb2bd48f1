package org.glasshouse.reports.render.html;

import java.util.List;

/**
 * Everything the page template needs; all strings are plain text (the template escapes them).
 *
 * @param id             the page's anchor in the PDF (its contents and bookmarks link to it)
 * @param asOf           ISO date (for the time element); asOfText the same date written out
 * @param reportErrorHref where to report an error in a figure (https: or mailto: with the page named), or null
 */
public record PageView(String reportTitle, String title, String cssHref, List<NavLink> nav, List<BlockView> blocks,
                       String asOf, String runId, List<NavLink> downloads, String id, String asOfText,
                       String reportErrorHref, String reportErrorText) {
}
