package org.glasshouse.report.sdc;

import java.util.List;
import org.glasshouse.reports.model.DataTable;

/** One row of a public table as the model builder reads it. */
public record TableRow(DataTable table, int index) {

    public List<Object> cells() {
        return table.rows().get(index);
    }

    public Object get(String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equals(column)) return cells().get(i);
        }
        return null;
    }

    public String text(String column) {
        Object v = get(column);
        return v == null ? null : String.valueOf(v);
    }

    /** A finite number, or null. */
    public Double number(String column) {
        return get(column) instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    public boolean has(String column) {
        return table.columns().stream().anyMatch(c -> c.name().equals(column));
    }

    public Position at(String column) {
        return new Position(table.name(), index, column);
    }
}
