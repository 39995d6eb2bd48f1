package org.glasshouse.reports.model;

import java.util.Objects;

/** A chart shown on a page, with its numbers as a table beside it. */
public record ChartBlock(Chart chart) implements Block {
    public ChartBlock {
        Objects.requireNonNull(chart, "chart");
    }
}
