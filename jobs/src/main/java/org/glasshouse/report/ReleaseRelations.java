package org.glasshouse.report;

import java.util.List;

/**
 * The totals of a release and the details that add up to them, across tables, for complementary suppression.
 * Relations naming a table the release does not have are skipped, so this list can name tables before they exist.
 */
public final class ReleaseRelations {

    private ReleaseRelations() {}

    public static List<Additivity> all() {
        return List.of(
                // a programme's people = its agreements' people (one agreement = programme total − the others)
                new Additivity("agreement_metrics", "beneficiaries", List.of("programme_id"), List.of(),
                        "programme_metrics", "beneficiaries"),
                // a partner's people = its agreements' people across programmes
                new Additivity("agreement_metrics", "beneficiaries", List.of("partner_id"), List.of(),
                        "partner_metrics", "beneficiaries"),
                // each breakdown dimension (region, age band, sex, priority group) splits the programme's people
                new Additivity("reach_breakdown", "beneficiaries", List.of("programme_id"), List.of("dimension"),
                        "programme_metrics", "beneficiaries"));
    }
}
