package org.glasshouse.reports.model;

import java.util.Objects;

/** One headline number; the value follows the same rules as a table cell. */
public record KeyFigure(String label, Object value, ColumnType type) {
    public KeyFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }
}
