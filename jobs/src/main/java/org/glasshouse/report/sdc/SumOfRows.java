package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.List;

/** A total that is by definition the sum of a column over every row of another table (overall = Σ programmes). */
public record SumOfRows(String totalTable, String totalColumn, String partsTable, String partsColumn, String reason)
        implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        if (m.table(partsTable) == null) return;
        List<String> parts = new ArrayList<>();
        for (TableRow r : m.rows(partsTable)) {
            String c = m.cellAt(r, partsColumn);
            if (c != null) parts.add(c);
        }
        for (TableRow r : m.rows(totalTable)) {
            String total = m.cellAt(r, totalColumn);
            if (total != null) m.relate(LinearRelation.sum(total, parts, LinearRelation.Sense.EQ, reason));
        }
    }
}
