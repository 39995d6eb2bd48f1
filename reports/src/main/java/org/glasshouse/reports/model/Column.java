package org.glasshouse.reports.model;

import java.util.Objects;

/**
 * One column of a {@link DataTable}. The name is the machine name (open-data header); the label, when given, is what
 * a page shows in its place and the description is its one-line explanation. Description and label may be null.
 */
public record Column(String name, ColumnType type, String description, String label) {
    public Column(String name, ColumnType type, String description) {
        this(name, type, description, null);
    }

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("column name must not be blank");
        }
    }

    /** The plain label a page shows: the label when there is one, else the machine name. */
    public String heading() {
        return label == null || label.isBlank() ? name : label;
    }
}
