package org.glasshouse.reports.model;

import java.util.Objects;

/** One column of a {@link DataTable}. The description may be null. */
public record Column(String name, ColumnType type, String description) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }
}
