package org.glasshouse.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.glasshouse.report.ReleaseFixture.cell;
import static org.glasshouse.report.ReleaseFixture.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.glasshouse.report.sdc.Auditor;
import org.glasshouse.report.sdc.Cell;
import org.glasshouse.report.sdc.DisclosureAudit;
import org.glasshouse.report.sdc.Interval;
import org.glasshouse.report.sdc.LinearRelation;
import org.glasshouse.report.sdc.Protection;
import org.glasshouse.report.sdc.ProtectionProblem;
import org.glasshouse.report.sdc.RequiredProtection;
import org.glasshouse.report.sdc.SecondarySuppression;
import org.glasshouse.report.sdc.SuppressionPattern;
import org.glasshouse.reports.model.DataTable;
import org.glasshouse.reports.model.Paragraph;
import org.glasshouse.reports.model.Suppressed;
import org.junit.jupiter.api.Test;

/**
 * A release is never refused because no pattern exists: on ordinary small data (every count small, one partner,
 * all zeros) disclosure control publishes, and its last resort protects by construction. Figures by hand, k = 10,
 * p = 10; the attacker's ceiling is max(k + p, the largest count) = 20 on these small releases.
 */
class DisclosureFeasibilityTest {

    private static final Object C = Suppressed.INSTANCE;
    private static final List<String> AGREEMENT = List.of("agreement_id", "programme_id", "partner_id", "beneficiaries",
            "priority_share");
    private static final List<String> PROGRAMME = List.of("programme_id", "beneficiaries", "priority_share", "overlap");
    private static final List<String> PARTNER = List.of("partner_id", "beneficiaries");
    private static final List<String> OVERALL = List.of("as_of", "beneficiaries", "priority_share");
    private static final List<String> REACH = List.of("programme_id", "dimension", "value", "beneficiaries", "share");

    private static DisclosureControl.Outcome protect(ReleaseFixture f) {
        return new DisclosureControl(10).protect(f.specs, f.tables, ReleaseRelations.all());
    }

    private static Interval interval(DisclosureAudit a, String cell) {
        return a.cells().stream().filter(x -> x.cell().equals(cell)).findFirst().orElseThrow().interval();
    }

    private static List<Object> reach(String programme, String dimension, String value, long n, long total) {
        return row(programme, dimension, value, n, (double) n / total);
    }

    /** Every count of people in the tables that is not a published zero. */
    private static List<Object> countsShown(Map<String, DataTable> tables) {
        List<Object> out = new ArrayList<>();
        tables.forEach((name, t) -> {
            for (String column : PublicTables.all().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow().peopleCounts()) {
                int i = t.columns().stream().map(c -> c.name()).toList().indexOf(column);
                for (List<Object> r : t.rows()) {
                    Object v = r.get(i);
                    if (v instanceof Number n && n.longValue() != 0) out.add(name + "." + column + "=" + v);
                }
            }
        });
        return out;
    }

    /**
     * The operations tests' tiny input (src/test/resources/ops): 10 accepted service rows of P01, 7 people under
     * AGR-001 (PRG-YEP) and 2 under AGR-005 (PRG-CHA); every other agreement served nobody. Every count is small,
     * so all are primary and no further cell is needed. The report step used to refuse it: the overall total is
     * PRG-CHA + PRG-YEP, both hidden and each at least 1 (zeros are published), so no pattern could let the
     * attacker think the overall 9 might be 1. What the structure says whatever is hidden is not asked for: the
     * overall and P01 (= AGR-001 + AGR-005) may be as low as 2 (and must reach 9 + 10 = 19 above).
     */
    @Test
    void theOpsTinyInputPublishesWithEverySmallCountHidden() {
        ReleaseFixture f = new ReleaseFixture()
                .table(PublicTables.AGREEMENT_METRICS, AGREEMENT,
                        row("AGR-001", "PRG-YEP", "P01", 7L, 2.0 / 7), row("AGR-002", "PRG-YEP", "P02", 0L, null),
                        row("AGR-003", "PRG-YEP", "P03", 0L, null), row("AGR-004", "PRG-YEP", "P05", 0L, null),
                        row("AGR-005", "PRG-CHA", "P01", 2L, 0.5), row("AGR-006", "PRG-CHA", "P04", 0L, null),
                        row("AGR-007", "PRG-CHA", "P06", 0L, null), row("AGR-008", "PRG-CHA", "P07", 0L, null),
                        row("AGR-009", "PRG-DIG", "P02", 0L, null), row("AGR-010", "PRG-DIG", "P08", 0L, null),
                        row("AGR-011", "PRG-DIG", "P04", 0L, null), row("AGR-012", "PRG-DIG", "P03", 0L, null))
                .table(PublicTables.PROGRAMME_METRICS, PROGRAMME, row("PRG-CHA", 2L, 0.5, 0L),
                        row("PRG-DIG", 0L, null, 0L), row("PRG-YEP", 7L, 2.0 / 7, 0L))
                .table(PublicTables.PARTNER_METRICS, PARTNER, row("P01", 9L), row("P02", 0L), row("P03", 0L),
                        row("P04", 0L), row("P05", 0L), row("P06", 0L), row("P07", 0L), row("P08", 0L))
                .table(PublicTables.OVERALL_METRICS, OVERALL, row("2026-06-30", 9L, 3.0 / 9))
                .table(PublicTables.REACH_BREAKDOWN, REACH,
                        reach("PRG-CHA", "age_band", "0-17", 1, 2), reach("PRG-CHA", "age_band", "45-64", 1, 2),
                        reach("PRG-CHA", "priority_group", "false", 1, 2), reach("PRG-CHA", "priority_group", "true", 1, 2),
                        reach("PRG-CHA", "region", "R01", 2, 2), reach("PRG-CHA", "sex", "female", 1, 2),
                        reach("PRG-CHA", "sex", "male", 1, 2),
                        reach("PRG-YEP", "age_band", "18-24", 3, 7), reach("PRG-YEP", "age_band", "25-44", 2, 7),
                        reach("PRG-YEP", "age_band", "45-64", 1, 7), reach("PRG-YEP", "age_band", "65+", 1, 7),
                        reach("PRG-YEP", "priority_group", "false", 5, 7), reach("PRG-YEP", "priority_group", "true", 2, 7),
                        reach("PRG-YEP", "region", "R01", 7, 7), reach("PRG-YEP", "sex", "female", 2, 7),
                        reach("PRG-YEP", "sex", "male", 3, 7), reach("PRG-YEP", "sex", "other", 1, 7),
                        reach("PRG-YEP", "sex", "unknown", 1, 7))
                .table(PublicTables.DATA_QUALITY, List.of("partner_id", "dataset", "rows_read", "rows_accepted",
                        "rows_quarantined", "acceptance_rate"), row("P01", "services", 12L, 10L, 2L, 10.0 / 12),
                        row("P02", "transactions", 6L, 5L, 1L, 5.0 / 6));

        DisclosureControl.Outcome out = protect(f);

        assertThat(out.audit().passed()).isTrue();
        // 27 small counts' witnesses are too many for one master: one count at a time, no last resort needed
        assertThat(out.audit().search()).isEqualTo(SecondarySuppression.Search.ONE_AT_A_TIME);
        // Each of the 9 people has an accepted service row of P01: 10 rows would tell anyone P01 served at most
        // 10 (rows read 12 ≥ accepted, too). All three of P01's row figures go (the attacker's rows then reach the
        // ceiling 20), with the acceptance rate; P02's transactions say nothing about people.
        assertThat(out.pattern().secondary()).containsExactly("data_quality[P01,services].rows_accepted",
                "data_quality[P01,services].rows_quarantined", "data_quality[P01,services].rows_read");
        assertThat(out.audit().peopleHidden()).isZero();
        DataTable quality = out.tables().get("data_quality");
        assertThat(quality.rows().get(0)).containsSubsequence("P01", "services", C, C, C, C);
        assertThat(quality.rows().get(1)).containsSubsequence("P02", "transactions", 6L, 5L, 1L, 5.0 / 6);
        // 7 + 2 agreements, 2 programmes, P01, overall, 18 reach groups, 3 latent priority groups
        assertThat(out.audit().primaryCells()).isEqualTo(27);
        assertThat(countsShown(out.tables())).isEmpty();
        DataTable agreements = out.tables().get("agreement_metrics");
        assertThat(cell(agreements, "agreement_id", "AGR-001", "priority_share")).isEqualTo(C);
        assertThat(cell(agreements, "agreement_id", "AGR-002", "beneficiaries")).isEqualTo(0L);
        assertThat(cell(out.tables().get("programme_metrics"), "programme_id", "PRG-YEP", "overlap")).isEqualTo(0L);
        // ≤ P01's accepted rows ≤ rows read − quarantined ≤ 20 − 1
        assertThat(interval(out.audit(), "overall_metrics[2026-06-30].beneficiaries")).isEqualTo(new Interval(2, 19));
        assertThat(interval(out.audit(), "partner_metrics[P01].beneficiaries")).isEqualTo(new Interval(2, 19));
        // ≤ 19 − AGR-005 (at least 1): still 7 + 10 = 17 or more
        assertThat(interval(out.audit(), "agreement_metrics[AGR-001].beneficiaries")).isEqualTo(new Interval(1, 18));
        assertThat(out.required().get("overall_metrics[2026-06-30].beneficiaries"))
                .isEqualTo(new Protection("overall_metrics[2026-06-30].beneficiaries", 9, 2, 19, true));
        assertThat(out.required().get("agreement_metrics[AGR-001].beneficiaries").reduced()).isFalse();
    }

    /** One partner, one agreement of 5 people: every count repeats the 5 (or its priority 2); all hidden, alone. */
    @Test
    void aOnePartnerOneAgreementReleaseHidesEveryCountAndNeedsNothingElse() {
        ReleaseFixture f = new ReleaseFixture()
                .table(PublicTables.AGREEMENT_METRICS, AGREEMENT, row("A1", "G", "P", 5L, 0.4))
                .table(PublicTables.PROGRAMME_METRICS, PROGRAMME, row("G", 5L, 0.4, 0L))
                .table(PublicTables.PARTNER_METRICS, PARTNER, row("P", 5L))
                .table(PublicTables.OVERALL_METRICS, OVERALL, row("2026-09-30", 5L, 0.4))
                .table(PublicTables.REACH_BREAKDOWN, REACH, reach("G", "priority_group", "false", 3, 5),
                        reach("G", "priority_group", "true", 2, 5), reach("G", "sex", "female", 5, 5));

        DisclosureControl.Outcome out = protect(f);

        assertThat(out.audit().passed()).isTrue();
        assertThat(out.pattern().secondary()).isEmpty();
        assertThat(countsShown(out.tables())).isEmpty();
        assertThat(out.tables().get("agreement_metrics").rows()).singleElement()
                .satisfies(r -> assertThat(r).contains(C).doesNotContain(5L, 0.4));
        assertThat(interval(out.audit(), "agreement_metrics[A1].beneficiaries")).isEqualTo(new Interval(1, 20));
        assertThat(interval(out.audit(), "overall_metrics[2026-09-30].beneficiaries")).isEqualTo(new Interval(1, 20));
    }

    /** Three agreements of 3, 4 and 2 people, 8 in the programme (overlap 1): every count small, every one hidden. */
    @Test
    void aReleaseWhereEveryCountIsSmallPublishesWithAllOfThemHidden() {
        ReleaseFixture f = new ReleaseFixture()
                .table(PublicTables.AGREEMENT_METRICS, AGREEMENT, row("A1", "G", "P1", 3L, 1.0 / 3),
                        row("A2", "G", "P2", 4L, 0.5), row("A3", "G", "P3", 2L, 0.5))
                .table(PublicTables.PROGRAMME_METRICS, PROGRAMME, row("G", 8L, 0.5, 1L))
                .table(PublicTables.PARTNER_METRICS, PARTNER, row("P1", 3L), row("P2", 4L), row("P3", 2L))
                .table(PublicTables.OVERALL_METRICS, OVERALL, row("2026-09-30", 8L, 0.5))
                .table(PublicTables.REACH_BREAKDOWN, REACH, reach("G", "priority_group", "false", 4, 8),
                        reach("G", "priority_group", "true", 4, 8), reach("G", "sex", "female", 5, 8),
                        reach("G", "sex", "male", 3, 8));

        DisclosureControl.Outcome out = protect(f);

        assertThat(out.audit().passed()).isTrue();
        assertThat(out.pattern().secondary()).isEmpty();
        assertThat(countsShown(out.tables())).isEmpty();
        assertThat(out.audit().cells()).allSatisfy(a -> assertThat(a.interval().upper()).isGreaterThanOrEqualTo(
                a.value() + 10));
    }

    /** Nobody served yet: zeros are published, nothing is hidden, the audit has nothing to check and says so. */
    @Test
    void aReleaseWhereEveryCountIsZeroHidesNothing() {
        ReleaseFixture f = new ReleaseFixture()
                .table(PublicTables.AGREEMENT_METRICS, AGREEMENT, row("A1", "G", "P1", 0L, null),
                        row("A2", "G", "P2", 0L, null))
                .table(PublicTables.PROGRAMME_METRICS, PROGRAMME, row("G", 0L, null, 0L))
                .table(PublicTables.PARTNER_METRICS, PARTNER, row("P1", 0L), row("P2", 0L))
                .table(PublicTables.OVERALL_METRICS, OVERALL, row("2026-09-30", 0L, null));

        DisclosureControl.Outcome out = protect(f);

        assertThat(out.tables()).isEqualTo(f.tables);
        assertThat(out.audit().passed()).isTrue();
        assertThat(out.audit().primaryCells()).isZero();
        assertThat(out.audit().narrowest()).isNull();
        assertThat(DisclosureMethodology.blocks(10, out.audit())).anySatisfy(b -> assertThat(b)
                .isInstanceOfSatisfying(Paragraph.class, p -> assertThat(p.text())
                        .isEqualTo("In this release no count of people needed suppression.")));
    }

    /**
     * x = 5 with x + b = T (T = 55, the largest count, so the attacker's ceiling: T cannot rise), and a chain
     * b ≥ D1 ≥ D2 ≥ D3 (all 50). To let x rise by 10, b and the whole chain must fall by 10. The joint master's
     * witness may move cells only two inequalities away, so it has no solution; one count at a time widens the
     * neighbourhood to D3 and finds the optimum {b, D1, D2, D3} (200 people). With no search at all the last
     * resort hides every cell within one relation of x (b and T), then two, three, four: {b, T, D1, D2, D3}. Both
     * leave x anywhere in [1, 54] (b ≥ D3 ≥ 1).
     */
    @Test
    void theLastResortProtectsByConstructionAndTheSearchFindsLess() {
        List<Cell> cells = new ArrayList<>();
        for (String[] c : new String[][] {{"x", "5"}, {"b", "50"}, {"T", "55"}, {"D1", "50"}, {"D2", "50"},
                {"D3", "50"}}) {
            cells.add(new Cell(c[0], Long.parseLong(c[1]), Cell.Kind.COUNT, List.of()));
        }
        List<LinearRelation> relations = List.of(
                LinearRelation.sum("T", List.of("x", "b"), LinearRelation.Sense.EQ, "T = x + b"),
                LinearRelation.atMost("D1", "b", "D1 <= b"), LinearRelation.atMost("D2", "D1", "D2 <= D1"),
                LinearRelation.atMost("D3", "D2", "D3 <= D2"));
        ProtectionProblem problem = ProtectionProblem.of(cells, relations, List.of(), 10, 10);
        Map<String, Protection> required = RequiredProtection.of(problem);
        assertThat(required.get("x")).isEqualTo(new Protection("x", 5, 1, 15, false));

        SecondarySuppression.Result searched = new SecondarySuppression(problem, required,
                SecondarySuppression.Cost.PEOPLE, 400).solve();
        SecondarySuppression.Result lastResort = new SecondarySuppression(problem, required,
                SecondarySuppression.Cost.PEOPLE, 0).solve();

        assertThat(searched.pattern().secondary()).containsExactly("D1", "D2", "D3", "b");
        assertThat(searched.search()).isEqualTo(SecondarySuppression.Search.ONE_AT_A_TIME);
        assertThat(lastResort.pattern().secondary()).containsExactly("D1", "D2", "D3", "T", "b");
        assertThat(lastResort.search()).isEqualTo(SecondarySuppression.Search.LAST_RESORT);
        for (SuppressionPattern p : List.of(searched.pattern(), lastResort.pattern())) {
            Auditor.Findings audit = Auditor.audit(problem, required, p, List.of());
            assertThat(audit.passed()).isTrue();
            assertThat(audit.primary()).singleElement().satisfies(a -> assertThat(a.interval())
                    .isEqualTo(new Interval(1, 54)));
        }
    }

    /**
     * A 3×3 table with totals and one small cell r1c1 = 4: two rectangles cost 90 people each, {r1c2, r2c1,
     * r2c2} and {r1c3, r3c1, r3c3} (the crossed ones 115). The pattern is chosen by the cells' names, not by the
     * order the model or the solver meets them: the first rectangle, whichever order the cells come in.
     */
    @Test
    void equallyCheapPatternsAreBrokenByNameWhateverTheOrder() {
        long[][] v = {{4, 30, 30}, {25, 35, 60}, {25, 60, 35}};
        List<Cell> cells = new ArrayList<>();
        List<LinearRelation> relations = new ArrayList<>();
        long grand = 0;
        for (int i = 0; i < 3; i++) {
            long rowTotal = 0;
            List<String> parts = new ArrayList<>();
            for (int j = 0; j < 3; j++) {
                cells.add(new Cell("r" + (i + 1) + "c" + (j + 1), v[i][j], Cell.Kind.COUNT, List.of()));
                parts.add("r" + (i + 1) + "c" + (j + 1));
                rowTotal += v[i][j];
            }
            cells.add(new Cell("r" + (i + 1) + "t", rowTotal, Cell.Kind.COUNT, List.of()));
            relations.add(LinearRelation.sum("r" + (i + 1) + "t", parts, LinearRelation.Sense.EQ, "row"));
            grand += rowTotal;
        }
        for (int j = 0; j < 3; j++) {
            long col = 0;
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                parts.add("r" + (i + 1) + "c" + (j + 1));
                col += v[i][j];
            }
            cells.add(new Cell("tc" + (j + 1), col, Cell.Kind.COUNT, List.of()));
            relations.add(LinearRelation.sum("tc" + (j + 1), parts, LinearRelation.Sense.EQ, "column"));
        }
        cells.add(new Cell("tt", grand, Cell.Kind.COUNT, List.of()));
        relations.add(LinearRelation.sum("tt", List.of("r1t", "r2t", "r3t"), LinearRelation.Sense.EQ, "rows"));
        relations.add(LinearRelation.sum("tt", List.of("tc1", "tc2", "tc3"), LinearRelation.Sense.EQ, "columns"));

        List<Cell> reversedCells = new ArrayList<>(cells);
        java.util.Collections.reverse(reversedCells);
        List<LinearRelation> reversedRelations = new ArrayList<>(relations);
        java.util.Collections.reverse(reversedRelations);
        for (ProtectionProblem problem : List.of(ProtectionProblem.of(cells, relations, List.of(), 10, 10),
                ProtectionProblem.of(reversedCells, reversedRelations, List.of(), 10, 10))) {
            SecondarySuppression.Result r = new SecondarySuppression(problem, SecondarySuppression.Cost.PEOPLE).solve();
            assertThat(r.pattern().secondary()).containsExactly("r1c2", "r2c1", "r2c2");
            assertThat(r.search()).isEqualTo(SecondarySuppression.Search.OPTIMAL);
        }
    }
}
