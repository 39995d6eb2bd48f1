package org.glasshouse.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.reports.model.DataTable;

/**
 * A release's public tables for disclosure-control tests, with the real table definitions of {@link PublicTables}:
 * each table gets only the columns a test names (the rest stay empty), rows in the order given.
 */
final class ReleaseFixture {

    final Map<String, PublicTable> specs = new LinkedHashMap<>();
    final Map<String, DataTable> tables = new LinkedHashMap<>();

    /** Adds a table: the named columns, then one list of values per row. */
    ReleaseFixture table(PublicTable spec, List<String> columns, List<?>... rows) {
        List<List<Object>> full = new ArrayList<>();
        for (List<?> r : rows) {
            List<Object> cells = new ArrayList<>(Collections.nCopies(spec.columns().size(), null));
            for (int i = 0; i < columns.size(); i++) {
                int at = spec.index(columns.get(i));
                if (at < 0) throw new IllegalArgumentException(spec.name() + " has no column " + columns.get(i));
                cells.set(at, r.get(i));
            }
            full.add(cells);
        }
        specs.put(spec.name(), spec);
        tables.put(spec.name(), new DataTable(spec.name(), spec.title(), spec.columns(), full));
        return this;
    }

    static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    /** The value of a column in the row whose key column has this value. */
    static Object cell(DataTable t, String keyColumn, String key, String column) {
        int k = index(t, keyColumn);
        int c = index(t, column);
        for (List<Object> r : t.rows()) if (key.equals(String.valueOf(r.get(k)))) return r.get(c);
        throw new IllegalArgumentException("no row " + keyColumn + "=" + key + " in " + t.name());
    }

    static int index(DataTable t, String column) {
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
        throw new IllegalArgumentException(t.name() + " has no column " + column);
    }
}
