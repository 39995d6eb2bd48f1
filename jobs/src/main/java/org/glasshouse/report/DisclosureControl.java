package org.glasshouse.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Suppressed;

/**
 * Statistical disclosure control of the public tables (SPEC section 5), applied once to the whole release so every
 * artefact built from the tables (pages, charts, PDF, open data) shows the same cells suppressed.
 * <ol>
 *   <li>Primary suppression: a count of people from 1 to k−1 becomes {@link Suppressed}.</li>
 *   <li>Complementary suppression: for every {@link Additivity} group (details plus their published total) that has
 *       exactly one suppressed cell, the smallest other detail cell is suppressed too (the total if no detail is
 *       left), repeated until no group has a single suppressed cell; then no suppressed cell equals a published total
 *       minus published cells. Smallest first, because it hides the least information.</li>
 *   <li>Derived figures: every figure of a row computed from a people count (cost per beneficiary, shares, impact
 *       estimates) is suppressed when any people count of that row is, since e.g. spent / cost_per_beneficiary would
 *       give the count back.</li>
 * </ol>
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

    /** One table on its own: primary suppression and derived figures (no totals elsewhere to protect). */
    public DataTable apply(PublicTable spec, DataTable table) {
        return apply(Map.of(spec.name(), spec), Map.of(spec.name(), table), List.of()).get(spec.name());
    }

    /**
     * The whole release: tables by name (absent tables are simply skipped, as are relations that name them).
     * Returns new tables in the same order.
     */
    public Map<String, DataTable> apply(Map<String, PublicTable> specs, Map<String, DataTable> tables,
                                        List<Additivity> relations) {
        Map<String, List<List<Object>>> grid = new LinkedHashMap<>();
        for (var e : tables.entrySet()) {
            List<List<Object>> rows = new ArrayList<>();
            for (List<Object> r : e.getValue().rows()) rows.add(new ArrayList<>(r));
            grid.put(e.getKey(), rows);
            PublicTable spec = specs.get(e.getKey());
            if (spec != null) primary(spec, rows);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Additivity rel : relations) {
                if (grid.containsKey(rel.detailTable()) && grid.containsKey(rel.totalTable())) {
                    changed |= complement(rel, tables, grid);
                }
            }
        }
        Map<String, DataTable> out = new LinkedHashMap<>();
        for (var e : tables.entrySet()) {
            List<List<Object>> rows = grid.get(e.getKey());
            PublicTable spec = specs.get(e.getKey());
            if (spec != null) derived(spec, rows);
            DataTable t = e.getValue();
            out.put(e.getKey(), new DataTable(t.name(), t.title(), t.columns(), rows));
        }
        return out;
    }

    private void primary(PublicTable spec, List<List<Object>> rows) {
        for (List<Object> cells : rows) {
            for (String count : spec.peopleCounts()) {
                int i = spec.index(count);
                if (i >= 0 && isSmall(cells.get(i))) cells.set(i, Suppressed.INSTANCE);
            }
        }
    }

    private static void derived(PublicTable spec, List<List<Object>> rows) {
        for (List<Object> cells : rows) {
            boolean any = false;
            for (String count : spec.peopleCounts()) {
                int i = spec.index(count);
                any |= i >= 0 && cells.get(i) instanceof Suppressed;
            }
            if (!any) continue;
            for (String d : spec.derived()) {
                int i = spec.index(d);
                if (i >= 0) cells.set(i, Suppressed.INSTANCE);
            }
        }
    }

    /** One pass over the groups of a relation; true if it suppressed another cell. */
    private static boolean complement(Additivity rel, Map<String, DataTable> tables,
                                      Map<String, List<List<Object>>> grid) {
        DataTable detail = tables.get(rel.detailTable());
        DataTable total = tables.get(rel.totalTable());
        int dCol = index(detail, rel.detailColumn());
        int tCol = index(total, rel.totalColumn());
        if (dCol < 0 || tCol < 0) return false;
        List<List<Object>> dRows = grid.get(rel.detailTable());
        List<List<Object>> tRows = grid.get(rel.totalTable());

        Map<List<Object>, List<Object>> totalByKey = new HashMap<>();
        for (List<Object> r : tRows) totalByKey.put(key(total, r, rel.join()), r);
        Map<List<Object>, List<List<Object>>> groups = new LinkedHashMap<>();
        for (List<Object> r : dRows) {
            List<Object> g = new ArrayList<>(key(detail, r, rel.join()));
            g.addAll(key(detail, r, rel.partition()));
            groups.computeIfAbsent(g, x -> new ArrayList<>()).add(r);
        }
        boolean changed = false;
        for (var e : groups.entrySet()) {
            List<Object> totalRow = totalByKey.get(e.getKey().subList(0, rel.join().size()));
            if (totalRow == null || totalRow.get(tCol) == null) continue; // no published total: nothing to subtract from
            int suppressed = totalRow.get(tCol) instanceof Suppressed ? 1 : 0;
            List<Object> smallest = null;
            for (List<Object> r : e.getValue()) {
                Object v = r.get(dCol);
                if (v instanceof Suppressed) suppressed++;
                else if (v instanceof Number n && (smallest == null || better(n, (Number) smallest.get(dCol)))) {
                    smallest = r;
                }
            }
            if (suppressed != 1) continue;
            if (smallest != null) smallest.set(dCol, Suppressed.INSTANCE);
            else if (totalRow.get(tCol) instanceof Number) totalRow.set(tCol, Suppressed.INSTANCE);
            else continue;
            changed = true;
        }
        return changed;
    }

    /** Prefer the smallest positive count; a zero only when nothing else is left (hiding a zero hides little). */
    private static boolean better(Number candidate, Number current) {
        long c = candidate.longValue();
        long s = current.longValue();
        if ((c > 0) != (s > 0)) return c > 0;
        return c < s;
    }

    private static List<Object> key(DataTable t, List<Object> row, List<String> columns) {
        List<Object> k = new ArrayList<>(columns.size());
        for (String c : columns) {
            int i = index(t, c);
            k.add(i < 0 ? null : String.valueOf(row.get(i)));
        }
        return k;
    }

    private static int index(DataTable t, String column) {
        for (int i = 0; i < t.columns().size(); i++) if (t.columns().get(i).name().equals(column)) return i;
        return -1;
    }
}
