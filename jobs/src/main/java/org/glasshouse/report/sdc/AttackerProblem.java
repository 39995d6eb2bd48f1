package org.glasshouse.report.sdc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The attacker's problem (Fischetti and Salazar): knowing every published count and every relation, and that a
 * hidden count lies between its floor and the ceiling, how low and how high can a hidden cell be? Solved as an
 * integer program (counts are whole people), or as its linear relaxation, with ojAlgo.
 */
public final class AttackerProblem {

    private final ProtectionProblem problem;
    private final Set<String> hidden;
    private final List<LinearRelation> relations;
    private final boolean integer;

    /**
     * @param hidden  the cells hidden by the pattern (cells that are never published are added)
     * @param extra   further relations the release publishes (e.g. the audit's rounded number of people hidden)
     * @param integer true to solve over whole numbers, false for the linear relaxation (a wider interval)
     */
    public AttackerProblem(ProtectionProblem problem, Set<String> hidden, List<LinearRelation> extra, boolean integer) {
        this.problem = problem;
        this.hidden = new java.util.HashSet<>(hidden);
        this.hidden.addAll(problem.alwaysHidden());
        this.relations = new java.util.ArrayList<>(problem.relations());
        this.relations.addAll(extra);
        this.integer = integer;
    }

    public Interval interval(String cell) {
        if (!hidden.contains(cell)) {
            long v = problem.cell(cell).value();
            return new Interval(v, v);
        }
        return new Interval(solve(cell, false), solve(cell, true));
    }

    private double solve(String target, boolean maximise) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        Map<String, Variable> vars = new HashMap<>();
        long ceiling = problem.ceiling();
        for (String id : hidden) {
            Cell c = problem.cell(id);
            Variable v = m.addVariable(id).lower(c.floor()).upper(ceiling);
            if (integer) v.integer(true);
            vars.put(id, v);
        }
        int n = 0;
        for (LinearRelation r : relations) {
            double constant = r.constant();
            boolean any = false;
            for (LinearRelation.Term t : r.terms()) {
                if (vars.containsKey(t.cell())) any = true;
                else constant -= t.coefficient() * problem.cell(t.cell()).value();
            }
            if (!any) continue;
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
        if (res.getState() == Optimisation.State.UNBOUNDED) return maximise ? ceiling : problem.cell(target).floor();
        if (!res.getState().isFeasible()) {
            throw new IllegalStateException("the attacker's problem for " + target + " has no solution (" + res.getState()
                    + "): the published counts contradict the relations");
        }
        return res.getValue();
    }
}
