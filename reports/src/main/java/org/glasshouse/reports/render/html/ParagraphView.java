package org.glasshouse.reports.render.html;

/** A paragraph of plain text. */
public record ParagraphView(String text) implements BlockView {
    @Override
    public String kind() {
        return "paragraph";
    }
}
