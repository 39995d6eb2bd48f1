package org.glasshouse.reports.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A table of cells. Cell values may be String, Long/Integer, Double, BigDecimal, LocalDate, Boolean,
 * null (empty) or {@link Suppressed#INSTANCE}. The name is the open-data file stem ({@code data/<name>.csv}).
 */
public record DataTable(String name, String title, List<Column> columns, List<List<Object>> rows) {
    public DataTable {
        SafeNames.requireFileName(name, "table name");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has no columns");
        }
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Object> row = Objects.requireNonNull(rows.get(i), "row " + i);
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("table " + name + " row " + i + " has " + row.size()
                        + " cells, expected " + columns.size());
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }
}
