package org.glasshouse.reports.render.html;

/** The cell markers used on the site and the notes that explain them. */
public final class Markers {
    /** Shown in a chart's data table where a value is null (missing or suppressed, not drawn). */
    public static final String NOT_AVAILABLE = "[x]";
    public static final String SUPPRESSED_NOTE =
            "[c] = suppressed to protect confidentiality (disclosure control; see the methodology page).";
    public static final String NOT_AVAILABLE_NOTE =
            "[x] = not available: missing or suppressed, and not drawn in the chart.";

    private Markers() {
    }
}
