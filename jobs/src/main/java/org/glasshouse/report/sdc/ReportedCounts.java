package org.glasshouse.report.sdc;

import java.util.List;

/**
 * Values partners report that may count people: an indicator's actual ("participants entering employment",
 * "residents completing a course"). The release tables do not carry the indicator's unit, so every whole-number
 * value is treated as a count of people (the safe side: a small whole-number score or percentage is hidden too).
 * They enter no relation; the figures computed from them (attainment, status, the projection over all periods)
 * are hidden with them.
 *
 * @param key     columns that name the row (one cell per row)
 * @param derived columns computed from the value on the same row
 * @param series  columns computed from the values of every row with the same series key (e.g. a trend)
 */
public record ReportedCounts(String table, String column, List<String> key, List<String> derived,
                             List<String> seriesKey, List<String> series) implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        java.util.Map<String, List<String>> bySeries = new java.util.LinkedHashMap<>();
        List<TableRow> rows = m.rows(table);
        for (TableRow r : rows) {
            Double v = r.number(column);
            if (v == null || v < 0 || v != Math.rint(v)) continue;
            StringBuilder id = new StringBuilder(table).append('[');
            for (int i = 0; i < key.size(); i++) id.append(i == 0 ? "" : ",").append(r.text(key.get(i)));
            String cell = m.count(id.append("].").append(column).toString(), Math.round(v), r.at(column));
            for (String d : derived) if (r.has(d)) m.derive(r.at(d), List.of(cell));
            bySeries.computeIfAbsent(seriesOf(r), x -> new java.util.ArrayList<>()).add(cell);
        }
        for (TableRow r : rows) {
            List<String> in = bySeries.getOrDefault(seriesOf(r), List.of());
            for (String d : series) if (r.has(d)) m.derive(r.at(d), in);
        }
    }

    private String seriesOf(TableRow r) {
        StringBuilder b = new StringBuilder();
        for (String k : seriesKey) b.append(r.text(k)).append('\u0000');
        return b.toString();
    }
}
