package org.glasshouse.report.sdc;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows a partner submitted bound the people it served: every person counted under an agreement has at least one
 * accepted row of the partner's services (an agreement belongs to the partner who submits for it: rule XAG-002),
 * so the sum of the partner's agreements' people is at most its accepted rows. data_quality counts the rows of this
 * run's files while the people come from every accepted row so far, so the bound holds on a first run, not in
 * general; it is part of the model only where it holds (an attacker may assume it, and a relation that holds can
 * only make the protection stricter). Then the rows become cells that can be hidden: accepted, read and
 * quarantined (read = accepted + quarantined), with the acceptance rate and the flags that quote them.
 *
 * @param quality    the data-quality table (partner_id, dataset, rows_read, rows_accepted, rows_quarantined)
 * @param dataset    the dataset whose rows each count one person at least (services)
 * @param agreements the table of agreements' people (agreement_metrics: partner_id, beneficiaries)
 * @param flags      the integrity flags, whose acceptance and error flags quote the rows
 */
public record SubmittedRows(String quality, String dataset, String agreements, String flags) implements ModelRule {

    @Override
    public void apply(ModelBuilder m) {
        for (TableRow q : m.rows(quality)) {
            if (!dataset.equals(q.text("dataset")) || q.number("rows_accepted") == null) continue;
            String partner = q.text("partner_id");
            List<String> people = new ArrayList<>();
            long sum = 0;
            for (TableRow a : m.rows(agreements)) {
                String c = m.cellAt(a, "beneficiaries");
                if (c == null || !partner.equals(a.text("partner_id"))) continue;
                people.add(c);
                sum += m.value(c);
            }
            long accepted = Math.round(q.number("rows_accepted"));
            if (people.isEmpty() || sum == 0 || sum > accepted) continue;
            String key = m.defaultName(q, "");
            String acc = m.bound(key + "rows_accepted", accepted, q.at("rows_accepted"));
            List<LinearRelation.Term> terms = new ArrayList<>();
            for (String c : people) terms.add(new LinearRelation.Term(c, 1));
            terms.add(new LinearRelation.Term(acc, -1));
            m.relate(new LinearRelation(terms, LinearRelation.Sense.LE, 0,
                    "a partner's people <= its accepted " + dataset + " rows (first run)"));
            String read = null;
            if (q.number("rows_read") != null && q.number("rows_quarantined") != null) {
                read = m.bound(key + "rows_read", Math.round(q.number("rows_read")), q.at("rows_read"));
                String quarantined = m.bound(key + "rows_quarantined", Math.round(q.number("rows_quarantined")),
                        q.at("rows_quarantined"));
                m.relate(LinearRelation.sum(read, List.of(acc, quarantined), LinearRelation.Sense.EQ,
                        "rows read = accepted + quarantined"));
            }
            List<String> both = read == null ? List.of(acc) : List.of(acc, read);
            if (q.has("acceptance_rate")) m.derive(q.at("acceptance_rate"), both);
            String subject = partner + "/" + dataset;
            for (TableRow f : m.rows(flags)) {
                if (!subject.equals(f.text("subject_id")) || !f.has("evidence")) continue;
                // INT-ACCEPT quotes accepted and read rows, INT-ERRORS the rows read
                m.derive(f.at("evidence"), both);
            }
        }
    }
}
