package org.glasshouse.reports.render.html;

/** A block prepared for the page template; {@link #kind()} selects the template fragment. */
public sealed interface BlockView permits HeadingView, ParagraphView, TableView, FigureView, KeyFiguresView, LinkListView,
        GroupView {
    String kind();
}
