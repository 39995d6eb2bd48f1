package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.List;

/**
 * Solves the attacker's problem for every hidden count of a suppression pattern, given everything the release
 * publishes (counts, relations, and any further published relation such as the audit's own summary), over whole
 * numbers. A small count passes when its interval reaches the protection level above it and below it.
 */
public final class Auditor {

    private Auditor() {}

    public record Findings(List<DisclosureAudit.CellAudit> primary, Interval narrowest, String narrowestCell) {
        public boolean passed() {
            return primary.stream().allMatch(DisclosureAudit.CellAudit::protectedEnough);
        }
    }

    public static Findings audit(ProtectionProblem problem, SuppressionPattern pattern, List<LinearRelation> published) {
        AttackerProblem attacker = new AttackerProblem(problem, pattern.hidden(), published, true);
        List<DisclosureAudit.CellAudit> out = new ArrayList<>();
        Interval narrowest = null;
        String narrowestCell = null;
        for (String id : pattern.hidden()) {
            Cell c = problem.cell(id);
            Interval i = attacker.interval(id);
            if (c.kind() == Cell.Kind.COUNT && (narrowest == null || i.width() < narrowest.width())) {
                narrowest = i;
                narrowestCell = id;
            }
            if (!pattern.primary().contains(id)) continue;
            long below = problem.lowerProtection(c);
            long above = problem.upperProtection(c);
            boolean ok = i.upper() >= c.value() + above - 1e-6 && i.lower() <= c.value() - below + 1e-6;
            out.add(new DisclosureAudit.CellAudit(id, c.value(), i, below, above, ok));
        }
        return new Findings(out, narrowest, narrowestCell);
    }

    /** lower ≤ Σ cells ≤ upper, as two relations. */
    public static List<LinearRelation> sumBetween(List<String> cells, long lower, long upper, String reason) {
        List<LinearRelation.Term> t = cells.stream().map(c -> new LinearRelation.Term(c, 1)).toList();
        if (t.isEmpty()) return List.of();
        return List.of(new LinearRelation(t, LinearRelation.Sense.GE, lower, reason),
                new LinearRelation(t, LinearRelation.Sense.LE, upper, reason));
    }
}
