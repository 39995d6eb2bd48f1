package org.glasshouse.report.sdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.glasshouse.report.DisclosureControl;
import org.glasshouse.report.ReleaseRelations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A mid-size synthetic release ({@link SyntheticRelease}: 20 partners, 80 agreements, 6 programmes; a few hundred
 * cells, dozens of small counts) protected end to end as the report step does, k = 10, p = 10. The search and the
 * audit must stay exact while they skip work: every small count's audited interval reaches its protection, and
 * intervals checked by hand below.
 */
class MidSizeReleaseTest {

    private static SyntheticRelease release;
    private static DisclosureControl.Outcome out;

    @BeforeAll
    static void protect() {
        release = new SyntheticRelease(20, 80, 6, 0.15, 7);
        out = new DisclosureControl(10).protect(release.specs, release.tables, ReleaseRelations.all());
    }

    @Test
    void everySmallCountIsAuditedAndProtected() {
        ProtectionProblem problem = out.problem();
        assertThat(problem.cells()).hasSizeGreaterThan(250);
        assertThat(out.audit().passed()).isTrue();
        assertThat(out.audit().cells()).hasSize(out.pattern().primary().size());
        for (DisclosureAudit.CellAudit c : out.audit().cells()) {
            Protection need = out.required().get(c.cell());
            assertThat(c.interval().lower()).as(c.cell()).isLessThanOrEqualTo(need.lower());
            assertThat(c.interval().upper()).as(c.cell()).isGreaterThanOrEqualTo(need.upper());
            if (!need.reduced()) assertThat(c.interval().width()).as(c.cell()).isGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void theSamePatternEveryRun() {
        DisclosureControl.Outcome again = new DisclosureControl(10).protect(release.specs, release.tables,
                ReleaseRelations.all());
        assertThat(again.pattern()).isEqualTo(out.pattern());
        assertThat(again.audit().publicSummary()).isEqualTo(out.audit().publicSummary());
    }

    /**
     * G04's sex groups (sex0 2,089, sex1 2, sex2 3,132, sex3 3,133; programme 8,356 people). The 2 is hidden with
     * one other group, the cheapest that protects it: sex0. The attacker knows each group is at most the programme
     * (8,356) and the four cover it: sex0 + sex1 ≥ 8,356 − 3,132 − 3,133 = 2,091. So sex1 can be anything from 1
     * (sex0 = 8,356) to 8,356 (sex0 = 1): [1, 8,356]. The breakdown is linked to nothing else.
     */
    @Test
    void aSmallGroupAndTheGroupHiddenWithIt() {
        assertThat(hidden("reach_breakdown[G04,sex,")).containsExactly("reach_breakdown[G04,sex,sex0].beneficiaries",
                "reach_breakdown[G04,sex,sex1].beneficiaries");
        assertThat(value("reach_breakdown[G04,sex,sex1].beneficiaries")).isEqualTo(2);
        assertThat(value("programme_metrics[G04].beneficiaries")).isEqualTo(8356);
        assertThat(audited("reach_breakdown[G04,sex,sex1].beneficiaries")).isEqualTo(new Interval(1, 8356));
    }

    /**
     * A0000 serves 16 people (published), 4 of them in the priority group (priority_share × 16, hidden with the
     * share). Above: at most its 16 people, and 16 breaks nothing (G00's priority group, 3,880, is at least each
     * agreement's and at most their sum). Below: a latent count may be 0; the agreement's 16 − 0 others fit in
     * G00's priority_group=false 6,046, and G00's agreements' priority people add up to more than 3,880 + 4, so 0
     * keeps the sum. [0, 16].
     */
    @Test
    void aSmallPriorityGroupOfAPublishedAgreement() {
        assertThat(value("agreement_metrics[A0000].beneficiaries")).isEqualTo(16);
        assertThat(value("agreement_metrics[A0000].priority_beneficiaries")).isEqualTo(4);
        assertThat(out.pattern().isHidden("agreement_metrics[A0000].beneficiaries")).isFalse();
        org.glasshouse.report.PublicTable spec = org.glasshouse.report.PublicTables.AGREEMENT_METRICS;
        long sum = 0;
        for (List<Object> r : release.tables.get("agreement_metrics").rows()) {
            if ("G00".equals(r.get(spec.index("programme_id")))) {
                sum += value("agreement_metrics[" + r.get(spec.index("agreement_id")) + "].priority_beneficiaries");
            }
        }
        assertThat(value("reach_breakdown[G00,priority_group,true].beneficiaries")).isEqualTo(3880);
        assertThat(sum).isGreaterThan(3880 + 4);
        assertThat(audited("agreement_metrics[A0000].priority_beneficiaries")).isEqualTo(new Interval(0, 16));
    }

    private static Interval audited(String cell) {
        return out.audit().cells().stream().filter(c -> c.cell().equals(cell)).findFirst().orElseThrow().interval();
    }

    private static long value(String cell) {
        return out.problem().cell(cell).value();
    }

    private static List<String> hidden(String prefix) {
        return out.pattern().hidden().stream().filter(c -> c.startsWith(prefix)).toList();
    }
}
