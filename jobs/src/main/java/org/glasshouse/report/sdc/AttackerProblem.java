package org.glasshouse.report.sdc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.integer.IntegerStrategy;

/**
 * The attacker's problem (Fischetti and Salazar): knowing every published count and every relation, and that a
 * hidden count lies between its floor and the ceiling, how low and how high can a hidden cell be? Solved as an
 * integer program (counts are whole people), or as its linear relaxation, with ojAlgo.
 *
 * <p>Only the relations reachable from the cell through hidden cells take part (published cells are constants, so a
 * relation with no hidden cell linked to the target constrains nothing the target depends on; the true counts
 * satisfy it). The branch and bound runs on one thread with no time limit: the answer is the problem's optimum, the
 * same on every run and machine.
 */
public final class AttackerProblem {

    /** ojAlgo's integer solver on one worker thread: deterministic, and frugal on a shared machine. */
    static final IntegerStrategy ONE_THREAD = IntegerStrategy.DEFAULT.withParallelism(() -> 1);

    private final ProtectionProblem problem;
    private final Set<String> hidden;
    private final List<LinearRelation> relations;
    private final Map<String, List<LinearRelation>> byCell = new HashMap<>();
    private final boolean integer;
    /** The ceilings of a count of people and of a bound (computed once: each is a pass over every cell). */
    private final long peopleCeiling;
    private final long boundCeiling;

    /**
     * @param hidden  the cells hidden by the pattern (cells that are never published are added)
     * @param extra   further relations the release publishes (e.g. the audit's rounded number of people hidden)
     * @param integer true to solve over whole numbers, false for the linear relaxation (a wider interval)
     */
    public AttackerProblem(ProtectionProblem problem, Set<String> hidden, List<LinearRelation> extra, boolean integer) {
        this.problem = problem;
        this.hidden = new LinkedHashSet<>(hidden);
        this.hidden.addAll(problem.alwaysHidden());
        this.relations = new ArrayList<>(problem.relations());
        this.relations.addAll(extra);
        this.integer = integer;
        this.peopleCeiling = problem.ceiling();
        long any = peopleCeiling;
        for (Cell c : problem.cells().values()) any = Math.max(any, c.value());
        this.boundCeiling = any;
        for (LinearRelation r : relations) {
            for (LinearRelation.Term t : r.terms()) {
                if (this.hidden.contains(t.cell())) byCell.computeIfAbsent(t.cell(), x -> new ArrayList<>()).add(r);
            }
        }
    }

    public Interval interval(String cell) {
        if (!hidden.contains(cell)) {
            long v = problem.cell(cell).value();
            return new Interval(v, v);
        }
        return new Interval(solve(cell, false), solve(cell, true));
    }

    /**
     * One end of a hidden cell's interval and a table that reaches it (the hidden cells of its component at the
     * values the solver found; every other cell at its true value). Null witness when the solver gave none.
     */
    public record Endpoint(double value, Map<String, Double> witness) {}

    public Endpoint endpoint(String cell, boolean maximise) {
        if (!hidden.contains(cell)) {
            long v = problem.cell(cell).value();
            return new Endpoint(v, Map.of());
        }
        Map<String, Double> witness = new LinkedHashMap<>();
        double v = solve(cell, maximise, witness);
        return new Endpoint(v, witness.isEmpty() ? null : witness);
    }

    /**
     * Every cell the interval of {@code cell} depends on: the hidden cells linked to it through hidden cells and
     * every cell of a relation among them. The interval stays the same while none of these is hidden or published
     * anew, whatever happens elsewhere in the release.
     */
    public Set<String> footprint(String cell) {
        Set<String> out = new LinkedHashSet<>(List.of(cell));
        if (!hidden.contains(cell)) return out;
        for (LinearRelation r : reachable(cell)) for (LinearRelation.Term t : r.terms()) out.add(t.cell());
        return out;
    }

    /** Whether the attacker sees this cell as hidden (hidden by the pattern, or never published). */
    public boolean isHidden(String cell) {
        return hidden.contains(cell);
    }

    /** The relations and hidden cells linked to the target through hidden cells, in a stable order. */
    private List<LinearRelation> reachable(String target) {
        Set<LinearRelation> out = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>(List.of(target));
        ArrayDeque<String> queue = new ArrayDeque<>(List.of(target));
        while (!queue.isEmpty()) {
            for (LinearRelation r : byCell.getOrDefault(queue.poll(), List.of())) {
                if (!out.add(r)) continue;
                for (LinearRelation.Term t : r.terms()) {
                    if (hidden.contains(t.cell()) && seen.add(t.cell())) queue.add(t.cell());
                }
            }
        }
        return new ArrayList<>(out);
    }

    private double solve(String target, boolean maximise) {
        return solve(target, maximise, null);
    }

    private double solve(String target, boolean maximise, Map<String, Double> witness) {
        List<LinearRelation> used = reachable(target);
        if (integer) {
            // The linear relaxation first: when its optimal table is whole numbers it is the integer optimum too
            // (no integer table does better than the relaxation), and that is the usual case here, the relations
            // being sums with coefficients of one. Otherwise the integer program decides.
            Map<String, Double> table = new LinkedHashMap<>();
            double relaxed = solve(target, maximise, used, false, table);
            if (!table.isEmpty() && table.values().stream().allMatch(AttackerProblem::whole)) {
                if (witness != null) table.forEach((id, v) -> witness.put(id, (double) Math.round(v)));
                return Math.rint(relaxed);
            }
        }
        return solve(target, maximise, used, integer, witness);
    }

    private static boolean whole(Double v) {
        return v != null && Math.abs(v - Math.rint(v)) < 1e-9 * Math.max(1, Math.abs(v));
    }

    private double solve(String target, boolean maximise, List<LinearRelation> used, boolean wholeNumbers,
                         Map<String, Double> witness) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        m.options.integer(ONE_THREAD);
        Map<String, Variable> vars = new LinkedHashMap<>();
        Set<String> cells = new LinkedHashSet<>(List.of(target));
        for (LinearRelation r : used) for (LinearRelation.Term t : r.terms()) if (hidden.contains(t.cell())) cells.add(t.cell());
        for (String id : cells) {
            Cell c = problem.cell(id);
            Variable v = m.addVariable(id).lower(c.floor()).upper(ceiling(c));
            if (wholeNumbers) v.integer(true);
            vars.put(id, v);
        }
        int n = 0;
        for (LinearRelation r : used) {
            double constant = r.constant();
            for (LinearRelation.Term t : r.terms()) {
                if (!vars.containsKey(t.cell())) constant -= t.coefficient() * problem.cell(t.cell()).value();
            }
            Expression e = m.addExpression("r" + (n++));
            for (LinearRelation.Term t : r.terms()) {
                Variable v = vars.get(t.cell());
                if (v != null) e.set(v, t.coefficient());
            }
            switch (r.sense()) {
                case EQ -> e.level(constant);
                case LE -> e.upper(constant);
                case GE -> e.lower(constant);
            }
        }
        vars.get(target).weight(1);
        Optimisation.Result res = maximise ? m.maximise() : m.minimise();
        if (!wholeNumbers && integer && res.getState() != Optimisation.State.OPTIMAL) {
            return Double.NaN; // no proven optimum of the relaxation: the integer program decides (and says why)
        }
        if (res.getState() == Optimisation.State.UNBOUNDED) {
            return maximise ? ceiling(problem.cell(target)) : problem.cell(target).floor();
        }
        if (!res.getState().isFeasible()) {
            throw new IllegalStateException("the attacker's problem for " + target + " has no solution (" + res.getState()
                    + "): the published counts contradict the relations");
        }
        if (witness != null) {
            for (var e : vars.entrySet()) witness.put(e.getKey(), res.doubleValue(m.indexOf(e.getValue())));
        }
        return res.getValue();
    }

    /** As {@link ProtectionProblem#ceiling(Cell)}. */
    private long ceiling(Cell c) {
        return c.kind() == Cell.Kind.BOUND ? boundCeiling : peopleCeiling;
    }
}
