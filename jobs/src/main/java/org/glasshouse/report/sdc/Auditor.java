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
        AttackerProblem attacker = new AttackerProblem(problem, pattern.hidden(), published, true);
        List<DisclosureAudit.CellAudit> out = new ArrayList<>();
        Interval narrowest = null;
        String narrowestCell = null;
        for (String id : pattern.hidden()) {
            Cell c = problem.cell(id);
            if (c.kind() != Cell.Kind.COUNT && !pattern.primary().contains(id)) continue;
            Interval i = attacker.interval(id);
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

    /** lower ≤ Σ cells ≤ upper, as two relations. */
    public static List<LinearRelation> sumBetween(List<String> cells, long lower, long upper, String reason) {
        List<LinearRelation.Term> t = cells.stream().map(c -> new LinearRelation.Term(c, 1)).toList();
        if (t.isEmpty()) return List.of();
        return List.of(new LinearRelation(t, LinearRelation.Sense.GE, lower, reason),
                new LinearRelation(t, LinearRelation.Sense.LE, upper, reason));
    }
}
