package org.glasshouse.report.sdc;

import java.util.List;
import java.util.Map;

/**
 * A linear relation the attacker knows to hold among counts of people: Σ coefficient·cell (sense) constant.
 * Equalities where the figures are exact sums (overall = Σ programmes); inequalities where distinct counts only
 * bound each other (a programme's people ≤ Σ its agreements' people, ≥ each of them).
 */
public record LinearRelation(List<Term> terms, Sense sense, double constant, String reason) {

    public LinearRelation {
        terms = List.copyOf(terms);
    }

    public enum Sense { EQ, LE, GE }

    public record Term(String cell, double coefficient) {}

    public static Term term(String cell, double coefficient) {
        return new Term(cell, coefficient);
    }

    /** left − right = 0, where both sides are sums of cells. */
    public static LinearRelation sum(String total, List<String> parts, Sense sense, String reason) {
        List<Term> t = new java.util.ArrayList<>();
        t.add(new Term(total, 1));
        for (String p : parts) t.add(new Term(p, -1));
        return new LinearRelation(t, sense, 0, reason);
    }

    /** a ≤ b. */
    public static LinearRelation atMost(String a, String b, String reason) {
        return new LinearRelation(List.of(new Term(a, 1), new Term(b, -1)), Sense.LE, 0, reason);
    }

    /** Σ coefficient·value of the true counts. */
    public double left(Map<String, Long> values) {
        double s = 0;
        for (Term t : terms) s += t.coefficient() * values.get(t.cell());
        return s;
    }

    public boolean holds(Map<String, Long> values) {
        double l = left(values);
        return switch (sense) {
            case EQ -> Math.abs(l - constant) < 1e-6;
            case LE -> l <= constant + 1e-6;
            case GE -> l >= constant - 1e-6;
        };
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Term t : terms) {
            b.append(t.coefficient() < 0 ? " - " : b.isEmpty() ? "" : " + ");
            double c = Math.abs(t.coefficient());
            if (c != 1) b.append(c == Math.rint(c) ? String.valueOf((long) c) : String.valueOf(c)).append('·');
            b.append(t.cell());
        }
        b.append(switch (sense) { case EQ -> " = "; case LE -> " <= "; case GE -> " >= "; }).append(constant);
        return b + " (" + reason + ")";
    }
}
