package org.glasshouse.report.sdc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * cost_per_improved = programme spent ÷ participants who improved: with spent published it gives the number of
 * participants improved back (a latent count, at most the participants measured).
 */
public record ImprovedParticipants(String impact, String programmes) implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        Map<String, Double> spent = new LinkedHashMap<>();
        for (TableRow r : m.rows(programmes)) spent.put(r.text("programme_id"), r.number("spent"));
        for (TableRow r : m.rows(impact)) {
            Double cost = r.number("cost_per_improved");
            Double s = spent.get(r.text("programme_id"));
            String n = m.cellAt(r, "n_participants");
            if (cost == null || cost <= 0 || s == null || s <= 0) continue;
            double improved = s / cost;
            if (Math.abs(improved - Math.rint(improved)) > 1e-3) {
                // Not the programme's spent over a whole number: treat it as computed from the row's counts.
                m.derive(r.at("cost_per_improved"), java.util.Arrays.asList(n, m.cellAt(r, "n_comparison")));
                continue;
            }
            String id = m.latent(impact + "[" + r.text("programme_id") + "," + r.text("indicator_id")
                    + "].participants_improved", Math.round(improved));
            m.derive(r.at("cost_per_improved"), List.of(id));
            if (n != null) m.relate(LinearRelation.atMost(id, n, "participants improved <= participants measured"));
        }
    }
}
