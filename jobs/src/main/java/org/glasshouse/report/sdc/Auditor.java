package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves the attacker's problem for every hidden count of a suppression pattern, given everything the release
 * publishes (counts, relations, and any further published relation such as the audit's own summary), over whole
 * numbers. A small count passes when its interval reaches its required protection above it and below it: the
 * protection level p, or as far as the release's structure allows at all ({@link RequiredProtection}).
 */
public final class Auditor {

    private Auditor() {}

    public record Findings(List<DisclosureAudit.CellAudit> primary, Interval narrowest, String narrowestCell) {
        public boolean passed() {
            return primary.stream().allMatch(DisclosureAudit.CellAudit::protectedEnough);
        }
    }

    /** Audits against the protection each small count needs ({@link RequiredProtection}). */
    public static Findings audit(ProtectionProblem problem, SuppressionPattern pattern, List<LinearRelation> published) {
        return audit(problem, RequiredProtection.of(problem), pattern, published);
    }

    public static Findings audit(ProtectionProblem problem, java.util.Map<String, Protection> required,
                                 SuppressionPattern pattern, List<LinearRelation> published) {
        return new Session(problem, required, pattern).audit(published);
    }

    /**
     * One pattern audited, possibly against several versions of what the release publishes besides it (the audit's
     * own summary at two significant figures, then one, ...). Each cell's interval without those is solved once,
     * with a table reaching each end; a further published relation changes an end only when that table breaks it,
     * and only then is the larger problem with the relation solved. Exact either way: a table that satisfies the
     * relation shows the end is still reachable, and adding a relation can only narrow.
     */
    public static final class Session {
        private final ProtectionProblem problem;
        private final java.util.Map<String, Protection> required;
        private final SuppressionPattern pattern;
        private final AttackerProblem attacker;
        private final java.util.Map<String, AttackerProblem.Endpoint[]> ends = new java.util.HashMap<>();

        public Session(ProtectionProblem problem, java.util.Map<String, Protection> required, SuppressionPattern pattern) {
            this.problem = problem;
            this.required = required;
            this.pattern = pattern;
            this.attacker = new AttackerProblem(problem, pattern.hidden(), List.of(), true);
        }

        public Findings audit(List<LinearRelation> published) {
            AttackerProblem[] joint = {null};
            List<DisclosureAudit.CellAudit> out = new ArrayList<>();
            Interval narrowest = null;
            String narrowestCell = null;
            for (String id : pattern.hidden()) {
                Cell c = problem.cell(id);
                if (c.kind() != Cell.Kind.COUNT && !pattern.primary().contains(id)) continue;
                AttackerProblem.Endpoint[] e = ends.computeIfAbsent(id, x -> new AttackerProblem.Endpoint[] {
                        attacker.endpoint(x, false), attacker.endpoint(x, true)});
                double[] v = new double[2];
                for (int d = 0; d < 2; d++) {
                    v[d] = e[d].value();
                    if (published.isEmpty() || holds(e[d].witness(), published)) continue;
                    if (joint[0] == null) joint[0] = new AttackerProblem(problem, pattern.hidden(), published, true);
                    v[d] = joint[0].endpoint(id, d == 1).value();
                }
                Interval i = new Interval(v[0], v[1]);
                if (c.kind() == Cell.Kind.COUNT && (narrowest == null || i.width() < narrowest.width())) {
                    narrowest = i;
                    narrowestCell = id;
                }
                if (!pattern.primary().contains(id)) continue;
                Protection need = required.get(id);
                out.add(new DisclosureAudit.CellAudit(id, c.value(), i, need.below(), need.above(), need.reduced(),
                        need.met(i)));
            }
            return new Findings(out, narrowest, narrowestCell);
        }

        /** Whether the table (the witness's cells at its values, every other at its true value) keeps these. */
        private boolean holds(java.util.Map<String, Double> witness, List<LinearRelation> relations) {
            if (witness == null) return false;
            for (LinearRelation r : relations) {
                double left = 0;
                for (LinearRelation.Term t : r.terms()) {
                    Double w = witness.get(t.cell());
                    left += t.coefficient() * (w != null ? w : problem.cell(t.cell()).value());
                }
                boolean ok = switch (r.sense()) {
                    case EQ -> Math.abs(left - r.constant()) < 1e-6;
                    case LE -> left <= r.constant() + 1e-6;
                    case GE -> left >= r.constant() - 1e-6;
                };
                if (!ok) return false;
            }
            return true;
        }
    }

    /** lower ≤ Σ cells ≤ upper, as two relations. */
    public static List<LinearRelation> sumBetween(List<String> cells, long lower, long upper, String reason) {
        List<LinearRelation.Term> t = cells.stream().map(c -> new LinearRelation.Term(c, 1)).toList();
        if (t.isEmpty()) return List.of();
        return List.of(new LinearRelation(t, LinearRelation.Sense.GE, lower, reason),
                new LinearRelation(t, LinearRelation.Sense.LE, upper, reason));
    }
}
