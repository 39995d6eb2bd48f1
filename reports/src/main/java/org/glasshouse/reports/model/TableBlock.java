package org.glasshouse.reports.model;

import java.util.Objects;

/** A table shown on a page. A null or blank caption falls back to the table's title. */
public record TableBlock(DataTable table, String caption) implements Block {
    public TableBlock {
        Objects.requireNonNull(table, "table");
    }
}
