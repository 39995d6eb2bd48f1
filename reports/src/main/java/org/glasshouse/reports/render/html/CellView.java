package org.glasshouse.reports.render.html;

/** One formatted table cell; a row header is rendered as {@code <th scope="row">}. */
public record CellView(String text, boolean numeric, boolean rowHeader, boolean suppressed) {
}
