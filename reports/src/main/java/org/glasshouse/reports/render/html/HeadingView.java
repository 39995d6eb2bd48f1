package org.glasshouse.reports.render.html;

/** A heading of level 2..6 (the page title is the only h1). */
public record HeadingView(int level, String text) implements BlockView {
    @Override
    public String kind() {
        return "heading";
    }
}
