package org.glasshouse.reports.render.html;

/** One formatted headline figure. */
public record KeyFigureView(String label, String value, boolean suppressed) {
}
