package org.glasshouse.report.sdc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The attacker's intervals while a pattern is being built, solved as rarely and as small as the answer allows,
 * and never approximated:
 * <ul>
 *   <li>an interval depends only on its cell's component (the hidden cells linked to it through hidden cells) and
 *       the relations touching it ({@link AttackerProblem#footprint}); it is kept, and reused as long as no cell
 *       of that footprint changes between hidden and published;</li>
 *   <li>"is this count protected?" is first asked of a small part of its component: the {@value #NEAR} hidden cells
 *       nearest to it free, every other cell at its true value. A table of that smaller problem is a table of the
 *       whole one (the true counts satisfy every relation it leaves out), so when it already reaches the
 *       protection asked the count is protected — a proof, not an estimate. Only when it does not is the whole
 *       component solved, and that answer is exact.</li>
 * </ul>
 * The counters say how much each path did (the benchmark prints them).
 */
final class AttackerIntervals {

    /** Hidden cells the first, small problem leaves free. */
    static final int NEAR = 60;
    /** A component this small is solved whole at once (the small problem would be the same size). */
    private static final int SMALL_FOOTPRINT = 2 * NEAR;

    private final ProtectionProblem problem;
    private final Map<String, List<LinearRelation>> byCell = new HashMap<>();
    private final Map<String, Known> known = new HashMap<>();
    int solvedWhole;
    int provedNear;
    int reused;

    /** Footprints as bit sets over the cells' indices: a few kilobytes per count however large the release. */
    private record Known(Interval interval, BitSet footprint, BitSet hiddenThen) {}

    private final Map<String, Integer> index = new HashMap<>();
    private final List<String> ids;

    AttackerIntervals(ProtectionProblem problem) {
        this.problem = problem;
        this.ids = List.copyOf(problem.cells().keySet());
        for (int i = 0; i < ids.size(); i++) index.put(ids.get(i), i);
        for (LinearRelation r : problem.relations()) {
            for (LinearRelation.Term t : r.terms()) byCell.computeIfAbsent(t.cell(), x -> new ArrayList<>()).add(r);
        }
    }

    /** The exact interval of a cell when {@code hidden} (and every cell never published) is hidden. */
    Interval exact(Set<String> hidden, String cell) {
        AttackerProblem whole = new AttackerProblem(problem, hidden, List.of(), true);
        Interval had = reuse(whole, cell);
        return had != null ? had : solve(whole, cell);
    }

    /** Whether the attacker's interval of a small count reaches what it needs (exact: see the class comment). */
    boolean protects(Set<String> hidden, String cell, Protection need) {
        AttackerProblem whole = new AttackerProblem(problem, hidden, List.of(), true);
        Interval had = reuse(whole, cell);
        if (had != null) return need.met(had);
        Set<String> footprint = whole.footprint(cell);
        if (footprint.size() > SMALL_FOOTPRINT) {
            AttackerProblem near = new AttackerProblem(problem, nearest(whole, cell), List.of(), true);
            if (need.met(near.interval(cell))) {
                provedNear++;
                return true;
            }
        }
        return need.met(solve(whole, cell));
    }

    private Interval reuse(AttackerProblem whole, String cell) {
        Known k = known.get(cell);
        if (k == null) return null;
        BitSet f = k.footprint();
        for (int i = f.nextSetBit(0); i >= 0; i = f.nextSetBit(i + 1)) {
            if (whole.isHidden(ids.get(i)) != k.hiddenThen().get(i)) return null;
        }
        reused++;
        return k.interval();
    }

    private Interval solve(AttackerProblem whole, String cell) {
        Interval i = whole.interval(cell);
        solvedWhole++;
        BitSet footprint = new BitSet(ids.size());
        BitSet hiddenThen = new BitSet(ids.size());
        for (String c : whole.footprint(cell)) {
            int at = index.get(c);
            footprint.set(at);
            if (whole.isHidden(c)) hiddenThen.set(at);
        }
        known.put(cell, new Known(i, footprint, hiddenThen));
        return i;
    }

    /**
     * The hidden cells nearest to a cell (breadth first through relations, in the model's order), at most
     * {@link #NEAR}: the cells the small problem leaves free.
     */
    private Set<String> nearest(AttackerProblem whole, String cell) {
        Set<String> out = new LinkedHashSet<>(List.of(cell));
        Set<String> seen = new LinkedHashSet<>(List.of(cell));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(cell));
        while (!queue.isEmpty() && out.size() < NEAR) {
            for (LinearRelation r : byCell.getOrDefault(queue.poll(), List.of())) {
                for (LinearRelation.Term t : r.terms()) {
                    if (!whole.isHidden(t.cell()) || !seen.add(t.cell())) continue;
                    queue.add(t.cell());
                    if (out.size() < NEAR) out.add(t.cell());
                }
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "attacker problems: " + solvedWhole + " solved whole, " + provedNear + " proved on a part, " + reused
                + " reused";
    }
}
