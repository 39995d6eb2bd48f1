package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.glasshouse.report.sdc.LinearRelation.Sense;
import org.glasshouse.report.sdc.LinearRelation.Term;

/**
 * How agreements' people add up (metrics/People.java): a programme counts each person once across its partners,
 * so its total is at most the sum of its agreements and at least each of them; overlap counts the people served
 * by more than one partner, so Σ partners − total lies between overlap and (partners − 1)·overlap; a partner
 * counts people once per programme and sums over programmes, so when it holds one agreement per programme its
 * total is exactly the sum of its agreements (else at most the sum and at least each).
 */
public record AgreementPeople(String agreements, String programmes, String partners, String count,
                              String overlap) implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        if (m.table(agreements) == null) return;
        Map<String, List<String>> byProgramme = new LinkedHashMap<>();
        Map<String, List<String>> byPartner = new LinkedHashMap<>();
        Map<String, Set<String>> partnersOf = new LinkedHashMap<>();
        Map<String, Integer> agreementsOfPair = new LinkedHashMap<>();
        for (TableRow r : m.rows(agreements)) {
            String a = m.cellAt(r, count);
            String g = r.text("programme_id");
            String q = r.text("partner_id");
            if (a == null || g == null || q == null) continue;
            byProgramme.computeIfAbsent(g, x -> new ArrayList<>()).add(a);
            byPartner.computeIfAbsent(q, x -> new ArrayList<>()).add(a);
            partnersOf.computeIfAbsent(g, x -> new LinkedHashSet<>()).add(q);
            agreementsOfPair.merge(g + "\u0000" + q, 1, Integer::sum);
        }
        for (TableRow r : m.rows(programmes)) {
            String g = r.text("programme_id");
            String total = m.cellAt(r, count);
            List<String> parts = byProgramme.getOrDefault(g, List.of());
            if (total == null) continue;
            m.relate(LinearRelation.sum(total, parts, Sense.LE, "a programme's people <= the sum of its agreements'"));
            for (String a : parts) m.relate(LinearRelation.atMost(a, total, "an agreement's people <= its programme's"));
            String o = m.cellAt(r, overlap);
            if (o == null) continue;
            int partnerCount = partnersOf.getOrDefault(g, Set.of()).size();
            boolean onePerPartner = partnersOf.getOrDefault(g, Set.of()).stream()
                    .allMatch(q -> agreementsOfPair.get(g + "\u0000" + q) == 1);
            List<Term> excess = new ArrayList<>();
            for (String a : parts) excess.add(new Term(a, 1));
            excess.add(new Term(total, -1));
            List<Term> lower = new ArrayList<>(excess);
            lower.add(new Term(o, -1));
            m.relate(new LinearRelation(lower, Sense.GE, 0,
                    "Σ agreements − programme total >= overlap (each overlapping person is counted at least twice)"));
            if (onePerPartner) {
                List<Term> upper = new ArrayList<>(excess);
                upper.add(new Term(o, -Math.max(0, partnerCount - 1)));
                m.relate(new LinearRelation(upper, Sense.LE, 0,
                        "Σ partners − programme total <= (partners − 1) × overlap"));
            }
            m.relate(LinearRelation.atMost(o, total, "overlap <= the programme's people"));
        }
        Set<String> exactPartners = new LinkedHashSet<>(byPartner.keySet());
        agreementsOfPair.forEach((pair, n) -> {
            if (n > 1) exactPartners.remove(pair.substring(pair.indexOf('\u0000') + 1));
        });
        for (TableRow r : m.rows(partners)) {
            String q = r.text("partner_id");
            String total = m.cellAt(r, count);
            List<String> parts = byPartner.getOrDefault(q, List.of());
            if (total == null) continue;
            if (exactPartners.contains(q) || parts.isEmpty()) {
                m.relate(LinearRelation.sum(total, parts, Sense.EQ,
                        "a partner's people = the sum of its agreements' (one agreement per programme)"));
            } else {
                m.relate(LinearRelation.sum(total, parts, Sense.LE, "a partner's people <= the sum of its agreements'"));
                for (String a : parts) m.relate(LinearRelation.atMost(a, total, "an agreement's people <= its partner's"));
            }
        }
    }
}
