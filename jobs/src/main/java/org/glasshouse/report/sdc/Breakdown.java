package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * People of a programme broken down by one dimension at a time (reach_breakdown). A person served with two values
 * counts under both, so each group is at most the programme's people and the groups of a dimension add up to at
 * least it (not exactly). The share column is computed from the group and the programme's people.
 */
public record Breakdown(String table, String count, String share, String totalTable, String totalColumn)
        implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        Map<String, String> totals = new LinkedHashMap<>();
        for (TableRow r : m.rows(totalTable)) totals.put(r.text("programme_id"), m.cellAt(r, totalColumn));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (TableRow r : m.rows(table)) {
            String c = m.cellAt(r, count);
            String total = totals.get(r.text("programme_id"));
            m.derive(r.at(share), java.util.Arrays.asList(c, total));
            if (c == null || total == null) continue;
            m.relate(LinearRelation.atMost(c, total, "a group's people <= the programme's"));
            groups.computeIfAbsent(r.text("programme_id") + "\u0000" + r.text("dimension"), x -> new ArrayList<>()).add(c);
        }
        for (var e : groups.entrySet()) {
            String total = totals.get(e.getKey().substring(0, e.getKey().indexOf('\u0000')));
            m.relate(LinearRelation.sum(total, e.getValue(), LinearRelation.Sense.LE,
                    "the groups of a dimension cover every person of the programme"));
        }
    }
}
