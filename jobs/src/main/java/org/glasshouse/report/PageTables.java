package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.glasshouse.metrics.ColumnLabels;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.ColumnType;
import org.glasshouse.reports.model.DataTable;

/**
 * The tables a page shows: a few columns of an open-data table (or figures computed from it, such as a partner's
 * name beside an agreement id), each with its plain label and explanation from {@link ColumnLabels}. Money in the
 * reporting currency carries the currency in its label. The open-data files are untouched: they keep every column
 * under its machine name.
 */
final class PageTables {

    /** Reference tables whose money is in each row's own currency, not the reporting currency. */
    private static final Set<String> OWN_CURRENCY = Set.of("programmes", "agreements");

    private PageTables() {}

    /**
     * One column of a page table.
     *
     * @param key   the catalogue key of its label (a column name, or a name for a computed figure)
     * @param table the table whose column it is (for table-specific labels), or null
     * @param value the cell of a source row
     */
    record Field(String key, String table, ColumnType type, Function<List<Object>, Object> value) {}

    /** A column of the source table, as it is. */
    static Field col(DataTable src, String column) {
        int i = Tables.index(src, column);
        if (i < 0) return null;
        return new Field(column, src.name(), src.columns().get(i).type(), r -> r.get(i));
    }

    /** A column of the source table whose values are turned into words (codes such as on_track). */
    static Field words(DataTable src, String column) {
        int i = Tables.index(src, column);
        if (i < 0) return null;
        return new Field(column, src.name(), ColumnType.TEXT, r -> Words.value(column, r.get(i)));
    }

    /** A figure computed from the source row. */
    static Field computed(String key, ColumnType type, Function<List<Object>, Object> value) {
        return new Field(key, null, type, value);
    }

    /** The page table: the fields that exist (absent source columns are left out), in order. */
    static DataTable view(DataTable src, String currency, List<Field> fields) {
        List<Field> present = fields.stream().filter(f -> f != null).toList();
        List<Column> columns = new ArrayList<>();
        for (Field f : present) columns.add(column(f, src.name(), currency));
        List<List<Object>> rows = new ArrayList<>(src.rows().size());
        for (List<Object> r : src.rows()) {
            List<Object> cells = new ArrayList<>(present.size());
            for (Field f : present) cells.add(f.value().apply(r));
            rows.add(cells);
        }
        return new DataTable(src.name(), src.title(), columns, rows);
    }

    static DataTable view(DataTable src, String currency, Field... fields) {
        return view(src, currency, List.of(fields).stream().toList());
    }

    /** A page table made directly from rows (summaries that have no open-data table of their own). */
    static DataTable table(String name, String title, String currency, List<Field> fields, List<List<Object>> rows) {
        List<Column> columns = new ArrayList<>();
        for (Field f : fields) columns.add(column(f, null, currency));
        List<List<Object>> out = new ArrayList<>();
        for (List<Object> r : rows) {
            List<Object> cells = new ArrayList<>();
            for (Field f : fields) cells.add(f.value().apply(r));
            out.add(cells);
        }
        return new DataTable(name, title, columns, out);
    }

    static Column column(Field f, String sourceTable, String currency) {
        ColumnLabels.Label l = ColumnLabels.of(f.table(), f.key());
        String label = l == null ? f.key() : l.label();
        boolean reportingMoney = f.type() == ColumnType.MONEY && currency != null
                && !OWN_CURRENCY.contains(sourceTable == null ? "" : sourceTable);
        if (reportingMoney) label = label + " (" + currency + ")";
        return new Column(f.key(), f.type(), l == null ? null : l.explanation(), label);
    }
}
