package org.glasshouse.reports.render.html;

/**
 * A chart: PNG image with alt text, SVG link, caption, and its numbers as a table (null in the PDF, which says where
 * the numbers are instead).
 */
public record FigureView(String id, String pngHref, String svgHref, String alt, String caption, TableView table)
        implements BlockView {
    @Override
    public String kind() {
        return "figure";
    }
}
