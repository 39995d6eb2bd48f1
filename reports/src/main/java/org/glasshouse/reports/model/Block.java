package org.glasshouse.reports.model;

/** A piece of page content. */
public sealed interface Block permits Heading, Paragraph, TableBlock, ChartBlock, KeyFigures, LinkList,
        ScreenOnly, PrintOnly {
}
