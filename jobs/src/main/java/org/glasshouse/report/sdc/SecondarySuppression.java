package org.glasshouse.report.sdc;

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

/**
 * Optimal secondary suppression as a mixed-integer program (Fischetti and Salazar's model, as τ-ARGUS's "optimal"
 * and sdcTable's "OPT" methods use): a 0/1 variable per count that may be hidden, minimising the people (or cells)
 * hidden beyond the primary cells, such that for every primary cell and direction there exists a table the attacker
 * cannot rule out — consistent with every published count and relation — in which the cell is at least the
 * protection level above (or below) its value. That table (the "witness") is part of the model: its cells may move
 * only where the pattern hides them. Witness blocks are added lazily, for the primary cells and directions the
 * current pattern fails (found by solving the attacker's integer problem), until none fails: the final pattern is
 * optimal for the full model, and audited.
 */
public final class SecondarySuppression {

    public enum Cost { PEOPLE, CELLS }

    /**
     * @param optimal    false when the solver stopped at its time limit with a feasible (protected) pattern
     * @param iterations master problems solved
     */
    public record Result(SuppressionPattern pattern, int iterations, boolean optimal, long millis) {}

    /** Largest move of a witness cell: keeps the big-M coefficients small (sound: a tighter witness is a witness). */
    private static final long MOVE_CAP = 100_000;
    private static final int MAX_ITERATIONS = 60;

    private final ProtectionProblem problem;
    private final Cost cost;
    private final long timeLimitMillis;

    public SecondarySuppression(ProtectionProblem problem, Cost cost, long timeLimitMillis) {
        this.problem = problem;
        this.cost = cost;
        this.timeLimitMillis = timeLimitMillis;
    }

    private record Block(String cell, boolean up) {}

    public Result solve() {
        long start = System.currentTimeMillis();
        Set<String> primary = problem.primary();
        if (primary.isEmpty()) return new Result(new SuppressionPattern(Set.of(), Set.of()), 0, true, 0);
        Map<Block, Long> blocks = new LinkedHashMap<>();
        boolean optimal = true;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            Master m = master(primary, blocks);
            optimal &= m.optimal;
            Set<String> hidden = new LinkedHashSet<>(primary);
            hidden.addAll(m.secondary);
            AttackerProblem attacker = new AttackerProblem(problem, hidden, List.of(), true);
            boolean violated = false;
            for (String p : primary) {
                Cell c = problem.cell(p);
                Interval i = attacker.interval(p);
                long needUp = problem.upperProtection(c);
                long needDown = problem.lowerProtection(c);
                if (i.upper() < c.value() + needUp - 1e-6) {
                    violated = true;
                    raise(blocks, new Block(p, true), needUp, c.value() + needUp - i.upper());
                }
                if (needDown > 0 && i.lower() > c.value() - needDown + 1e-6) {
                    violated = true;
                    raise(blocks, new Block(p, false), needDown, i.lower() - (c.value() - needDown));
                }
            }
            if (!violated) {
                return new Result(new SuppressionPattern(primary, m.secondary), it, optimal,
                        System.currentTimeMillis() - start);
            }
        }
        throw new IllegalStateException("secondary suppression did not converge in " + MAX_ITERATIONS + " rounds");
    }

    /**
     * A block is first added with the protection it needs. Its witness is continuous, so when the whole-number
     * attacker still narrows the cell, the block asks for more (by the shortfall) next time.
     */
    private static void raise(Map<Block, Long> blocks, Block b, long need, double shortfall) {
        Long had = blocks.get(b);
        blocks.put(b, had == null ? need : had + Math.max(1, (long) Math.ceil(shortfall)));
    }

    private record Master(Set<String> secondary, boolean optimal) {}

    private Master master(Set<String> primary, Map<Block, Long> blocks) {
        Set<String> always = problem.alwaysHidden();
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        m.options.time_abort = Math.max(1000, timeLimitMillis);
        Map<String, Variable> y = new LinkedHashMap<>();
        double total = 0;
        for (Cell c : problem.cells().values()) total += c.value();
        for (Cell c : problem.cells().values()) {
            if (primary.contains(c.id()) || always.contains(c.id()) || problem.alwaysPublished(c)) continue;
            double w = cost == Cost.PEOPLE ? Math.max(c.value(), 0.001) : 1 + c.value() / (10 * Math.max(total, 1));
            y.put(c.id(), m.addVariable("y:" + c.id()).binary().weight(w));
        }
        int n = 0;
        // Hiding a count hides the latent counts that only a figure with it gives back.
        for (String[] link : problem.hiddenWith()) {
            Variable l = y.get(link[0]);
            if (l == null) continue; // primary or always hidden
            Variable because = y.get(link[1]);
            if (because == null) {
                if (primary.contains(link[1]) || always.contains(link[1])) l.lower(1);
                continue;
            }
            m.addExpression("link" + (n++)).set(l, 1).set(because, -1).lower(0);
        }
        // A primary cell in an equality with every other cell published would be given exactly: hide another.
        for (LinearRelation r : problem.relations()) {
            if (r.sense() != LinearRelation.Sense.EQ) continue;
            for (LinearRelation.Term t : r.terms()) {
                if (!primary.contains(t.cell())) continue;
                boolean covered = false;
                List<Variable> others = new ArrayList<>();
                for (LinearRelation.Term o : r.terms()) {
                    if (o.cell().equals(t.cell())) continue;
                    if (primary.contains(o.cell()) || always.contains(o.cell())) covered = true;
                    else if (y.containsKey(o.cell())) others.add(y.get(o.cell()));
                }
                if (covered) continue;
                Expression e = m.addExpression("eq" + (n++)).lower(1);
                for (Variable v : others) e.set(v, 1);
            }
        }
        for (var b : blocks.entrySet()) witness(m, y, primary, always, b.getKey(), b.getValue(), n++);

        Optimisation.Result res = m.minimise();
        if (!res.getState().isFeasible()) {
            throw new IllegalStateException("no suppression pattern protects every small count (" + res.getState()
                    + "): the published relations pin a small count whatever is hidden");
        }
        Set<String> secondary = new LinkedHashSet<>();
        for (var e : y.entrySet()) if (res.doubleValue(m.indexOf(e.getValue())) > 0.5) secondary.add(e.getKey());
        return new Master(secondary, res.getState().isOptimal());
    }

    /** The witness table for one primary cell and direction: cells move only where hidden, relations still hold. */
    private void witness(ExpressionsBasedModel m, Map<String, Variable> y, Set<String> primary, Set<String> always,
                         Block b, long margin, int tag) {
        long ceiling = problem.ceiling();
        Map<String, Variable> z = new HashMap<>();
        for (Cell c : problem.cells().values()) {
            if (problem.alwaysPublished(c)) continue;
            long up = Math.min(ceiling - c.value(), MOVE_CAP);
            long down = Math.min(c.value() - c.floor(), MOVE_CAP);
            Variable v = m.addVariable("z" + tag + ":" + c.id());
            if (primary.contains(c.id()) || always.contains(c.id())) {
                v.lower(-down).upper(up);
            } else {
                Variable yc = y.get(c.id());
                v.lower(-down).upper(up);
                m.addExpression("zu" + tag + ":" + c.id()).set(v, 1).set(yc, -up).upper(0);
                m.addExpression("zd" + tag + ":" + c.id()).set(v, 1).set(yc, down).lower(0);
            }
            z.put(c.id(), v);
        }
        Map<String, Long> values = problem.values();
        int n = 0;
        for (LinearRelation r : problem.relations()) {
            double slack = r.constant() - r.left(values);
            List<LinearRelation.Term> moving = new ArrayList<>();
            for (LinearRelation.Term t : r.terms()) if (z.containsKey(t.cell())) moving.add(t);
            if (moving.isEmpty()) continue;
            Expression e = m.addExpression("w" + tag + ":" + (n++));
            for (LinearRelation.Term t : moving) e.set(z.get(t.cell()), t.coefficient());
            switch (r.sense()) {
                case EQ -> e.level(0);
                case LE -> e.upper(Math.max(0, slack));
                case GE -> e.lower(Math.min(0, slack));
            }
        }
        Variable target = z.get(b.cell());
        if (b.up()) target.lower(margin);
        else target.upper(-margin);
    }
}
