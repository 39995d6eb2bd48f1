package org.glasshouse.report;

import java.util.ArrayList;
import java.util.List;
import org.glasshouse.report.sdc.AgreementPeople;
import org.glasshouse.report.sdc.Breakdown;
import org.glasshouse.report.sdc.ComputedFrom;
import org.glasshouse.report.sdc.ImprovedParticipants;
import org.glasshouse.report.sdc.ModelBuilder;
import org.glasshouse.report.sdc.ModelRule;
import org.glasshouse.report.sdc.OutlierFlags;
import org.glasshouse.report.sdc.PriorityGroup;
import org.glasshouse.report.sdc.RepeatedCount;
import org.glasshouse.report.sdc.ReportedCounts;
import org.glasshouse.report.sdc.SubmittedRows;
import org.glasshouse.report.sdc.SumOfRows;
import org.glasshouse.report.sdc.TableRow;

/**
 * What the release lets an attacker know about its counts of people beyond the counts themselves (the counts are
 * the peopleCounts columns of {@link PublicTables}): counts printed twice, latent counts that a figure gives back,
 * the linear relations among counts across tables, and what each derived figure is computed from. One rule a line;
 * rules naming a table the release does not have add nothing. A derived column listed in {@link PublicTables} but
 * not here is taken to be computed from every count of its row.
 */
public final class ReleaseRelations {

    private ReleaseRelations() {}

    public static List<ModelRule> all() {
        return List.of(
                // impact n's are per programme and indicator, printed on the pre_post and the did row
                new RepeatedCount("impact_estimates", "n_participants", r -> impact(r, "n_participants")),
                new RepeatedCount("impact_estimates", "n_comparison", r -> impact(r, "n_comparison")),
                // a cost-outlier flag's people are its agreement's beneficiaries
                new RepeatedCount("integrity_flags", "people", r -> "agreement".equals(r.text("subject_type"))
                        ? "agreement_metrics[" + r.text("subject_id") + "].beneficiaries" : null),
                // agreements → programmes (union, overlap) and → partners (sum over programmes)
                new AgreementPeople("agreement_metrics", "programme_metrics", "partner_metrics", "beneficiaries",
                        "overlap"),
                // people are counted once per programme and summed over programmes
                new SumOfRows("overall_metrics", "beneficiaries", "programme_metrics", "beneficiaries",
                        "overall people = Σ programmes' people"),
                // region, age band, sex and priority group each cover a programme's people
                new Breakdown("reach_breakdown", "beneficiaries", "share", "programme_metrics", "beneficiaries"),
                // priority_share × beneficiaries gives the priority group back on agreements, programmes, overall
                new PriorityGroup("agreement_metrics", "programme_metrics", "overall_metrics", "reach_breakdown"),
                // each person served has an accepted service row: a partner's rows bound its people (first run)
                new SubmittedRows("data_quality", "services", "agreement_metrics", "integrity_flags"),
                // spent ÷ cost_per_improved gives the participants improved back
                new ImprovedParticipants("impact_estimates", "programme_metrics"),
                ComputedFrom.sameRow("agreement_metrics", List.of("cost_per_beneficiary"), "beneficiaries"),
                ComputedFrom.sameRow("programme_metrics", List.of("cost_per_beneficiary"), "beneficiaries"),
                ComputedFrom.sameRow("partner_metrics", List.of("cost_per_beneficiary"), "beneficiaries"),
                ComputedFrom.sameRow("overall_metrics", List.of("cost_per_beneficiary"), "beneficiaries"),
                // quartiles and the smallest count are order statistics of every agreement of the programme
                new ComputedFrom("cost_quartiles", List.of("q1", "median", "q3", "iqr", "upper_fence",
                        "smallest_beneficiaries"), (m, r) -> agreementsOf(m, r.text("programme_id"))),
                // indicator actuals may count people (their unit is not in the release): attainment, status and
                // the projection over every period give them back
                new ReportedCounts("indicator_results", "actual", List.of("agreement_id", "indicator_id", "period"),
                        List.of("attainment", "status"), List.of("agreement_id", "indicator_id"),
                        List.of("projected_at_end")),
                // whether an agreement is flagged as a cost outlier bounds its people (the flag is published)
                new OutlierFlags("agreement_metrics", "cost_quartiles", "integrity_flags", "INT-COST-OUTLIER"),
                // a cost-outlier flag's evidence quotes the agreement's cost and its programme's quartiles; the other
                // flags' evidence (days late, months, rows, money, transaction ids, digits) counts no people
                new ComputedFrom("integrity_flags", List.of("evidence"), ReleaseRelations::flagEvidence),
                // a flag's threshold is the rule's setting and how many agreements the quartiles came from
                new ComputedFrom("integrity_flags", List.of("threshold"), (m, r) -> List.of()));
    }

    private static String impact(TableRow r, String column) {
        return "impact_estimates[" + r.text("programme_id") + "," + r.text("indicator_id") + "]." + column;
    }

    /** The beneficiaries cells of a programme's agreements that serve anyone (those with a cost per beneficiary). */
    static List<String> agreementsOf(ModelBuilder m, String programme) {
        List<String> out = new ArrayList<>();
        for (TableRow a : m.rows("agreement_metrics")) {
            String c = m.cellAt(a, "beneficiaries");
            if (programme != null && programme.equals(a.text("programme_id")) && c != null && m.value(c) > 0) out.add(c);
        }
        return out;
    }

    /**
     * A flag's evidence is computed from people only when the flag prints a people count (cost per beneficiary
     * outliers): then from that count and every agreement of the programme (the quartiles it quotes).
     */
    private static List<String> flagEvidence(ModelBuilder m, TableRow flag) {
        List<String> in = new ArrayList<>();
        String people = m.cellAt(flag, "people");
        if (people == null) return in;
        in.add(people);
        if (!"agreement".equals(flag.text("subject_type"))) return in;
        for (TableRow a : m.rows("agreement_metrics")) {
            if (flag.text("subject_id").equals(a.text("agreement_id"))) in.addAll(agreementsOf(m, a.text("programme_id")));
        }
        return in;
    }
}
