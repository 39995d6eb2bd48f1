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
    private static final int MAX_ITERATIONS = 200;
    /** Relations a witness may reach from its cell. */
    private static final int RADIUS = 2;
    /** Witness variables above which the cells are protected one at a time (the solver's tableau is dense). */
    private static final int JOINT_BUDGET = 1500;

    private final Map<String, Set<String>> neighbourhoods = new HashMap<>();
    private Map<String, List<LinearRelation>> byCell;

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
        Set<String> chosen = new LinkedHashSet<>();
        boolean optimal = true;
        for (int it = 1; it <= MAX_ITERATIONS; it++) {
            Map<Block, Long> round = blocks;
            Set<String> fixed = Set.of();
            if (size(blocks) > JOINT_BUDGET) {
                // Too big to solve at once (the solver's tableau is dense): protect one small cell at a time, keeping
                // what earlier rounds hid. Each round is optimal for its cell; the whole is audited, not proven optimal.
                optimal = false;
                String first = failing(primary, chosen).stream().findFirst().orElseThrow();
                round = new LinkedHashMap<>();
                for (var b : blocks.entrySet()) if (b.getKey().cell().equals(first)) round.put(b.getKey(), b.getValue());
                fixed = chosen;
            }
            Master m = master(primary, round, fixed);
            optimal &= m.optimal;
            chosen = new LinkedHashSet<>(m.secondary);
            if (!fixed.isEmpty()) chosen.addAll(fixed);
            Set<String> hidden = new LinkedHashSet<>(primary);
            hidden.addAll(chosen);
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
                return new Result(new SuppressionPattern(primary, chosen), it, optimal,
                        System.currentTimeMillis() - start);
            }
        }
        throw new IllegalStateException("secondary suppression did not converge in " + MAX_ITERATIONS + " rounds");
    }

    /** Primary cells the attacker still narrows under a pattern. */
    private Set<String> failing(Set<String> primary, Set<String> secondary) {
        Set<String> hidden = new LinkedHashSet<>(primary);
        hidden.addAll(secondary);
        AttackerProblem attacker = new AttackerProblem(problem, hidden, List.of(), true);
        Set<String> out = new LinkedHashSet<>();
        for (String p : primary) {
            Cell c = problem.cell(p);
            Interval i = attacker.interval(p);
            if (i.upper() < c.value() + problem.upperProtection(c) - 1e-6
                    || i.lower() > c.value() - problem.lowerProtection(c) + 1e-6) out.add(p);
        }
        return out;
    }

    /** Witness variables the blocks need. */
    private int size(Map<Block, Long> blocks) {
        int n = 0;
        for (Block b : blocks.keySet()) n += neighbourhood(b.cell()).size();
        return n;
    }

    /**
     * The cells a witness for this cell may move: those within {@link #RADIUS} relations of it. Cells further away
     * stay at their value in the witness, which only makes the model stricter (a witness that moves fewer cells is
     * still a table the attacker cannot rule out); the audit checks the result against every relation.
     */
    private Set<String> neighbourhood(String cell) {
        return neighbourhoods.computeIfAbsent(cell, c -> {
            // 0-1 breadth-first: an equality passes a move on whole (freezing one side freezes the other), so
            // crossing it is free; crossing an inequality costs one step of the radius.
            Map<String, Integer> dist = new LinkedHashMap<>();
            java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
            dist.put(c, 0);
            queue.add(c);
            while (!queue.isEmpty()) {
                String f = queue.pollFirst();
                int d = dist.get(f);
                for (LinearRelation rel : relationsOf().getOrDefault(f, List.of())) {
                    int nd = d + (rel.sense() == LinearRelation.Sense.EQ ? 0 : 1);
                    if (nd > RADIUS) continue;
                    for (LinearRelation.Term t : rel.terms()) {
                        Integer had = dist.get(t.cell());
                        if (had != null && had <= nd) continue;
                        dist.put(t.cell(), nd);
                        if (nd == d) queue.addFirst(t.cell());
                        else queue.addLast(t.cell());
                    }
                }
            }
            return new LinkedHashSet<>(dist.keySet());
        });
    }

    private Map<String, List<LinearRelation>> relationsOf() {
        if (byCell == null) {
            byCell = new HashMap<>();
            for (LinearRelation r : problem.relations()) {
                for (LinearRelation.Term t : r.terms()) byCell.computeIfAbsent(t.cell(), x -> new ArrayList<>()).add(r);
            }
        }
        return byCell;
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

    /** A latent cell whose companion is relevant must be decided too (hiding the companion hides it). */
    private boolean linked(String cell, Set<String> relevant) {
        for (String[] l : problem.hiddenWith()) if (l[0].equals(cell) && relevant.contains(l[1])) return true;
        return false;
    }

    private Master master(Set<String> primary, Map<Block, Long> blocks, Set<String> fixed) {
        Set<String> always = new LinkedHashSet<>(problem.alwaysHidden());
        always.addAll(fixed); // hidden by earlier rounds: free to move, no further cost
        // Only cells some witness may move need a decision; the others stay published.
        Set<String> relevant = new LinkedHashSet<>();
        for (Block b : blocks.keySet()) relevant.addAll(neighbourhood(b.cell()));
        for (LinearRelation r : problem.relations()) {
            if (r.sense() == LinearRelation.Sense.EQ && r.terms().stream().anyMatch(t -> primary.contains(t.cell()))) {
                r.terms().forEach(t -> relevant.add(t.cell()));
            }
        }
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        m.options.time_abort = Math.max(1000, timeLimitMillis);
        Map<String, Variable> y = new LinkedHashMap<>();
        double total = 0;
        for (Cell c : problem.cells().values()) total += c.value();
        for (Cell c : problem.cells().values()) {
            if (primary.contains(c.id()) || always.contains(c.id()) || problem.alwaysPublished(c)) continue;
            if (!relevant.contains(c.id()) && !linked(c.id(), relevant)) continue;
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
        Set<String> previously = new LinkedHashSet<>(fixed);

        Optimisation.Result res = m.minimise();
        boolean rounded = false;
        if (!res.getState().isFeasible()) {
            // The branch and bound found no pattern in time: solve the linear relaxation and hide every cell it
            // uses at all. Rounding y up only widens each witness's room, so the pattern still protects (audited).
            m.relax();
            res = m.minimise();
            rounded = true;
        }
        if (!res.getState().isFeasible()) {
            if (System.getenv("GLASSHOUSE_SDC_DEBUG") != null) System.err.println("blocks " + blocks + " y " + y.keySet() + "\n" + m);
            throw new IllegalStateException("no suppression pattern protects every small count (" + res.getState()
                    + "): the published relations pin a small count whatever is hidden");
        }
        Set<String> secondary = new LinkedHashSet<>();
        double cut = rounded ? 1e-7 : 0.5;
        for (var e : y.entrySet()) if (res.doubleValue(m.indexOf(e.getValue())) > cut) secondary.add(e.getKey());
        secondary.addAll(previously);
        return new Master(secondary, !rounded && res.getState().isOptimal());
    }

    /** The witness table for one primary cell and direction: cells move only where hidden, relations still hold. */
    private void witness(ExpressionsBasedModel m, Map<String, Variable> y, Set<String> primary, Set<String> always,
                         Block b, long margin, int tag) {
        long ceiling = problem.ceiling();
        Map<String, Variable> z = new HashMap<>();
        Set<String> near = neighbourhood(b.cell());
        for (Cell c : problem.cells().values()) {
            if (problem.alwaysPublished(c) || !near.contains(c.id())) continue;
            if (!y.containsKey(c.id()) && !primary.contains(c.id()) && !always.contains(c.id())) continue;
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
        Set<LinearRelation> touched = new LinkedHashSet<>();
        for (String c : z.keySet()) touched.addAll(relationsOf().getOrDefault(c, List.of()));
        for (LinearRelation r : touched) {
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
