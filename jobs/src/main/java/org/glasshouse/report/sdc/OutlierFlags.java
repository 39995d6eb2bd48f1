package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.List;
import org.glasshouse.metrics.stats.Quartiles;

/**
 * Whether an agreement carries a cost-per-beneficiary outlier flag is published even when its count is hidden, and
 * it bounds the count: the flag fires when spent ÷ people lies above Q3 + k·IQR of the programme's agreements' costs,
 * and spent, k and the other agreements' costs are published. Holding those at their values, the rule tries the
 * counts around the true one (for a small count, every count from 1 to the attacker's ceiling, so the audit shows
 * the interval anyone can compute; for others, within p) and keeps the run around it that gives the same flag
 * (present or absent): a count just outside it is ruled out, so the count is bounded there. Taking the other costs as known (they may be
 * hidden too) only makes the attacker stronger, so the bound is safe to assume.
 *
 * @param rule the flag rule's id (INT-COST-OUTLIER)
 */
public record OutlierFlags(String agreements, String quartiles, String flags, String rule) implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        for (TableRow q : m.rows(quartiles)) {
            String programme = q.text("programme_id");
            Double k = q.number("k");
            if (programme == null || k == null || q.number("upper_fence") == null) continue;
            List<TableRow> rows = new ArrayList<>();
            for (TableRow a : m.rows(agreements)) {
                if (programme.equals(a.text("programme_id")) && a.number("cost_per_beneficiary") != null) rows.add(a);
            }
            double[] costs = new double[rows.size()];
            for (int i = 0; i < costs.length; i++) costs[i] = rows.get(i).number("cost_per_beneficiary");
            for (int i = 0; i < costs.length; i++) bound(m, rows.get(i), costs, i, k);
        }
    }

    private void bound(ModelBuilder m, TableRow a, double[] costs, int i, double k) {
        String cell = m.cellAt(a, "beneficiaries");
        Double spent = a.number("spent");
        if (cell == null || spent == null || spent <= 0) return;
        long v = m.value(cell);
        boolean flagged = flagged(m, a.text("agreement_id"));
        if (v <= 0 || fires(costs, i, spent / v, k) != flagged) return; // not the metric's rule: nothing to add
        long lower = 1;
        for (long x = v - 1; x >= Math.max(1, v - m.p()); x--) {
            if (fires(costs, i, spent / x, k) != flagged) {
                lower = x + 1;
                break;
            }
        }
        Long upper = null;
        long last = v < m.k() ? m.ceiling() : v + m.p();
        for (long x = v + 1; x <= last; x++) {
            if (fires(costs, i, spent / x, k) != flagged) {
                upper = x - 1;
                break;
            }
        }
        String why = flagged ? "a cost-outlier flag bounds its agreement's people"
                : "no cost-outlier flag bounds the agreement's people";
        if (lower > 1) {
            m.relate(new LinearRelation(List.of(LinearRelation.term(cell, 1)), LinearRelation.Sense.GE, lower, why));
        }
        if (upper != null) {
            m.relate(new LinearRelation(List.of(LinearRelation.term(cell, 1)), LinearRelation.Sense.LE, upper, why));
        }
    }

    private boolean flagged(ModelBuilder m, String agreement) {
        for (TableRow f : m.rows(flags)) {
            if (rule.equals(f.text("rule_id")) && agreement.equals(f.text("subject_id"))) return true;
        }
        return false;
    }

    private static boolean fires(double[] costs, int i, double cost, double k) {
        double[] c = costs.clone();
        c[i] = cost;
        return Quartiles.of(c, k).isAboveUpperFence(cost);
    }
}
