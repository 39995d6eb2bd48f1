package org.glasshouse.report.sdc;

import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.function.Supplier;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Best-first branch and bound over 0/1 decisions whose linear relaxation is a pattern when rounded up: in the
 * secondary-suppression master, raising a decision to 1 (hiding a cell) only widens what each witness table may
 * move, so every relaxed solution rounded up is a protected pattern. That gives an incumbent from the first
 * relaxation on, and makes the search's budget a count of linear programs, not seconds: the same pattern on every
 * run and machine, however busy (ojAlgo's own branch and bound stops on wall-clock time and runs several threads,
 * so two runs could return two different patterns of equal cost).
 *
 * <p>Ties are broken by the weights themselves: the caller perturbs each weight by a tiny amount in the order of
 * the cells' names, so no two patterns cost the same and the optimum is one pattern.
 */
final class BranchAndBound {

    /** A relaxation to solve: the model and its decision variables, in a fixed order. */
    record Relaxation(ExpressionsBasedModel model, List<Variable> decisions, double[] weights) {}

    /** @param hidden per decision, 1 when the pattern hides it; null when no pattern exists */
    record Outcome(int[] hidden, double cost, boolean optimal, int relaxationsSolved) {}

    private static final double INTEGRAL = 1e-6;
    private static final double USED = 1e-7;

    private record Node(double bound, long seq, int[] fixed, double[] x) {}

    private BranchAndBound() {}

    /**
     * @param build       a fresh relaxation (decisions continuous in [0, 1]); built anew for each node, since ojAlgo's
     *                    presolve may tighten a model it solved
     * @param relaxations at most this many linear programs
     */
    static Outcome minimise(Supplier<Relaxation> build, int relaxations) {
        Relaxation first = build.get();
        int n = first.decisions().size();
        double[] weights = first.weights();
        int[] free = new int[n];
        Arrays.fill(free, -1);
        int[] solved = {0};
        if (first.model().countVariables() == 0) return new Outcome(new int[0], 0, true, 0);
        double[] root = solve(first, free, solved);
        if (root == null) return null;
        int[] best = roundUp(root);
        double bestCost = cost(best, weights);
        PriorityQueue<Node> open = new PriorityQueue<>((a, b) -> a.bound != b.bound ? Double.compare(a.bound, b.bound)
                : Long.compare(a.seq, b.seq));
        long seq = 0;
        if (!integral(root)) open.add(new Node(cost(root, weights), seq++, free, root));
        while (!open.isEmpty()) {
            Node node = open.peek();
            if (node.bound >= bestCost - 1e-9) {
                open.clear(); // best-first: every open node is at least as costly as the pattern in hand
                break;
            }
            if (solved[0] + 2 > relaxations) break;
            open.poll();
            int branch = branchingVariable(node.x, node.fixed);
            for (int value : new int[] {0, 1}) {
                int[] fixed = node.fixed.clone();
                fixed[branch] = value;
                double[] child = solve(build.get(), fixed, solved);
                if (child == null) continue;
                int[] rounded = roundUp(child);
                double c = cost(rounded, weights);
                if (c < bestCost - 1e-9) {
                    best = rounded;
                    bestCost = c;
                }
                double bound = cost(child, weights);
                if (!integral(child) && bound < bestCost - 1e-9) open.add(new Node(bound, seq++, fixed, child));
            }
        }
        return new Outcome(best, bestCost, open.isEmpty(), solved[0]);
    }

    /** The relaxation with some decisions fixed, or null when it has no solution. */
    private static double[] solve(Relaxation r, int[] fixed, int[] solved) {
        for (int i = 0; i < fixed.length; i++) {
            if (fixed[i] >= 0) r.decisions().get(i).lower(fixed[i]).upper(fixed[i]);
        }
        solved[0]++;
        Optimisation.Result res = r.model().minimise();
        if (!res.getState().isFeasible()) return null;
        double[] x = new double[fixed.length];
        for (int i = 0; i < x.length; i++) x[i] = res.doubleValue(r.model().indexOf(r.decisions().get(i)));
        return x;
    }

    /** The most fractional free decision (the first of equals); the node is not integral, so there is one. */
    private static int branchingVariable(double[] x, int[] fixed) {
        int best = -1;
        double bestDistance = -1;
        for (int i = 0; i < x.length; i++) {
            if (fixed[i] >= 0) continue;
            double d = Math.min(x[i], 1 - x[i]);
            if (d > bestDistance + 1e-12) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    private static boolean integral(double[] x) {
        for (double v : x) if (Math.min(Math.abs(v), Math.abs(1 - v)) > INTEGRAL) return false;
        return true;
    }

    /** Every decision the relaxation uses at all, hidden. */
    private static int[] roundUp(double[] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = x[i] > USED ? 1 : 0;
        return out;
    }

    private static double cost(int[] x, double[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * w[i];
        return s;
    }

    private static double cost(double[] x, double[] w) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * w[i];
        return s;
    }
}
