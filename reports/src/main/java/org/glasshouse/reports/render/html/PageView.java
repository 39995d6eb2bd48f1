package org.glasshouse.reports.render.html;

import java.util.List;

/** Everything the page template needs; all strings are plain text (the template escapes them). */
public record PageView(String reportTitle, String title, String cssHref, List<NavLink> nav, List<BlockView> blocks,
                       String asOf, String runId, List<NavLink> downloads) {
}
