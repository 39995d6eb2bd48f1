package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.glasshouse.reports.model.DataTable;

/** Read helpers over the (already disclosure-controlled) public tables; absent tables and columns are tolerated. */
final class Tables {

    private Tables() {}

    static int index(DataTable t, String column) {
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
        return -1;
    }

    static Object value(DataTable t, List<Object> row, String column) {
        int i = index(t, column);
        return i < 0 ? null : row.get(i);
    }

    static String text(DataTable t, List<Object> row, String column) {
        Object v = value(t, row, column);
        return v == null ? "" : String.valueOf(v);
    }

    /** A number, or null when empty, suppressed or not numeric (such values are never drawn). */
    static Double number(DataTable t, List<Object> row, String column) {
        return value(t, row, column) instanceof Number n ? n.doubleValue() : null;
    }

    static List<Double> numbers(DataTable t, String column) {
        return t.rows().stream().map(r -> number(t, r, column)).toList();
    }

    static List<String> texts(DataTable t, String column) {
        return t.rows().stream().map(r -> text(t, r, column)).toList();
    }

    /** The rows whose column equals the value, as a table of the same name and columns. */
    static DataTable where(DataTable t, String column, String value) {
        int i = index(t, column);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) if (i >= 0 && Objects.equals(String.valueOf(r.get(i)), value)) rows.add(r);
        return new DataTable(t.name(), t.title(), t.columns(), rows);
    }

    /** The rows whose column is one of the values. */
    static DataTable whereIn(DataTable t, String column, List<String> values) {
        int i = index(t, column);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : t.rows()) if (i >= 0 && values.contains(String.valueOf(r.get(i)))) rows.add(r);
        return new DataTable(t.name(), t.title(), t.columns(), rows);
    }

    static List<Object> first(DataTable t, String column, String value) {
        DataTable w = where(t, column, value);
        return w.rows().isEmpty() ? null : w.rows().get(0);
    }

    static double total(List<Double> xs) {
        return xs.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).sum();
    }

    static Double median(List<Double> xs) {
        List<Double> v = xs.stream().filter(Objects::nonNull).sorted().toList();
        if (v.isEmpty()) return null;
        int m = v.size() / 2;
        return v.size() % 2 == 1 ? v.get(m) : (v.get(m - 1) + v.get(m)) / 2;
    }

    static boolean present(Map<String, DataTable> tables, String name) {
        return tables.get(name) != null;
    }
}
