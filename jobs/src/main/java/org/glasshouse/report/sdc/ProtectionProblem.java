package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the release says about people, as an attacker sees it: the counts (cells), the linear relations among
 * them, and the derived figures that give counts back. Primary cells are the counts from 1 to k−1; each must stay
 * protected: the attacker's interval for it must reach at least {@code p} above its value, and down to
 * max(floor, value − p) below it (with p ≥ k−1, to the floor: the attacker cannot tell the count from 1), or as far
 * as the release's structure allows at all ({@link RequiredProtection}).
 *
 * @param k minimum cell size
 * @param p protection level, in people
 */
public record ProtectionProblem(Map<String, Cell> cells, List<LinearRelation> relations, List<DerivedFigure> derived,
                                int k, int p) {

    public ProtectionProblem {
        if (k < 1) throw new IllegalArgumentException("minimum cell size must be at least 1, was " + k);
        if (p < 1) throw new IllegalArgumentException("protection level must be at least 1, was " + p);
        cells = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        relations = List.copyOf(relations);
        derived = List.copyOf(derived);
        for (LinearRelation r : relations) {
            for (LinearRelation.Term t : r.terms()) {
                if (!cells.containsKey(t.cell())) throw new IllegalArgumentException("relation names no cell " + t.cell() + ": " + r);
            }
        }
        for (DerivedFigure d : derived) {
            for (String c : d.inputs()) {
                if (!cells.containsKey(c)) throw new IllegalArgumentException("figure " + d.at() + " names no cell " + c);
            }
        }
    }

    public static ProtectionProblem of(Collection<Cell> cells, List<LinearRelation> relations,
                                       List<DerivedFigure> derived, int k, int p) {
        Map<String, Cell> m = new LinkedHashMap<>();
        for (Cell c : cells) {
            if (m.put(c.id(), c) != null) throw new IllegalArgumentException("cell defined twice: " + c.id());
        }
        return new ProtectionProblem(m, relations, derived, k, p);
    }

    public Cell cell(String id) {
        return cells.get(id);
    }

    public Map<String, Long> values() {
        Map<String, Long> v = new HashMap<>();
        cells.forEach((id, c) -> v.put(id, c.value()));
        return v;
    }

    /** Relations that do not hold for the true counts: a modelling error, never to be used to protect anything. */
    public List<LinearRelation> broken() {
        Map<String, Long> v = values();
        return relations.stream().filter(r -> !r.holds(v)).toList();
    }

    /** Counts from 1 to k−1, published or computable: they must be hidden. */
    public Set<String> primary() {
        Set<String> out = new LinkedHashSet<>();
        for (Cell c : cells.values()) {
            if (c.kind() != Cell.Kind.STRUCTURAL && c.kind() != Cell.Kind.BOUND && c.value() >= 1 && c.value() < k) {
                out.add(c.id());
            }
        }
        return out;
    }

    /** Cells that are hidden whatever is decided: never published, or latent with no figure that gives them. */
    public Set<String> alwaysHidden() {
        Set<String> revealed = new LinkedHashSet<>();
        for (DerivedFigure d : derived) revealed.addAll(d.inputs());
        Set<String> out = new LinkedHashSet<>();
        for (Cell c : cells.values()) {
            if (c.kind() == Cell.Kind.STRUCTURAL || (c.kind() == Cell.Kind.LATENT && !revealed.contains(c.id()))) {
                out.add(c.id());
            }
        }
        return out;
    }

    /** Cells that may never be hidden: published zeros (hiding one would protect nothing, and notes say it anyway). */
    public boolean alwaysPublished(Cell c) {
        return (c.kind() == Cell.Kind.COUNT || c.kind() == Cell.Kind.BOUND) && c.value() == 0;
    }

    /**
     * "If {@code because} is hidden, {@code cell} is hidden too": a latent count is given only by a figure that
     * also needs other counts (priority_share needs beneficiaries), so hiding those hides it.
     */
    public List<String[]> hiddenWith() {
        List<String[]> out = new ArrayList<>();
        for (DerivedFigure d : derived) {
            for (String l : d.inputs()) {
                if (cells.get(l).kind() != Cell.Kind.LATENT) continue;
                for (String other : d.inputs()) if (!other.equals(l)) out.add(new String[] {l, other});
            }
        }
        return out;
    }

    /**
     * The a priori upper bound of every hidden count of people (sdcTable and τ-ARGUS use the largest cell the same
     * way): the largest count of people, at least k + p.
     */
    public long ceiling() {
        long max = (long) k + p;
        for (Cell c : cells.values()) if (c.kind() != Cell.Kind.BOUND) max = Math.max(max, c.value());
        return max;
    }

    /** The a priori upper bound of a hidden cell: figures that are not people (rows) up to the largest of any kind. */
    public long ceiling(Cell c) {
        if (c.kind() != Cell.Kind.BOUND) return ceiling();
        long max = ceiling();
        for (Cell o : cells.values()) max = Math.max(max, o.value());
        return max;
    }

    /** Every cell a pattern may hide: all but published zeros. */
    public Set<String> hideable() {
        Set<String> out = new LinkedHashSet<>();
        for (Cell c : cells.values()) if (!alwaysPublished(c)) out.add(c.id());
        return out;
    }
}
