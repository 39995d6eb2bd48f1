package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;

/**
 * Primary suppression (SPEC section 5): a count of people from 1 to k−1 is replaced by the suppression marker, and so
 * is every figure of the same row derived from a people count of that row.
 */
public final class DisclosureControl {

    private final int k;

    public DisclosureControl(int k) {
        if (k < 1) throw new IllegalArgumentException("minimum cell size must be at least 1, was " + k);
        this.k = k;
    }

    public int k() {
        return k;
    }

    public boolean isSmall(Object count) {
        return count instanceof Number n && n.longValue() >= 1 && n.longValue() < k;
    }

    public DataTable apply(PublicTable spec, DataTable table) {
        List<List<Object>> rows = new ArrayList<>(table.rows().size());
        for (List<Object> row : table.rows()) {
            List<Object> cells = new ArrayList<>(row);
            boolean anySmall = false;
            for (String count : spec.peopleCounts()) {
                int i = spec.index(count);
                if (i >= 0 && isSmall(cells.get(i))) {
                    cells.set(i, Suppressed.INSTANCE);
                    anySmall = true;
                }
            }
            if (anySmall) {
                for (String d : spec.derived()) {
                    int i = spec.index(d);
                    if (i >= 0) cells.set(i, Suppressed.INSTANCE);
                }
            }
            rows.add(cells);
        }
        return new DataTable(table.name(), table.title(), table.columns(), rows);
    }
}
