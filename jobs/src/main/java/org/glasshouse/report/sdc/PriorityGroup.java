package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.glasshouse.report.sdc.LinearRelation.Sense;
import org.glasshouse.report.sdc.LinearRelation.Term;

/**
 * The priority group, which the release gives three ways: reach_breakdown's priority_group=true row (a programme's
 * priority people), and priority_share × beneficiaries on agreements and overall (latent counts: no table prints
 * them, the share gives them back). Relations: an agreement's priority people ≤ its people; a programme's ≤ the sum
 * of its agreements' and ≥ each; an agreement's other people ≤ the programme's priority_group=false group; overall
 * = Σ programmes. A share is computed from both its counts.
 */
public record PriorityGroup(String agreements, String programmes, String overall, String breakdown)
        implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        Map<String, String> yes = new LinkedHashMap<>();
        Map<String, String> no = new LinkedHashMap<>();
        for (TableRow r : m.rows(breakdown)) {
            if (!"priority_group".equals(r.text("dimension"))) continue;
            String c = m.cellAt(r, "beneficiaries");
            if (c == null) continue;
            if ("true".equals(r.text("value"))) yes.put(r.text("programme_id"), c);
            if ("false".equals(r.text("value"))) no.put(r.text("programme_id"), c);
        }
        Map<String, List<String>> byProgramme = new LinkedHashMap<>();
        for (TableRow r : m.rows(agreements)) {
            String a = m.cellAt(r, "beneficiaries");
            String p = latentShare(m, r, a);
            if (p == null) continue;
            String g = r.text("programme_id");
            byProgramme.computeIfAbsent(g, x -> new ArrayList<>()).add(p);
            m.relate(LinearRelation.atMost(p, a, "an agreement's priority people <= its people"));
            if (no.containsKey(g)) {
                m.relate(new LinearRelation(List.of(new Term(a, 1), new Term(p, -1), new Term(no.get(g), -1)),
                        Sense.LE, 0, "an agreement's other people <= the programme's priority_group=false group"));
            }
        }
        if (m.table(breakdown) != null) {
            for (var e : byProgramme.entrySet()) {
                String g = yes.get(e.getKey());
                if (g == null && !no.containsKey(e.getKey())) continue; // the breakdown says nothing of the group
                if (g == null) {
                    for (String p : e.getValue()) {
                        m.relate(new LinearRelation(List.of(new Term(p, 1)), Sense.EQ, 0,
                                "no priority people in the programme"));
                    }
                    continue;
                }
                m.relate(LinearRelation.sum(g, e.getValue(), Sense.LE,
                        "a programme's priority people <= the sum of its agreements'"));
                for (String p : e.getValue()) {
                    m.relate(LinearRelation.atMost(p, g, "an agreement's priority people <= its programme's"));
                }
            }
        }
        for (TableRow r : m.rows(programmes)) {
            m.derive(r.at("priority_share"), java.util.Arrays.asList(m.cellAt(r, "beneficiaries"),
                    yes.get(r.text("programme_id"))));
        }
        for (TableRow r : m.rows(overall)) {
            String p = latentShare(m, r, m.cellAt(r, "beneficiaries"));
            if (p != null && m.table(breakdown) != null) {
                m.relate(LinearRelation.sum(p, List.copyOf(yes.values()), Sense.EQ,
                        "overall priority people = Σ programmes' (people are counted once per programme)"));
            }
        }
    }

    /** priority_share × beneficiaries as a latent count, with the share computed from it and the people. */
    private static String latentShare(ModelBuilder m, TableRow r, String people) {
        Double share = r.number("priority_share");
        if (people == null || share == null) {
            if (r.has("priority_share")) m.derive(r.at("priority_share"), java.util.Arrays.asList(people));
            return null;
        }
        String id = m.defaultName(r, "priority_beneficiaries");
        m.latent(id, Math.round(share * m.value(people)));
        m.derive(r.at("priority_share"), List.of(id, people));
        return id;
    }
}
