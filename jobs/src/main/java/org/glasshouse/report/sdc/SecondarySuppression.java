package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Variable;

/**
 * Optimal secondary suppression as a mixed-integer program (Fischetti and Salazar's model, as τ-ARGUS's "optimal"
 * and sdcTable's "OPT" methods use): a 0/1 variable per count that may be hidden, minimising the people (or cells)
 * hidden beyond the primary cells, such that for every primary cell and direction there exists a table the attacker
 * cannot rule out — consistent with every published count and relation — in which the cell reaches its required
 * protection ({@link RequiredProtection}). That table (the "witness") is part of the model: its cells may move
 * only where the pattern hides them. Witness blocks are added lazily, for the primary cells and directions the
 * current pattern fails (found by solving the attacker's integer problem), until none fails.
 *
 * <p>Three stages, each bounded by a count of work, never by the clock, so the same release gives the same
 * pattern on every run:
 * <ol>
 *   <li>joint: every small count in one master problem (optimal for the whole release), while its witnesses stay
 *       small enough for ojAlgo's dense simplex ({@link #JOINT_BUDGET}); each master by {@code searchLimit} linear
 *       programs ({@link BranchAndBound}), the rounds by {@link #MAX_ROUNDS};</li>
 *   <li>one at a time: the first count still unprotected gets a master of its own over the cells near it, keeping
 *       what is hidden;</li>
 *   <li>the last resort, for a count whose own master has no solution (a witness may move only cells near its
 *       count, which can be too few), keeps failing, or finds the work budget ({@link #TOTAL_BUDGET} search limits)
 *       spent: hide every cell within one relation of it, then two, and so on. Once every cell linked to a count is
 *       hidden its protection is met by construction, since it was set to what that achieves.</li>
 * </ol>
 */
public final class SecondarySuppression {

    public enum Cost { PEOPLE, CELLS }

    /** How the pattern was found (published in the audit: the same on every run). */
    public enum Search {
        /** The master problems were solved to optimality: no pattern hides less. */
        OPTIMAL,
        /** A master problem reached the search limit: the best pattern found, protected but not proven optimal. */
        SEARCH_LIMIT,
        /** Too large to solve at once: one small count at a time, each step optimal for its count. */
        ONE_AT_A_TIME,
        /** For at least one count, the cells around it hidden until it was protected (see the class comment). */
        LAST_RESORT
    }

    /**
     * @param iterations master problems solved
     * @param millis     time taken (never published: it differs from run to run)
     */
    public record Result(SuppressionPattern pattern, int iterations, Search search, long millis) {
        public boolean optimal() {
            return search == Search.OPTIMAL;
        }
    }

    /** Default linear programs per master problem. */
    public static final int DEFAULT_SEARCH_LIMIT = 400;
    /** Largest move of a witness cell: keeps the big-M coefficients small (sound: a tighter witness is a witness). */
    private static final long MOVE_CAP = 100_000;
    private static final int MAX_ROUNDS = 60;
    /** The whole search may solve this many search limits' worth of linear programs. */
    private static final int TOTAL_BUDGET = 8;
    /** Relations a witness of the joint master may reach from its cell (an equality crossed freely). */
    private static final int RADIUS = 2;
    /**
     * Witness variables above which the cells are protected one at a time: ojAlgo's simplex works on a dense
     * tableau, so a linear program's time grows with the square of its size (measured: 450 decisions and one
     * witness 1 s, two witnesses 33 s).
     */
    private static final int JOINT_BUDGET = 600;
    /**
     * Cells a one-count master's witness may move: past this the cells nearest the count (fewest relations away)
     * are kept. A dense tableau's linear program grows with the square of its size, so this bounds each master's
     * work whatever the size of the release (sound: a witness moving fewer cells is still a table the attacker
     * cannot rule out).
     */
    static final int LOCAL_CELLS = 150;
    /** Master problems one count may get before the last resort protects it. */
    private static final int MAX_ATTEMPTS = 3;

    /** -Dglasshouse.sdc.trace=true prints each round (rounds, sizes, linear programs) to standard error. */
    private static final boolean TRACE = Boolean.getBoolean("glasshouse.sdc.trace");

    private static void trace(String format, Object... args) {
        if (TRACE) System.err.printf("sdc: " + format + "%n", args);
    }

    private final Map<String, Set<String>> neighbourhoods = new HashMap<>();
    private final Map<String, List<LinearRelation>> byCell = new LinkedHashMap<>();
    private final Map<String, Integer> rank = new HashMap<>();
    private final AttackerIntervals attacker;
    private final List<String[]> hiddenWith;
    private final Map<String, Long> values;
    /** Each cell's a priori upper bound ({@link ProtectionProblem#ceiling(Cell)}: a pass over every cell, so once). */
    private final Map<String, Long> ceilings = new HashMap<>();

    private final ProtectionProblem problem;
    private final Map<String, Protection> required;
    private final Cost cost;
    private final int searchLimit;

    /**
     * @param searchLimit linear programs per master problem; 0 for no search (every count by the last resort)
     */
    public SecondarySuppression(ProtectionProblem problem, Map<String, Protection> required, Cost cost,
                                int searchLimit) {
        this.problem = problem;
        this.required = required;
        this.cost = cost;
        this.searchLimit = Math.max(0, searchLimit); // 0: no search at all, the last resort for every count
        for (LinearRelation r : problem.relations()) {
            for (LinearRelation.Term t : r.terms()) byCell.computeIfAbsent(t.cell(), x -> new ArrayList<>()).add(r);
        }
        int i = 0;
        for (String id : new TreeSet<>(problem.cells().keySet())) rank.put(id, i++);
        this.attacker = new AttackerIntervals(problem);
        this.hiddenWith = problem.hiddenWith();
        this.values = problem.values();
        long people = problem.ceiling();
        long any = people;
        for (Cell c : problem.cells().values()) any = Math.max(any, c.value());
        for (Cell c : problem.cells().values()) ceilings.put(c.id(), c.kind() == Cell.Kind.BOUND ? any : people);
    }

    public SecondarySuppression(ProtectionProblem problem, Cost cost) {
        this(problem, RequiredProtection.of(problem), cost, DEFAULT_SEARCH_LIMIT);
    }

    private record Block(String cell, boolean up) {}

    /** The search as it goes: witness blocks asked so far, cells hidden, how it was found, work left. */
    private final class State {
        final Set<String> primary = problem.primary();
        final Map<Block, Long> blocks = new LinkedHashMap<>();
        Set<String> chosen = new LinkedHashSet<>();
        /**
         * Counts found protected while {@code chosen} only grows (one at a time, the last resort): hiding more only
         * widens what the attacker cannot rule out, so they are never checked again.
         */
        final Set<String> done = new LinkedHashSet<>();
        boolean growing;
        Search search = Search.OPTIMAL;
        int budget = TOTAL_BUDGET * searchLimit;
        int masters;

        void worse(Search s) {
            if (s.ordinal() > search.ordinal()) search = s;
        }
    }

    public Result solve() {
        long start = System.currentTimeMillis();
        State st = new State();
        if (st.primary.isEmpty()) return new Result(new SuppressionPattern(Set.of(), Set.of()), 0, Search.OPTIMAL, 0);
        if (!joint(st)) oneAtATime(st);
        trace("%s", attacker);
        return new Result(new SuppressionPattern(st.primary, new TreeSet<>(st.chosen)), st.masters, st.search,
                System.currentTimeMillis() - start);
    }

    /** All small counts in one master problem, while its witnesses stay small enough to solve; true when protected. */
    private boolean joint(State st) {
        for (int round = 1; round <= MAX_ROUNDS; round++) {
            if (size(st.blocks) > JOINT_BUDGET || st.budget <= 0) return false;
            long t0 = System.currentTimeMillis();
            Master m = master(st.primary, st.primary, st.blocks, Set.of(), this::neighbourhood,
                    Math.min(searchLimit, st.budget));
            st.masters++;
            trace("joint round %d: %d blocks, %d decisions, %s, %d ms", round, st.blocks.size(), m.decide().size(),
                    describe(m), System.currentTimeMillis() - t0);
            if (m.outcome() == null) return false;
            st.budget -= m.outcome().relaxationsSolved();
            if (!m.outcome().optimal()) st.worse(Search.SEARCH_LIMIT);
            st.chosen = m.hidden();
            if (check(st, st.blocks.keySet()).isEmpty()) return true;
        }
        return false;
    }

    /**
     * One small count at a time, keeping what is hidden: the first count still unprotected gets a master problem of
     * its own over the cells within one relation of it, two, ... (up to {@link #LOCAL_CELLS} cells), optimal for
     * that count; when none has a pattern, the count keeps failing, or the work budget is spent, the last resort
     * hides the cells around that count until it is protected (always possible: {@link RequiredProtection}).
     */
    private void oneAtATime(State st) {
        st.worse(Search.ONE_AT_A_TIME);
        st.growing = true;
        Map<String, Integer> attempts = new HashMap<>();
        Set<Block> worked = Set.of();
        while (true) {
            List<String> failing = check(st, worked);
            worked = Set.of();
            if (failing.isEmpty()) return;
            String f = failing.get(0);
            boolean done = false;
            if (attempts.merge(f, 1, Integer::sum) <= MAX_ATTEMPTS) {
                // One witness per master (each block roughly doubles the tableau: 30 times slower for two).
                Map<Block, Long> asked = new LinkedHashMap<>();
                for (var b : st.blocks.entrySet()) {
                    if (b.getKey().cell().equals(f) && asked.isEmpty() && failingBlock(st, b.getKey())) {
                        asked.put(b.getKey(), b.getValue());
                    }
                }
                Set<String> previous = Set.of();
                boolean cut = false;
                for (int radius = 1; !done && !cut && !asked.isEmpty() && st.budget > 0; radius++) {
                    Set<String> whole = neighbourhood(f, radius);
                    Set<String> near = nearest(f, whole, LOCAL_CELLS);
                    if (near.equals(previous)) break;
                    previous = near;
                    cut = whole.size() > LOCAL_CELLS; // the cells nearest the count: no wider radius after this one
                    long t0 = System.currentTimeMillis();
                    Master m = master(st.primary, Set.of(f), asked, st.chosen, c -> near,
                            Math.min(localLimit(), st.budget));
                    st.masters++;
                    trace("%s radius %d: %s, %d decisions, %s, %d ms", f, radius, asked.keySet(),
                            m.decide().size(), describe(m), System.currentTimeMillis() - t0);
                    if (m.outcome() == null) {
                        if (TRACE && m.decide().size() < 20) {
                            System.err.println(relaxation(st.primary, Set.of(f), withAlways(st.chosen), asked,
                                    m.decide(), weights(m.decide()), c -> near).model());
                        }
                        continue;
                    }
                    st.budget -= m.outcome().relaxationsSolved();
                    if (!m.outcome().optimal()) st.worse(Search.SEARCH_LIMIT);
                    st.chosen.addAll(m.hidden());
                    worked = asked.keySet();
                    done = true;
                }
            }
            if (!done) {
                trace("%s: last resort", f);
                st.worse(Search.LAST_RESORT);
                st.chosen = grow(st.primary, Set.of(f), st.chosen);
                st.done.add(f);
            }
        }
    }

    /** Linear programs a one-count master may solve: an eighth of the search limit (its tableau is large). */
    private int localLimit() {
        return Math.max(Math.min(1, searchLimit), searchLimit / 8);
    }

    private Set<String> withAlways(Set<String> fixed) {
        Set<String> always = new LinkedHashSet<>(problem.alwaysHidden());
        always.addAll(fixed);
        return always;
    }

    /** Whether the current pattern fails this block (its direction) for its count. */
    private boolean failingBlock(State st, Block b) {
        Set<String> hidden = new LinkedHashSet<>(st.primary);
        hidden.addAll(st.chosen);
        Interval i = attacker.exact(hidden, b.cell());
        Protection need = required.get(b.cell());
        return b.up() ? !need.upperMet(i) : !need.lowerMet(i);
    }

    private static String describe(Master m) {
        return m.outcome() == null ? "no pattern" : m.outcome().relaxationsSolved() + " LPs, optimal "
                + m.outcome().optimal();
    }

    /**
     * The small counts the attacker still narrows under the current pattern, in a stable order. A block it fails
     * is added with the protection asked; one the last master asked for already asks for more next time.
     */
    private List<String> check(State st, Set<Block> asked) {
        Set<String> hidden = new LinkedHashSet<>(st.primary);
        hidden.addAll(st.chosen);
        List<String> out = new ArrayList<>();
        for (String p : st.primary) {
            if (st.done.contains(p)) continue;
            Protection need = required.get(p);
            if (attacker.protects(hidden, p, need)) {
                if (st.growing) st.done.add(p);
                continue;
            }
            Interval i = attacker.exact(hidden, p);
            if (!need.upperMet(i)) raise(st.blocks, asked, new Block(p, true), need.above(), need.upper() - i.upper());
            if (!need.lowerMet(i)) raise(st.blocks, asked, new Block(p, false), need.below(), i.lower() - need.lower());
            if (!need.met(i)) out.add(p);
        }
        return out;
    }

    /**
     * The last resort, feasible by construction: for the target counts still unprotected, hide every hideable cell
     * within one relation of each, then within two, ... With every cell linked to a count hidden, the attacker
     * knows of it only what the release's structure says, which is what its protection was set to
     * ({@link RequiredProtection}).
     */
    private Set<String> grow(Set<String> primary, Set<String> targets, Set<String> chosen) {
        Set<String> hideable = problem.hideable();
        Set<String> secondary = new LinkedHashSet<>(chosen);
        int radius = 0;
        while (true) {
            Set<String> failing = failing(secondary, targets);
            if (failing.isEmpty()) return secondary;
            boolean grew = false;
            while (!grew) {
                radius++;
                boolean exhausted = true;
                for (String f : failing) {
                    Set<String> reach = within(f, radius);
                    if (reach.size() > within(f, radius - 1).size()) exhausted = false;
                    for (String c : reach) if (hideable.contains(c) && !primary.contains(c)) grew |= secondary.add(c);
                }
                if (!grew && exhausted) {
                    throw new IllegalStateException("every cell linked to " + failing + " is hidden and the attacker "
                            + "still narrows it: its required protection is not what hiding them achieves (a defect)");
                }
            }
        }
    }

    /**
     * The cells of {@code among} fewest relations away from {@code cell} (any relation; equals by the order the
     * model meets them), at most {@code limit}; all of them when there are no more.
     */
    private Set<String> nearest(String cell, Set<String> among, int limit) {
        if (among.size() <= limit) return among;
        Set<String> out = new LinkedHashSet<>();
        Set<String> seen = new LinkedHashSet<>(List.of(cell));
        java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>(List.of(cell));
        if (among.contains(cell)) out.add(cell);
        while (!queue.isEmpty() && out.size() < limit) {
            for (LinearRelation r : byCell.getOrDefault(queue.poll(), List.of())) {
                for (LinearRelation.Term t : r.terms()) {
                    if (!seen.add(t.cell())) continue;
                    queue.add(t.cell());
                    if (among.contains(t.cell()) && out.size() < limit) out.add(t.cell());
                }
            }
        }
        return out;
    }

    /** Cells within {@code radius} relations of a cell (any relation, any sense). */
    private Set<String> within(String cell, int radius) {
        Set<String> seen = new LinkedHashSet<>(List.of(cell));
        List<String> frontier = List.of(cell);
        for (int d = 0; d < radius && !frontier.isEmpty(); d++) {
            List<String> next = new ArrayList<>();
            for (String f : frontier) {
                for (LinearRelation r : byCell.getOrDefault(f, List.of())) {
                    for (LinearRelation.Term t : r.terms()) if (seen.add(t.cell())) next.add(t.cell());
                }
            }
            frontier = next;
        }
        return seen;
    }

    /** The target counts the attacker still narrows under a pattern, in a stable order. */
    private Set<String> failing(Set<String> secondary, Set<String> targets) {
        Set<String> hidden = new LinkedHashSet<>(problem.primary());
        hidden.addAll(secondary);
        Set<String> out = new LinkedHashSet<>();
        for (String p : targets) if (!attacker.protects(hidden, p, required.get(p))) out.add(p);
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
        return neighbourhood(cell, RADIUS);
    }

    private Set<String> neighbourhood(String cell, int radius) {
        return neighbourhoods.computeIfAbsent(cell + "\u0000" + radius, key -> {
            String c = cell;
            // 0-1 breadth-first: an equality passes a move on whole (freezing one side freezes the other), so
            // crossing it is free; crossing an inequality costs one step of the radius.
            Map<String, Integer> dist = new LinkedHashMap<>();
            java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
            dist.put(c, 0);
            queue.add(c);
            while (!queue.isEmpty()) {
                String f = queue.pollFirst();
                int d = dist.get(f);
                for (LinearRelation rel : byCell.getOrDefault(f, List.of())) {
                    int nd = d + (rel.sense() == LinearRelation.Sense.EQ ? 0 : 1);
                    if (nd > radius) continue;
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

    /**
     * A block is first added with the protection it needs. Its witness is continuous, so when the whole-number
     * attacker still narrows the cell after a master asked for it, the block asks for more (by the shortfall) next
     * time; a block no master has asked for yet keeps what it asks.
     */
    private static void raise(Map<Block, Long> blocks, Set<Block> asked, Block b, long need, double shortfall) {
        Long had = blocks.get(b);
        if (had == null) blocks.put(b, need);
        else if (asked.contains(b)) blocks.put(b, had + Math.max(1, (long) Math.ceil(shortfall - 1e-9)));
    }

    /** A master problem's decisions (cells) and its outcome (null: no pattern satisfies its witnesses). */
    private record Master(List<String> decide, BranchAndBound.Outcome outcome) {
        Set<String> hidden() {
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < decide.size(); i++) if (outcome.hidden()[i] == 1) out.add(decide.get(i));
            return out;
        }
    }

    /** A latent cell whose companion is relevant must be decided too (hiding the companion hides it). */
    private boolean linked(String cell, Set<String> relevant) {
        for (String[] l : hiddenWith) if (l[0].equals(cell) && relevant.contains(l[1])) return true;
        return false;
    }

    /**
     * @param cutFor primary cells whose exact sums must hide a second cell
     * @param near   the cells a witness of a cell may move
     */
    private Master master(Set<String> primary, Set<String> cutFor, Map<Block, Long> blocks, Set<String> fixed,
                          java.util.function.Function<String, Set<String>> near, int limit) {
        Set<String> always = new LinkedHashSet<>(problem.alwaysHidden());
        always.addAll(fixed); // hidden by earlier rounds: free to move, no further cost
        // Only cells some witness may move need a decision; the others stay published.
        Set<String> relevant = new LinkedHashSet<>();
        for (Block b : blocks.keySet()) relevant.addAll(near.apply(b.cell()));
        for (LinearRelation r : problem.relations()) {
            if (r.sense() == LinearRelation.Sense.EQ && r.terms().stream().anyMatch(t -> cutFor.contains(t.cell()))) {
                r.terms().forEach(t -> relevant.add(t.cell()));
            }
        }
        List<String> decide = new ArrayList<>();
        for (Cell c : problem.cells().values()) {
            if (primary.contains(c.id()) || always.contains(c.id()) || problem.alwaysPublished(c)) continue;
            if (relevant.contains(c.id()) || linked(c.id(), relevant)) decide.add(c.id());
        }
        double[] weights = weights(decide);
        return new Master(decide, BranchAndBound.minimise(() -> relaxation(primary, cutFor, always, blocks, decide,
                weights, near), limit));
    }

    /**
     * Cost of hiding each cell, perturbed in the order of the cells' names by less than one person in all, so that
     * no two patterns cost the same: the optimum is a single pattern, whatever order the solver meets them in.
     */
    private double[] weights(List<String> decide) {
        double total = 0;
        for (Cell c : problem.cells().values()) total += c.value();
        double n = problem.cells().size();
        double epsilon = cost == Cost.PEOPLE ? 0.5 / (n * (n + 1)) : 0.01 / (n * (n + 1));
        double[] w = new double[decide.size()];
        for (int i = 0; i < w.length; i++) {
            Cell c = problem.cell(decide.get(i));
            double base = cost == Cost.PEOPLE ? c.value() : 1 + c.value() / (10 * Math.max(total, 1));
            w[i] = base + epsilon * (rank.get(c.id()) + 1);
        }
        return w;
    }

    private BranchAndBound.Relaxation relaxation(Set<String> primary, Set<String> cutFor, Set<String> always,
                                                 Map<Block, Long> blocks, List<String> decide, double[] weights,
                                                 java.util.function.Function<String, Set<String>> near) {
        ExpressionsBasedModel m = new ExpressionsBasedModel();
        Map<String, Variable> y = new LinkedHashMap<>();
        List<Variable> decisions = new ArrayList<>();
        for (int i = 0; i < decide.size(); i++) {
            Variable v = m.addVariable("y:" + decide.get(i)).lower(0).upper(1).weight(weights[i]);
            y.put(decide.get(i), v);
            decisions.add(v);
        }
        int n = 0;
        // Hiding a count hides the latent counts that only a figure with it gives back.
        for (String[] link : hiddenWith) {
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
                if (!cutFor.contains(t.cell())) continue;
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
        for (var b : blocks.entrySet()) {
            witness(m, y, primary, always, b.getKey(), b.getValue(), near.apply(b.getKey().cell()), n++);
        }
        return new BranchAndBound.Relaxation(m, decisions, weights);
    }

    /** The witness table for one primary cell and direction: cells move only where hidden, relations still hold. */
    private void witness(ExpressionsBasedModel m, Map<String, Variable> y, Set<String> primary, Set<String> always,
                         Block b, long margin, Set<String> near, int tag) {
        Map<String, Variable> z = new LinkedHashMap<>();
        for (String id : near) {
            Cell c = problem.cell(id);
            if (problem.alwaysPublished(c)) continue;
            if (!y.containsKey(c.id()) && !primary.contains(c.id()) && !always.contains(c.id())) continue;
            long up = Math.min(ceilings.get(c.id()) - c.value(), MOVE_CAP);
            long down = Math.min(c.value() - c.floor(), MOVE_CAP);
            Variable v = m.addVariable("z" + tag + ":" + c.id()).lower(-down).upper(up);
            if (!primary.contains(c.id()) && !always.contains(c.id())) {
                Variable yc = y.get(c.id());
                m.addExpression("zu" + tag + ":" + c.id()).set(v, 1).set(yc, -up).upper(0);
                m.addExpression("zd" + tag + ":" + c.id()).set(v, 1).set(yc, down).lower(0);
            }
            z.put(c.id(), v);
        }
        Map<String, Long> values = this.values;
        int n = 0;
        Set<LinearRelation> touched = new LinkedHashSet<>();
        for (String c : z.keySet()) touched.addAll(byCell.getOrDefault(c, List.of()));
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
