package org.glasshouse.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.glasshouse.reports.model.Column;
import org.glasshouse.reports.model.DataTable;

/**
 * Feeds a table into a digest exactly: its name, row count, columns with their types, and every cell with its Java
 * type, NUL-separated, so two tables digest alike only when every build step sees the same values.
 */
final class TableDigest {

    private TableDigest() {}

    static void update(MessageDigest md, String name, DataTable t) {
        StringBuilder b = new StringBuilder("table\u0000").append(name).append('\u0000').append(t.rows().size());
        for (Column c : t.columns()) b.append('\u0000').append(c.name()).append(':').append(c.type());
        b.append('\n');
        md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        for (List<Object> row : t.rows()) {
            b.setLength(0);
            for (Object v : row) {
                b.append(v == null ? "null" : v.getClass().getSimpleName()).append(':').append(v).append('\u0000');
            }
            b.append('\n');
            md.update(b.toString().getBytes(StandardCharsets.UTF_8));
        }
    }
}
