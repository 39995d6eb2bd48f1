package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.glasshouse.report.PublicTable;
import org.glasshouse.reports.model.DataTable;

/**
 * Builds the {@link ProtectionProblem} of a release from its public tables: every people-count column of every
 * table becomes cells (a count printed twice is one cell), then each {@link ModelRule} adds latent counts,
 * relations and the inputs of derived figures. A derived column no rule describes is computed from every count of
 * its row (the safe default for a new table).
 */
public final class ModelBuilder {

    private final Map<String, PublicTable> specs;
    private final Map<String, DataTable> tables;
    private final Map<String, Cell> cells = new LinkedHashMap<>();
    private final Map<String, List<Position>> positions = new LinkedHashMap<>();
    private final List<LinearRelation> relations = new ArrayList<>();
    private final Map<Position, Set<String>> derived = new LinkedHashMap<>();
    private final Map<String, Function<TableRow, String>> cellNames = new LinkedHashMap<>();
    private int k;
    private int p;

    public ModelBuilder(Map<String, PublicTable> specs, Map<String, DataTable> tables) {
        this.specs = specs;
        this.tables = tables;
    }

    /** Names the cell a count column prints, instead of table[row key].column (e.g. to say it repeats another). */
    public void nameCells(String table, String column, Function<TableRow, String> name) {
        cellNames.put(table + "." + column, name);
    }

    public DataTable table(String name) {
        return tables.get(name);
    }

    public List<TableRow> rows(String table) {
        DataTable t = tables.get(table);
        List<TableRow> out = new ArrayList<>();
        if (t == null) return out;
        for (int i = 0; i < t.rows().size(); i++) out.add(new TableRow(t, i));
        return out;
    }

    /** table[key values].column, with the table's key columns (its order-by columns). */
    public String defaultName(TableRow row, String column) {
        PublicTable spec = specs.get(row.table().name());
        StringBuilder b = new StringBuilder(row.table().name()).append('[');
        List<String> key = spec == null ? List.of() : spec.orderBy();
        for (int i = 0; i < key.size(); i++) b.append(i == 0 ? "" : ",").append(row.text(key.get(i)));
        return b.append("].").append(column).toString();
    }

    /**
     * The cell printed at this row and count column, or null when the cell is empty or not a number (a row that
     * prints no count there is computed from none: a duplicate-payment flag has no people, though a cost-outlier
     * flag on the same agreement does).
     */
    public String cellAt(TableRow row, String column) {
        if (!row.has(column) || row.number(column) == null) return null;
        Function<TableRow, String> n = cellNames.get(row.table().name() + "." + column);
        String id = n == null ? null : n.apply(row);
        if (id == null) id = defaultName(row, column);
        return cells.containsKey(id) ? id : null;
    }

    public boolean hasCell(String id) {
        return id != null && cells.containsKey(id);
    }

    public long value(String id) {
        return cells.get(id).value();
    }

    /** A count no table prints but a published figure gives back; its figure is added with {@link #derive}. */
    public String latent(String id, long value) {
        cells.putIfAbsent(id, new Cell(id, value, Cell.Kind.LATENT, List.of()));
        return id;
    }

    /** A published figure that is not people but bounds counts of people (see {@link Cell.Kind#BOUND}). */
    public String bound(String id, long value, Position at) {
        cells.put(id, new Cell(id, value, Cell.Kind.BOUND, List.of()));
        positions.computeIfAbsent(id, x -> new ArrayList<>()).add(at);
        return id;
    }

    /** A count that is never published and links others (a partner's people in one programme). */
    public String structural(String id, long value) {
        cells.putIfAbsent(id, new Cell(id, value, Cell.Kind.STRUCTURAL, List.of()));
        return id;
    }

    public void relate(LinearRelation r) {
        relations.add(r);
    }

    /** The figure at this position is computed from these cells (added to any inputs it already has). */
    public void derive(Position at, List<String> inputs) {
        Set<String> s = derived.computeIfAbsent(at, x -> new LinkedHashSet<>());
        for (String i : inputs) if (i != null) s.add(i);
    }

    /** Every people-count column of every table: a cell per distinct count, with every place it is printed. */
    private void counts() {
        // Named cells first, so a count that repeats another (named after it) joins it whatever the table order.
        List<String[]> later = new ArrayList<>();
        for (var e : tables.entrySet()) {
            PublicTable spec = specs.get(e.getKey());
            if (spec == null) continue;
            for (TableRow row : rows(e.getKey())) {
                for (String column : spec.peopleCounts()) {
                    if (!row.has(column)) continue;
                    Double v = row.number(column);
                    if (v == null) continue;
                    Function<TableRow, String> n = cellNames.get(e.getKey() + "." + column);
                    String id = n == null ? null : n.apply(row);
                    add(id == null ? defaultName(row, column) : id, Math.round(v), row.at(column));
                }
            }
        }
    }

    /** A count printed at this position that no peopleCounts column declares (e.g. a reported indicator value). */
    public String count(String id, long value, Position at) {
        add(id, value, at);
        return id;
    }

    private void add(String id, long value, Position at) {
        Cell had = cells.get(id);
        if (had != null && had.value() != value) {
            throw new IllegalStateException("the count " + id + " is printed as " + had.value() + " and as " + value
                    + " (" + at + ")");
        }
        cells.put(id, new Cell(id, value, Cell.Kind.COUNT, List.of()));
        positions.computeIfAbsent(id, x -> new ArrayList<>()).add(at);
    }

    /** The protection level the problem is built for (rules that scan counts near a value use it). */
    public int p() {
        return p;
    }

    /** The minimum cell size the problem is built for. */
    public int k() {
        return k;
    }

    /** The attacker's a priori upper bound of a count of people so far (as {@link ProtectionProblem#ceiling()}). */
    public long ceiling() {
        long max = (long) k + p;
        for (Cell c : cells.values()) if (c.kind() != Cell.Kind.BOUND) max = Math.max(max, c.value());
        return max;
    }

    public ProtectionProblem build(List<ModelRule> rules, int k, int p) {
        this.k = k;
        this.p = p;
        for (ModelRule r : rules) r.nameCells(this);
        counts();
        for (ModelRule r : rules) r.apply(this);
        // Derived columns no rule described: computed from every count of their row.
        for (var e : tables.entrySet()) {
            PublicTable spec = specs.get(e.getKey());
            if (spec == null) continue;
            for (TableRow row : rows(e.getKey())) {
                for (String column : spec.derived()) {
                    if (!row.has(column) || derived.containsKey(row.at(column))) continue;
                    List<String> in = new ArrayList<>();
                    for (String c : spec.peopleCounts()) if (row.has(c)) in.add(cellAt(row, c));
                    derive(row.at(column), in);
                }
            }
        }
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells.values()) {
            out.add(new Cell(c.id(), c.value(), c.kind(), positions.getOrDefault(c.id(), List.of())));
        }
        List<DerivedFigure> figures = new ArrayList<>();
        derived.forEach((at, in) -> figures.add(new DerivedFigure(at, List.copyOf(in))));
        return ProtectionProblem.of(out, relations, figures, k, p);
    }
}
