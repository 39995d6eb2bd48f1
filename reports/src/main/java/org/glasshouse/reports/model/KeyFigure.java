package org.glasshouse.reports.model;

import java.util.Objects;

/**
 * One headline number; the value follows the same rules as a table cell. The unit, when given, is printed before a
 * money value (USD 1,234.00) and after any other (1,513 people).
 */
public record KeyFigure(String label, Object value, ColumnType type, String unit) {
    public KeyFigure(String label, Object value, ColumnType type) {
        this(label, value, type, null);
    }

    public KeyFigure {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(type, "type");
    }
}
