package org.glasshouse.parquet;

import java.util.Comparator;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Orders rows held on the driver as Spark's {@code orderBy(columns)} does: ascending, nulls first, strings by code
 * point (UTF-8 byte order), so a table read without Spark comes out in the order it had when Spark sorted it.
 */
public final class SparkOrder {

    private SparkOrder() {}

    public static Comparator<Row> by(List<String> columns) {
        Comparator<Row> c = (a, b) -> 0;
        for (String name : columns) c = c.thenComparing((a, b) -> compare(a, b, name));
        return c;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Row a, Row b, String name) {
        Object x = a.isNullAt(a.fieldIndex(name)) ? null : a.get(a.fieldIndex(name));
        Object y = b.isNullAt(b.fieldIndex(name)) ? null : b.get(b.fieldIndex(name));
        if (x == null || y == null) return x == null ? (y == null ? 0 : -1) : 1;
        if (x instanceof String s && y instanceof String t) return codePoints(s, t);
        if (x instanceof Double d && y instanceof Double e) return Double.compare(d, e);
        return ((Comparable) x).compareTo(y);
    }

    private static int codePoints(String s, String t) {
        int i = 0;
        int j = 0;
        while (i < s.length() && j < t.length()) {
            int p = s.codePointAt(i);
            int q = t.codePointAt(j);
            if (p != q) return Integer.compare(p, q);
            i += Character.charCount(p);
            j += Character.charCount(q);
        }
        return Integer.compare(s.length() - i, t.length() - j);
    }
}
