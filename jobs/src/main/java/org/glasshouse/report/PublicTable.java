package org.glasshouse.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;

/**
 * A published table and its allow-list of columns: only these columns, in this order, ever reach a public file,
 * whatever the metric Parquet holds.
 *
 * @param peopleCounts columns that count people (disclosure-controlled)
 * @param derived      columns computed from a people count, suppressed together with it
 * @param orderBy      columns that give the published rows a stable order
 */
public record PublicTable(String name, String title, List<Column> columns, List<String> peopleCounts,
                          List<String> derived, List<String> orderBy) {

    public DataTable fromRows(List<Row> rows) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            List<Object> cells = new ArrayList<>(columns.size());
            for (Column c : columns) {
                int i = r.schema().getFieldIndex(c.name()).isDefined() ? r.fieldIndex(c.name()) : -1;
                cells.add(i < 0 || r.isNullAt(i) ? null : plain(r.get(i)));
            }
            out.add(cells);
        }
        return new DataTable(name, title, columns, out);
    }

    private static Object plain(Object v) {
        if (v instanceof Date d) return d.toLocalDate();
        if (v instanceof Timestamp t) return t.toInstant().toString();
        return v;
    }

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        return -1;
    }
}
